// Creates a database file so that two processes starting on one folder at once
// (two first starts, the kiosk and a technician's CLI) end up with one file made
// whole by one of them. SQLite cannot do this alone: two connections creating an
// encrypted file together each pick their own SQLCipher salt (the loser then reads
// "not a database"), and switching a brand-new file to WAL while another
// connection reads it answers SQLITE_BUSY without waiting. So the file is built
// under a private name (keyed, in WAL mode, 0600) and hard-linked into place:
// link(2) fails if the name exists, so exactly one creator wins and the other
// simply opens the winner's file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Database, type Db } from './sqlite.js';
import { linkIntoPlace } from '../fsync.js';

/**
 * Makes sure `file` exists as a database prepared by `prepare` (key pragmas, WAL
 * mode). Does nothing when it already exists. Errors are the caller's to classify.
 */
export function ensureDatabaseFile(file: string, prepare: (db: Db) => void): void {
  if (fs.existsSync(file)) return;
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.creating`;
  fs.closeSync(fs.openSync(tmp, 'wx', 0o600));
  try {
    const db = new Database(tmp);
    try {
      prepare(db);
      // Writes page 1 (salt, header, WAL flag), so the file is whole before anyone else sees it.
      db.exec('CREATE TABLE xy_created (x); DROP TABLE xy_created;');
    } finally {
      db.close(); // checkpoints and removes the private WAL
    }
    const fd = fs.openSync(tmp, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    linkIntoPlace(tmp, file); // false: another process won, and its file is the file
  } finally {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) fs.rmSync(f, { force: true });
  }
}

