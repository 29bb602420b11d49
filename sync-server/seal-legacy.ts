// Personal data an older server (schema version 2 and before) wrote in clear,
// sealed the first time a server opens the database with its master key:
// application bodies, residents' records, the server's private key and the
// attachment files. One write transaction, so two servers opening at once seal
// each row once; an attachment file is replaced atomically by its sealed form
// (a sealed file is recognised by its header if a crash came before the commit).
// Afterwards the file is vacuumed and the WAL truncated, so no copy in clear
// lingers in free pages (secure_delete zeroes them too).
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../offline-store/db/sqlite.js';
import { uploadFile } from './db.js';
import { isSealedFile, sealedRecord } from './sealed-file.js';
import { applicationAd, residentAd, SERVER_KEY_AD, type Vault } from './vault.js';

export function sealLegacyRows(db: Db, vault: Vault, dir: string): number {
  const sealed = db
    .transaction(() => {
      let n = 0;
      const apps = db.prepare('SELECT id, body_json FROM applications WHERE body_json IS NOT NULL').all() as { id: string; body_json: string }[];
      const setBody = db.prepare('UPDATE applications SET body_enc = ?, body_json = NULL WHERE id = ?');
      for (const a of apps) setBody.run(vault.seal(a.body_json, applicationAd(a.id)), a.id);
      n += apps.length;

      if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'residents_plain'").get()) {
        const rows = db.prepare('SELECT id_number, record_json, as_of FROM residents_plain').all() as { id_number: string; record_json: string; as_of: string }[];
        const put = db.prepare('INSERT OR REPLACE INTO residents (id_key, record_enc, as_of) VALUES (?, ?, ?)');
        for (const r of rows) {
          const key = vault.residentKey(r.id_number);
          put.run(key, vault.seal(r.record_json, residentAd(key)), r.as_of);
        }
        db.exec('DROP TABLE residents_plain');
        n += rows.length + 1;
      }

      const plainKey = db.prepare('SELECT private_key_der FROM server_identity WHERE id = 1 AND private_key_der IS NOT NULL').get() as { private_key_der: Buffer } | undefined;
      if (plainKey) {
        db.prepare('UPDATE server_identity SET private_key_enc = ?, private_key_der = NULL WHERE id = 1').run(vault.seal(plainKey.private_key_der, SERVER_KEY_AD));
        n++;
      }

      const uploads = db.prepare('SELECT id, received FROM uploads WHERE stored_bytes IS NULL').all() as { id: string; received: number }[];
      const setStored = db.prepare('UPDATE uploads SET stored_bytes = ?, received = ?, complete = CASE WHEN ? THEN complete ELSE 0 END WHERE id = ?');
      for (const u of uploads) {
        const r = sealUploadFile(vault, dir, u.id, u.received);
        setStored.run(r.storedBytes, r.received, r.received === u.received ? 1 : 0, u.id);
      }
      n += uploads.length;
      return n;
    })
    .immediate();
  if (sealed > 0) {
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return sealed;
}

/** Replaces a plain upload file by its sealed form; what is missing from the file counts as not received. */
function sealUploadFile(vault: Vault, dir: string, id: string, received: number): { storedBytes: number; received: number } {
  const file = uploadFile(dir, id);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { storedBytes: 0, received: 0 };
    throw e;
  }
  // Sealed before a crash that came ahead of the commit: it holds the whole received part as one record.
  if (isSealedFile(bytes)) return { storedBytes: bytes.length, received };
  const plain = bytes.subarray(0, Math.min(received, bytes.length));
  if (plain.length === 0) {
    fs.rmSync(file, { force: true });
    return { storedBytes: 0, received: 0 };
  }
  const out = sealedRecord(vault, id, 0, plain, 0);
  const tmp = `${file}.sealing`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, out);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  // The clear bytes are overwritten where they lie before the sealed file takes the name.
  const old = fs.openSync(file, 'r+');
  try {
    fs.writeSync(old, Buffer.alloc(bytes.length), 0, bytes.length, 0);
    fs.fsyncSync(old);
  } finally {
    fs.closeSync(old);
  }
  fs.renameSync(tmp, file);
  const dirFd = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dirFd);
  } finally {
    fs.closeSync(dirFd);
  }
  return { storedBytes: out.length, received: plain.length };
}
