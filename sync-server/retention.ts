// What the server no longer needs, purged: the attachments (ID-card photos,
// certificates) of applications finished (completed or rejected) more than
// `attachmentDays` ago, and uploads a kiosk started but never finished within
// `abandonedUploadDays`. A rejected application resubmitted later simply
// uploads its attachments again (the server answers `incomplete`). Rows go
// first, in one transaction; files after, so a crash leaves at most a file
// without a row, which the next purge removes once it is old enough that no
// first chunk can still be on its way to the database.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../offline-store/db/sqlite.js';
import { uploadFile } from './db.js';

export interface RetentionPolicy {
  /** Days after an application is finished that its attachments are kept. */
  attachmentDays: number;
  /** Days an unfinished upload is kept after its last chunk. */
  abandonedUploadDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { attachmentDays: 30, abandonedUploadDays: 7 };

export interface PurgeResult {
  applications: number;
  attachments: number;
  abandonedUploads: number;
  strayFiles: number;
}

const DAY = 86_400_000;
/** A file with no row younger than this may be a first chunk whose row is being written. */
const STRAY_GRACE_MS = DAY;

/** The cut-off times of a policy (ISO strings, as stored), after checking it. */
export function retentionCutoffs(now: Date, policy: RetentionPolicy): { finishedBefore: string; abandonedBefore: string } {
  for (const [k, v] of Object.entries(policy)) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`retention ${k} must be a number of days ≥ 0, not ${v}`);
  }
  return {
    finishedBefore: new Date(now.getTime() - policy.attachmentDays * DAY).toISOString(),
    abandonedBefore: new Date(now.getTime() - policy.abandonedUploadDays * DAY).toISOString(),
  };
}

/** The SQLite server's purge: rows in one transaction, then the files (see the header). */
export function purgeExpired(db: Db, dir: string, now: Date, policy: RetentionPolicy, attachmentsOf: (appId: string, bodyEnc: Buffer) => string[]): PurgeResult {
  const { finishedBefore, abandonedBefore } = retentionCutoffs(now, policy);
  const removed = db
    .transaction(() => {
      const apps = db
        .prepare("SELECT id, body_enc FROM applications WHERE status IN ('completed', 'rejected') AND updated_at < ? AND attachments_purged_at IS NULL")
        .all(finishedBefore) as { id: string; body_enc: Buffer }[];
      const files: string[] = [];
      const dropUpload = db.prepare('DELETE FROM uploads WHERE id = ?');
      const mark = db.prepare('UPDATE applications SET attachments_purged_at = ? WHERE id = ?');
      let attachments = 0;
      for (const a of apps) {
        for (const att of attachmentsOf(a.id, a.body_enc)) {
          attachments += dropUpload.run(att).changes;
          files.push(att);
        }
        mark.run(now.toISOString(), a.id);
      }
      const abandoned = db.prepare('SELECT id FROM uploads WHERE complete = 0 AND updated_at < ?').all(abandonedBefore) as { id: string }[];
      for (const u of abandoned) {
        dropUpload.run(u.id);
        files.push(u.id);
      }
      return { files, applications: apps.length, attachments, abandonedUploads: abandoned.length };
    })
    .immediate();
  for (const id of removed.files) fs.rmSync(uploadFile(dir, id), { force: true });
  return { applications: removed.applications, attachments: removed.attachments, abandonedUploads: removed.abandonedUploads, strayFiles: removeStrays(db, dir, now) };
}

function removeStrays(db: Db, dir: string, now: Date): number {
  const folder = path.dirname(uploadFile(dir, 'x'));
  const known = db.prepare('SELECT 1 FROM uploads WHERE id = ?');
  let n = 0;
  for (const name of fs.readdirSync(folder)) {
    const file = path.join(folder, name);
    const st = fs.lstatSync(file, { throwIfNoEntry: false });
    if (!st?.isFile() || now.getTime() - st.mtimeMs < STRAY_GRACE_MS || known.get(name)) continue;
    fs.rmSync(file, { force: true });
    n++;
  }
  return n;
}
