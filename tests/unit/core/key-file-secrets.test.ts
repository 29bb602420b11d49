// The web host's key files (main/core/key-file-secrets.ts, the one shared
// implementation): a loosened key is tightened back to 0600 before use, a
// symlink planted where a key should be is refused with a typed error, and a
// keys folder someone opened up is closed to 0700 when a key is created.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { keyFileSecretStore, SecretFileError } from '../../../main/core/key-file-secrets.js';
import { repoRoot } from '../../support/kiosk-process.js';

const asRoot = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;

const dirs: string[] = [];
function keysDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'xy-keys-'));
  dirs.push(d);
  return path.join(d, 'xiangyin-keys');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('web host key files', () => {
  it('tightens a loosened key file back to 0600 and keeps its key', async () => {
    const dir = keysDir();
    const first = await keyFileSecretStore(dir).getOrCreate('store-database-key', () => crypto.randomBytes(32));
    const file = path.join(dir, 'store-database-key.key');
    fs.chmodSync(file, 0o644);
    const again = await keyFileSecretStore(dir).getOrCreate('store-database-key', () => crypto.randomBytes(32));
    expect(again.equals(first)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a symlink where the key should be, with a typed error', async () => {
    const dir = keysDir();
    fs.mkdirSync(dir, { mode: 0o700 });
    const planted = path.join(path.dirname(dir), 'planted.key');
    fs.writeFileSync(planted, crypto.randomBytes(32));
    fs.symlinkSync(planted, path.join(dir, 'store-database-key.key'));
    await expect(keyFileSecretStore(dir).getOrCreate('store-database-key', () => crypto.randomBytes(32))).rejects.toBeInstanceOf(SecretFileError);
  });

  it('closes a keys folder left open to others when it creates a key', async () => {
    const dir = keysDir();
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    await keyFileSecretStore(dir).getOrCreate('sync-signing-key', () => crypto.randomBytes(32));
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });

  it.skipIf(!asRoot)('refuses, saying what to do, a loosened key file it cannot tighten (another owner)', () => {
    // Outside this file's private (0700) TMPDIR, so that nobody can reach it.
    const d = fs.mkdtempSync(path.join(process.env.XY_OUTER_TMPDIR ?? os.tmpdir(), 'xy-keys-owner-'));
    dirs.push(d);
    fs.chmodSync(d, 0o755);
    fs.mkdirSync(path.join(d, 'keys'), { mode: 0o755 });
    fs.writeFileSync(path.join(d, 'keys', 'store-database-key.key'), crypto.randomBytes(32), { mode: 0o644 });
    const script = path.join(d, 'use-key.mjs');
    fs.writeFileSync(
      script,
      `import { keyFileSecretStore } from ${JSON.stringify(path.join(repoRoot, 'main/core/key-file-secrets.ts'))};
try { await keyFileSecretStore(${JSON.stringify(path.join(d, 'keys'))}).getOrCreate('store-database-key', () => Buffer.alloc(32)); console.log('used it'); }
catch (e) { console.log(e.name + ': ' + e.message); }`,
      { mode: 0o644 },
    );
    const nobodyTmp = path.join(d, 'tmp'); // for tsx's cache
    fs.mkdirSync(nobodyTmp);
    fs.chmodSync(nobodyTmp, 0o777);
    // The process runs as nobody: the root-owned 0644 key is readable to it but not its to chmod.
    const run = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', fs.realpathSync(process.execPath), '--import', 'tsx', script], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: nobodyTmp },
    });
    expect(run.stdout, run.stderr).toMatch(/^SecretFileError: .*mode 644.*could not be tightened to 600.*chmod 600/);
  });
});
