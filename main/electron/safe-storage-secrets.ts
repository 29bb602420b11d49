// SecretStore under Electron: secrets are generated once, wrapped with the OS
// keyring through safeStorage, and kept wrapped in a 0600 file outside the
// database folder. Copying the disk alone does not reveal the database key.
import { safeStorage } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import type { SecretStore } from '../core/platform.js';

export function safeStorageSecretStore(dir: string): SecretStore {
  return {
    kind: 'electron-safe-storage',
    async getOrCreate(name, create) {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('OS keyring unavailable: safeStorage cannot wrap the database key');
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
