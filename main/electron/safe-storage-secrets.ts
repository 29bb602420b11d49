// SecretStore under Electron: secrets are generated once, wrapped with the OS
// keyring through safeStorage, and kept wrapped in a 0600 file outside the
// database folder. Copying the disk alone does not reveal the database key.
//
// On Linux, safeStorage silently falls back to its `basic_text` backend when no
// keyring answers: a password compiled into Chromium, which protects nothing.
// We refuse that backend (and an unavailable safeStorage) with a typed error
// that says what to do, rather than wrap the database key with a public password.
// safeStorage is passed in (Electron's in main.ts, a test's own in unit tests).
import fs from 'node:fs';
import path from 'node:path';
import type { SecretStore } from '../core/platform.js';

/** The part of Electron's `safeStorage` this store uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only; 'unknown' before the app is ready. */
  getSelectedStorageBackend?(): string;
}

export class KeyringUnavailableError extends Error {
  constructor(
    readonly code: 'basic-text-backend' | 'encryption-unavailable' | 'backend-unknown',
    message: string,
  ) {
    super(message);
    this.name = 'KeyringUnavailableError';
  }
}

const WHAT_TO_DO =
  'Start a keyring in the kiosk session (the Xiangyin Kiosk session does: gnome-keyring-daemon --unlock, from the gnome-keyring package) ' +
  'and run Electron with --password-store=gnome-libsecret (main.ts sets it), or run the web host instead (its key is a 0600 key file).';

/** Throws unless safeStorage is backed by a real keyring. */
export function assertRealKeyring(safeStorage: SafeStorageLike, platform: NodeJS.Platform): void {
  // Asked first: on Linux this is what makes Chromium settle on a backend.
  if (!safeStorage.isEncryptionAvailable()) {
    throw new KeyringUnavailableError('encryption-unavailable', `The OS keyring is unavailable: safeStorage cannot wrap the database key. ${WHAT_TO_DO}`);
  }
  if (platform !== 'linux' || !safeStorage.getSelectedStorageBackend) return;
  const backend = safeStorage.getSelectedStorageBackend();
  if (backend === 'basic_text') {
    throw new KeyringUnavailableError(
      'basic-text-backend',
      `No OS keyring is running: Electron's safeStorage fell back to basic_text, a password built into Chromium, so the database key would be as good as unprotected. ${WHAT_TO_DO}`,
    );
  }
  if (backend === 'unknown') {
    throw new KeyringUnavailableError('backend-unknown', `safeStorage has not chosen a keyring (asked before the app was ready, or no keyring answered). ${WHAT_TO_DO}`);
  }
}

export function safeStorageSecretStore(dir: string, safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretStore {
  return {
    kind: 'electron-safe-storage',
    async getOrCreate(name, create) {
      assertRealKeyring(safeStorage, platform);
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const file = path.join(dir, `${name}.wrapped`);
      if (fs.existsSync(file)) return Buffer.from(safeStorage.decryptString(fs.readFileSync(file)), 'base64');
      const secret = create();
      const tmp = `${file}.tmp`;
      fs.writeFileSync(tmp, safeStorage.encryptString(secret.toString('base64')), { mode: 0o600 });
      fs.renameSync(tmp, file);
      return secret;
    },
  };
}
