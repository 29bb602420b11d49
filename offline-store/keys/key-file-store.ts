// Secrets as files with mode 0600 in a 0700 folder that is NOT the database
// folder, so a copy of the database folder alone does not carry its key.
// The file holds the raw secret bytes (the same format as the web host's
// main/core/key-file-secrets.ts, so the CLI and the kiosk read each other's keys).
// Creation is atomic and race-free (write a temp file, fsync, hard-link into
// place): two processes starting together (kiosk and CLI) end up with one key.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { assertSecretName, type SecretStore } from './secret-store.js';

export function keyFileSecretStore(dir: string): SecretStore {
  const fileOf = (name: string) => path.join(dir, `${name}.key`);
  return {
    kind: 'key-file',
    async getOrCreate(name, create) {
      assertSecretName(name);
      const file = fileOf(name);
      const existing = readIfPresent(file);
      if (existing) return existing;
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      const fd = fs.openSync(tmp, 'wx', 0o600);
      try {
        fs.writeSync(fd, create());
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      try {
        fs.linkSync(tmp, file);
        fsyncDir(dir);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      } finally {
        fs.rmSync(tmp, { force: true });
      }
      const created = readIfPresent(file);
      if (!created) throw new Error(`secret ${name} vanished after creation`);
      return created;
    },
  };
}

function readIfPresent(file: string): Buffer | null {
  let value: Buffer;
  try {
    value = fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  // Someone loosened the mode (a backup restore, a careless copy): tighten it again.
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  if (value.length === 0) throw new Error(`secret file ${path.basename(file)} is empty or damaged`);
  return value;
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every filesystem allows fsync on a directory; the link itself is durable enough there.
  }
}
