// SecretStore for hosts without an OS keyring (the web host, a TV box's Chromium):
// each secret is a file of mode 0600 in a keys/ folder kept apart from the database
// folder, so copying the data folder alone does not carry the key with it.
import fs from 'node:fs';
import path from 'node:path';
import type { SecretStore } from './platform.js';

export function keyFileSecretStore(dir: string): SecretStore {
  return {
    kind: 'key-file',
    async getOrCreate(name, create) {
      if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad secret name ${name}`);
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const file = path.join(dir, `${name}.key`);
      try {
        return fs.readFileSync(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      const secret = create();
      // Write-then-rename so a crash never leaves a half-written key behind; 'wx'
      // on the temp file refuses to follow a planted symlink.
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, secret, { mode: 0o600, flag: 'wx' });
      fs.renameSync(tmp, file);
      return fs.readFileSync(file);
    },
  };
}

export function memorySecretStore(): SecretStore {
  const map = new Map<string, Buffer>();
  return {
    kind: 'memory',
    async getOrCreate(name, create) {
      if (!map.has(name)) map.set(name, create());
      return map.get(name)!;
    },
  };
}
