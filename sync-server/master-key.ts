// The server's master key: 32 bytes that never touch the database. It only
// wraps the data key (vault.ts), so a copy of the database folder, a backup or
// the database administrator sees sealed personal data and a wrapped key, never
// the key to open it. Where it comes from:
//   --master-key-file FILE (32 raw bytes, or 64 hex digits, or base64), 0600;
//   XIANGYIN_SERVER_MASTER_KEY_FILE, or XIANGYIN_SERVER_MASTER_KEY (hex/base64);
//   the embedded server: the kiosk's own secret store (a keyring or a key file),
//   as the kiosk's store gets its database key.
import crypto from 'node:crypto';
import fs from 'node:fs';

export const SERVER_MASTER_KEY_NAME = 'sync-server-master-key';
export const MASTER_KEY_BYTES = 32;

/** The master key is missing, malformed, loosely kept, or not the one this server's data key was wrapped with. */
export class MasterKeyError extends Error {
  constructor(
    readonly code: 'missing' | 'malformed' | 'loose-file' | 'wrong-master-key' | 'exists',
    message: string,
  ) {
    super(message);
    this.name = 'MasterKeyError';
  }
}

/** 32 raw bytes, 64 hex digits, or base64 of 32 bytes (surrounding white space ignored). */
export function parseMasterKey(raw: Buffer, where: string): Buffer {
  if (raw.length === MASTER_KEY_BYTES) return Buffer.from(raw);
  const text = raw.toString('utf8').trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/]{43}=?$/.test(text)) {
    const b = Buffer.from(text, 'base64');
    if (b.length === MASTER_KEY_BYTES) return b;
  }
  throw new MasterKeyError('malformed', `${where}: a master key is 32 bytes, written raw, as 64 hex digits or in base64 (make one with \`npx xiangyin server new-master-key FILE\`)`);
}

/** Reads a key file, refusing a symlink or a file others can read (it would not be a secret any more). */
export function readMasterKeyFile(file: string): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new MasterKeyError('missing', `master key file ${file} does not exist`);
    if (code === 'ELOOP') throw new MasterKeyError('loose-file', `master key file ${file} is a symlink: refusing to use it`);
    throw e;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new MasterKeyError('loose-file', `master key file ${file} is not a plain file`);
    if ((st.mode & 0o077) !== 0) {
      throw new MasterKeyError('loose-file', `master key file ${file} has mode ${(st.mode & 0o777).toString(8)}: others can read it. chmod 600 it (and consider the key exposed).`);
    }
    return parseMasterKey(fs.readFileSync(fd), `master key file ${file}`);
  } finally {
    fs.closeSync(fd);
  }
}

/** The master key named by the environment, or null when it names none. */
export function masterKeyFromEnv(env: Readonly<Record<string, string | undefined>>): Buffer | null {
  if (env.XIANGYIN_SERVER_MASTER_KEY_FILE) return readMasterKeyFile(env.XIANGYIN_SERVER_MASTER_KEY_FILE);
  if (env.XIANGYIN_SERVER_MASTER_KEY) return parseMasterKey(Buffer.from(env.XIANGYIN_SERVER_MASTER_KEY), 'XIANGYIN_SERVER_MASTER_KEY');
  return null;
}

/** Writes a fresh random master key (hex) to a new 0600 file; never replaces an existing one. */
export function writeNewMasterKeyFile(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new MasterKeyError('exists', `${file} already exists: a master key is never overwritten`);
    throw e;
  }
  try {
    fs.writeSync(fd, crypto.randomBytes(MASTER_KEY_BYTES).toString('hex') + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
