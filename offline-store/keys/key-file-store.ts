// Secrets as files with mode 0600 in a 0700 folder that is NOT the database
// folder, so a copy of the database folder alone does not carry its key.
// The one implementation for every host without a keyring: the web host
// (through main/core/key-file-secrets.ts) and the CLI both use it, so they
// read each other's keys and create them the same way.
// Creation is atomic and race-free (write a temp file, fsync, hard-link into
// place, fsync the folder): link() never replaces an existing key, so of many
// processes starting together exactly one key wins and every one of them
// returns it. rename() would let the last writer replace a key that others
// have already encrypted a database with.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { assertSecretName, type SecretStore } from './secret-store.js';
import { linkIntoPlace } from '../fsync.js';

/** A key file that cannot be used safely: loosened beyond repair, damaged, or not a plain file. */
export class SecretFileError extends Error {
  override readonly name = 'SecretFileError';
}

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
      tighten(dir, 0o700);
      const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      const fd = fs.openSync(tmp, 'wx', 0o600);
      try {
        fs.writeSync(fd, create());
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      try {
        linkIntoPlace(tmp, file); // false: another process won the race, and its key is the key
      } finally {
        fs.rmSync(tmp, { force: true });
      }
      const created = readIfPresent(file);
      if (!created) throw new SecretFileError(`secret ${name} vanished after creation`);
      return created;
    },
  };
}

/**
 * Reads a key file without following a symlink, tightening a mode that someone
 * loosened (a backup restore, a careless copy) back to 0600; a file we cannot
 * tighten (another owner) is refused rather than used.
 */
function readIfPresent(file: string): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP') throw new SecretFileError(`secret file ${file} is a symlink: refusing to use it`);
    throw e;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new SecretFileError(`secret file ${file} is not a plain file`);
    if ((st.mode & 0o077) !== 0) {
      try {
        fs.fchmodSync(fd, 0o600);
      } catch (e) {
        throw new SecretFileError(
          `secret file ${file} has mode ${(st.mode & 0o777).toString(8)} (readable by others) and could not be tightened to 600: ${(e as Error).message}. Fix its owner and mode (chmod 600) and start again.`,
        );
      }
    }
    const value = fs.readFileSync(fd);
    if (value.length === 0) throw new SecretFileError(`secret file ${path.basename(file)} is empty or damaged`);
    return value;
  } finally {
    fs.closeSync(fd);
  }
}

/** A folder of secrets that someone opened up is closed again (best effort: the files themselves are 0600). */
function tighten(dir: string, mode: number): void {
  try {
    if ((fs.statSync(dir).mode & 0o777 & ~mode) !== 0) fs.chmodSync(dir, mode);
  } catch {
    // Not ours to change; the key files' own mode still protects them.
  }
}

