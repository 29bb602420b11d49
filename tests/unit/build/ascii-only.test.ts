// The web host's built files are made ASCII-only (scripts/ascii-only.mjs) so V8
// holds their sources at one byte per character. The escaping must not change
// what any of the code means: a module full of non-ASCII in every place it can
// appear is loaded as written and as escaped, and every value compared.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeNonAscii } from '../../../scripts/ascii-only.mjs';
import { repoRoot } from '../../support/kiosk-process.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xy-ascii-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const MODULE = `
/** 姓名 and 😀 in a comment */
const 名字 = '张三';
export const name = 名字;
export const plain = "中文：😀";
export const template = \`您好，\${名字}！😀\`;
export const field = /(姓名|名字)\\s*[:=：]\\s*([\\u3400-\\u9fff·•]{1,20})/g.exec('姓名：李四')?.slice(1);
export const emojiU = /^[😀-😏]$/u.test('😃');
export const emojiPlain = /😀/.test('x😀y');
export const lengths = ['😀'.length, [...'😀'].length];
export class A {
  /** 类里的注释 (esbuild keeps these) */
  x = '乡音';
}
export const a = new A().x;
`;

async function load(name: string, text: string): Promise<Record<string, unknown>> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return { ...(await import(pathToFileURL(file).href)) } as Record<string, unknown>;
}

describe('escapeNonAscii', () => {
  it('leaves nothing but ASCII, and the code means exactly what it did', async () => {
    const escaped = escapeNonAscii(MODULE);
    expect(/[\u0080-\uffff]/.test(escaped)).toBe(false);
    expect(escaped.split('\n').length).toBe(MODULE.split('\n').length);
    const before = await load('before.mjs', MODULE);
    const after = await load('after.mjs', escaped);
    delete before.A;
    delete after.A;
    expect(after).toEqual(before);
    expect(before.field).toEqual(['姓名', '李四']);
    expect(before.emojiU).toBe(true);
  });

  it('refuses a backslash before a non-ASCII character, which the escape would change', () => {
    expect(() => escapeNonAscii('const r = /\\：/;')).toThrow(/backslash before a non-ASCII character/);
  });
});

const built = path.join(repoRoot, 'dist', 'host');
describe.skipIf(!fs.existsSync(path.join(built, 'launch.js')))('the built web host', () => {
  it('is ASCII-only, every file of it', () => {
    const files = fs.readdirSync(built).filter((n) => n.endsWith('.js'));
    expect(files.length).toBeGreaterThan(3);
    expect(files.filter((n) => /[\u0080-\uffff]/.test(fs.readFileSync(path.join(built, n), 'utf8')))).toEqual([]);
  });
});
