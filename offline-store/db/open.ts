// Opens the kiosk's SQLite file encrypted with SQLCipher settings (through
// better-sqlite3-multiple-ciphers), in WAL mode with synchronous=FULL so a commit
// that returned survives a power cut. The key is 32 random bytes passed as a raw
// key: no passphrase KDF is needed for a random key, so opening stays fast even
// when the kiosk restarts many times in a row.
// The file and its -wal and -shm companions are 0600: SQLite gives the
// companions the database file's mode, so the file is created 0600 (by
// create-file.ts, under a private name linked into place: creating it empty here
// first would let two first starts each key it with their own salt), and any of
// the three found looser is tightened.
import fs from 'node:fs';
import path from 'node:path';
import { classifySqliteError, StoreError } from './errors.js';
import { ensureDatabaseFile } from './create-file.js';
import { Database, type Db } from './sqlite.js';

export type { Db };

export interface OpenOptions {
  file: string;
  /** 32 bytes. */
  key: Buffer;
  readonly?: boolean;
}

function keyed(db: Db, key: Buffer): void {
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
}

/** File-system failures while creating the file, in SQLite's terms, so they classify alike. */
function fsAsSqliteError(e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return { code: 'SQLITE_FULL' };
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return { code: 'SQLITE_READONLY' };
  if (typeof code === 'string' && code.startsWith('E')) return { code: 'SQLITE_IOERR' };
  return e;
}

export function openEncryptedDatabase(opts: OpenOptions): Db {
  if (opts.key.length !== 32) throw new StoreError('invalid', 'database key must be 32 bytes');
  const dir = path.dirname(opts.file);
  if (!opts.readonly) {
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (e) {
      throw classifySqliteError({ code: (e as NodeJS.ErrnoException).code === 'ENOSPC' ? 'SQLITE_FULL' : 'SQLITE_READONLY' });
    }
  }
  let db: Db | undefined;
  try {
    if (!opts.readonly) {
      try {
        ensureDatabaseFile(opts.file, (fresh) => {
          keyed(fresh, opts.key);
          fresh.pragma('journal_mode = WAL');
        });
      } catch (e) {
        throw fsAsSqliteError(e);
      }
      ownerOnly(opts.file);
    }
    db = new Database(opts.file, { readonly: opts.readonly ?? false, fileMustExist: true });
    keyed(db, opts.key);
    // Set before the first read: another process may hold the file's lock (its
    // first start switching to WAL, a migration), and without it we would fail at once.
    db.pragma('busy_timeout = 5000');
    // The first read decrypts page 1: a wrong key fails here with SQLITE_NOTADB.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      // Checkpoints run from the sync loop when idle, never inside an enqueue.
      db.pragma('wal_autocheckpoint = 0');
    }
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    return db;
  } catch (e) {
    try {
      db?.close();
    } catch {
      // already unusable
    }
    throw classifySqliteError(e);
  }
}

/** Tightens the database file and its WAL/SHM files if someone loosened them. */
function ownerOnly(file: string): void {
  try {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      const st = fs.statSync(f, { throwIfNoEntry: false });
      if (st && (st.mode & 0o077) !== 0) fs.chmodSync(f, 0o600);
    }
  } catch (e) {
    throw classifySqliteError({ code: (e as NodeJS.ErrnoException).code === 'ENOSPC' ? 'SQLITE_FULL' : 'SQLITE_READONLY' });
  }
}
