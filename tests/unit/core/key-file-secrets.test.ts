// The web host's key files (main/core/key-file-secrets.ts, the one shared
// implementation): a loosened key is tightened back to 0600 before use, a
// symlink planted where a key should be is refused with a typed error, and a
// keys folder someone opened up is closed to 0700 when a key is created.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyFileSecretStore, SecretFileError } from '../../../main/core/key-file-secrets.js';

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
});
