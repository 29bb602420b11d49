// Resumable attachment uploads. The kiosk PUTs chunks at an offset; the server
// writes each whole, hash-checked chunk at that position, fsyncs, then records
// the new offset, so `received` never claims bytes that are not on disk. A wrong
// offset gets 409 with the offset to resume from; when the last byte arrives the
// whole file is checked against the sha256 the kiosk declared (and signed).
// Each chunk reaches the disk sealed (sealed-file.ts): the file grows by one
// sealed record per chunk, written at the file position the database recorded
// for the last whole chunk, so a chunk a crash left half-written is overwritten.
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Db } from '../offline-store/db/sqlite.js';
import type { UploadState } from '../offline-store/sync/protocol.js';
import { uploadFile } from './db.js';
import { HttpError } from './http-util.js';
import { openSealedFile, sealedRecord } from './sealed-file.js';
import type { Vault } from './vault.js';

interface UploadRow {
  id: string;
  kiosk_id: string;
  size: number;
  sha256: string;
  received: number;
  complete: number;
  stored_bytes: number | null;
}

export interface ChunkHeaders {
  offset: number;
  total: number;
  sha256: string;
}

export class UploadDesk {
  /** One chunk at a time per attachment: two senders (kiosk and CLI) must not interleave. */
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: Db,
    private readonly vault: Vault,
    private readonly dir: string,
    private readonly now: () => Date,
  ) {}

  state(kioskId: string, id: string): UploadState {
    const row = this.row(id);
    if (row && row.kiosk_id !== kioskId) throw new HttpError(403, 'not-yours', 'upload belongs to another kiosk');
    return row ? toState(row) : { id, received: 0, size: 0, complete: false };
  }

  async putChunk(kioskId: string, id: string, h: ChunkHeaders, chunk: Buffer): Promise<{ status: number; state: UploadState }> {
    const prev = this.locks.get(id) ?? Promise.resolve();
    const run = prev.then(() => this.putChunkLocked(kioskId, id, h, chunk));
    const tail = run.catch(() => {});
    this.locks.set(id, tail);
    void tail.then(() => {
      if (this.locks.get(id) === tail) this.locks.delete(id);
    });
    return run;
  }

  private async putChunkLocked(kioskId: string, id: string, h: ChunkHeaders, chunk: Buffer): Promise<{ status: number; state: UploadState }> {
    if (!Number.isSafeInteger(h.offset) || !Number.isSafeInteger(h.total) || h.offset < 0 || h.total <= 0 || !/^[0-9a-f]{64}$/.test(h.sha256)) {
      throw new HttpError(400, 'bad-upload-headers', 'x-upload-offset, x-upload-length and x-upload-sha256 are required');
    }
    if (h.total > 20 * 1024 * 1024) throw new HttpError(413, 'too-large', 'attachments are limited to 20 MB');
    let row = this.row(id);
    if (row && row.kiosk_id !== kioskId) throw new HttpError(403, 'not-yours', 'upload belongs to another kiosk');
    if (row && (row.size !== h.total || row.sha256 !== h.sha256)) throw new HttpError(422, 'upload-mismatch', 'size or sha256 differ from the upload already started');
    if (row?.complete) return { status: 200, state: toState(row) };
    const received = row?.received ?? 0;
    if (h.offset !== received) return { status: 409, state: row ? toState(row) : { id, received: 0, size: h.total, complete: false } };
    if (h.offset + chunk.length > h.total || chunk.length === 0) throw new HttpError(400, 'bad-chunk', 'chunk is empty or runs past the declared length');

    const file = uploadFile(this.dir, id);
    const position = row?.stored_bytes ?? 0;
    const record = sealedRecord(this.vault, id, h.offset, chunk, position);
    const stored = position + record.length;
    const fh = await fs.promises.open(file, row ? 'r+' : 'w', 0o600);
    try {
      await fh.write(record, 0, record.length, position);
      // Drop the tail of a chunk a crash left behind past this one.
      await fh.truncate(stored);
      await fh.sync();
    } finally {
      await fh.close();
    }
    const at = this.now().toISOString();
    const next = h.offset + chunk.length;
    let complete = 0;
    if (next === h.total) {
      const actual = crypto.createHash('sha256').update(openSealedFile(this.vault, id, await fs.promises.readFile(file), stored)).digest('hex');
      if (actual !== h.sha256) {
        // Start over rather than keep bytes that do not add up.
        await fs.promises.truncate(file, 0);
        this.db.prepare('UPDATE uploads SET received = 0, stored_bytes = 0, updated_at = ? WHERE id = ?').run(at, id);
        throw new HttpError(422, 'sha256-mismatch', 'the uploaded bytes do not match the declared sha256; upload again from 0');
      }
      complete = 1;
    }
    this.db
      .prepare(
        `INSERT INTO uploads (id, kiosk_id, size, sha256, received, complete, updated_at, stored_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET received = excluded.received, complete = excluded.complete, updated_at = excluded.updated_at, stored_bytes = excluded.stored_bytes`,
      )
      .run(id, kioskId, h.total, h.sha256, next, complete, at, stored);
    row = this.row(id)!;
    return { status: 200, state: toState(row) };
  }

  /** A whole attachment's plain bytes (for the operator and the tests), or null when there is none. */
  read(id: string): Buffer | null {
    const row = this.row(id);
    if (!row?.complete) return null;
    return openSealedFile(this.vault, id, fs.readFileSync(uploadFile(this.dir, id)), row.stored_bytes ?? 0);
  }

  private row(id: string): UploadRow | undefined {
    return this.db.prepare('SELECT * FROM uploads WHERE id = ?').get(id) as UploadRow | undefined;
  }
}

function toState(r: UploadRow): UploadState {
  return { id: r.id, received: r.received, size: r.size, complete: r.complete === 1 };
}
