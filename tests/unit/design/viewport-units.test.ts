// On the TV the page is zoomed to the screen from the 1920×1080 canvas it is
// designed on (renderer/src/design/tv-scale.ts). A plain viewport unit resolves
// against the real screen and is then zoomed too, so it comes out scaled twice:
// at 1280×720 the 5 % overscan-safe margin (5vh) shrank to 3.3 % of the screen
// and the header and footer fell outside it. The page's styles take viewport
// units only through global.css's --vh and --vw, which follow the zoom.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { layout } from '../../../renderer/src/design/tokens.js';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../renderer/src');
const RAW_UNIT = /\b\d+(?:\.\d+)?[dsl]?v(?:h|w|min|max|i|b)\b/g;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(css|ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** The text without comments, which may name a unit to explain it (their lines kept, so line numbers hold). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, '')).replace(/(^|[^:])\/\/.*$/gm, '$1');

describe("the page's viewport units", () => {
  it('are taken through --vh and --vw everywhere but where those are defined', () => {
    const raw: string[] = [];
    for (const f of files(src)) {
      const lines = code(fs.readFileSync(f, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        if (/^\s*--v[hw]:\s*calc\(1v[hw] \/ var\(--zoom\)\);/.test(line)) return;
        for (const m of line.matchAll(RAW_UNIT)) raw.push(`${path.relative(src, f)}:${i + 1} ${m[0]}`);
      });
    }
    expect(raw).toEqual([]);
  });

  it('put the TV overscan-safe margin at 5 % of the canvas, whatever the zoom', () => {
    expect(layout.tvSafeMargin).toEqual({ y: 'calc(5 * var(--vh))', x: 'calc(5 * var(--vw))' });
    const css = fs.readFileSync(path.join(src, 'design/global.css'), 'utf8');
    expect(css).toMatch(/--vh: calc\(1vh \/ var\(--zoom\)\);/);
    expect(css).toMatch(/--vw: calc\(1vw \/ var\(--zoom\)\);/);
  });
});
