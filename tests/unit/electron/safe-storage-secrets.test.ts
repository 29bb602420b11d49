// The Electron secret store with safeStorage passed in (the Electron binary
// cannot run here): it refuses the basic_text backend (Chromium's built-in
// password) and an unavailable keyring with a typed error saying what to do,
// and wraps secrets with a real backend.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertRealKeyring, KeyringUnavailableError, safeStorageSecretStore, type SafeStorageLike } from '../../../main/electron/safe-storage-secrets.js';

/** A stand-in for Electron's safeStorage: reversible wrapping, a chosen backend. */
function fakeSafeStorage(backend: string, available = true): SafeStorageLike & { wrapped: number } {
  const s = {
    wrapped: 0,
    isEncryptionAvailable: () => available,
    encryptString: (t: string) => {
      s.wrapped++;
      return Buffer.from(`wrapped:${Buffer.from(t).toString('hex')}`);
    },
    decryptString: (b: Buffer) => Buffer.from(b.toString().slice('wrapped:'.length), 'hex').toString(),
    getSelectedStorageBackend: () => backend,
  };
  return s;
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'xy-safe-storage-'));

describe('safeStorage secret store', () => {
  it('refuses the basic_text backend on Linux with a typed error that says what to do, and writes no key', async () => {
    const dir = tmp();
    const store = safeStorageSecretStore(dir, fakeSafeStorage('basic_text'), 'linux');
    const e = await store.getOrCreate('store-database-key', () => Buffer.alloc(32, 7)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(KeyringUnavailableError);
    expect((e as KeyringUnavailableError).code).toBe('basic-text-backend');
    expect((e as Error).message).toMatch(/gnome-keyring-daemon/);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.wrapped'))).toEqual([]);
  });

  it('refuses an unavailable keyring and a backend not chosen yet', () => {
    expect(() => assertRealKeyring(fakeSafeStorage('gnome_libsecret', false), 'linux')).toThrow(expect.objectContaining({ code: 'encryption-unavailable' }));
    expect(() => assertRealKeyring(fakeSafeStorage('unknown'), 'linux')).toThrow(expect.objectContaining({ code: 'backend-unknown' }));
  });

  it('accepts a real keyring backend and keeps only the wrapped secret on disk', async () => {
    const dir = tmp();
    const ss = fakeSafeStorage('gnome_libsecret');
    const store = safeStorageSecretStore(dir, ss, 'linux');
    const key = await store.getOrCreate('store-database-key', () => Buffer.alloc(32, 9));
    expect(key).toEqual(Buffer.alloc(32, 9));
    expect(ss.wrapped).toBe(1);
    const again = await safeStorageSecretStore(dir, ss, 'linux').getOrCreate('store-database-key', () => Buffer.alloc(32, 1));
    expect(again).toEqual(Buffer.alloc(32, 9));
    const onDisk = fs.readFileSync(path.join(dir, 'store-database-key.wrapped'));
    expect(onDisk.includes(Buffer.alloc(32, 9).toString('base64'))).toBe(false);
  });

  it('does not ask for a Linux backend on other platforms', () => {
    expect(() => assertRealKeyring(fakeSafeStorage('basic_text'), 'win32')).not.toThrow();
  });
});
