// Resumable attachment uploads. The kiosk PUTs chunks at an offset; the server
// checks each against the upload as stored (under a lock every instance
// respects), stores the whole chunk sealed, then records the new offset, so
// `received` never claims bytes that are not stored. A wrong offset gets 409
// with the offset to resume from; when the last byte arrives the whole
// attachment is checked against the sha256 the kiosk declared (and signed).
// Where the sealed chunks live is the storage's business: records in a file
// per attachment (SQLite), or rows of bytea (PostgreSQL), so a kiosk whose
// next chunk reaches another instance resumes where the last one left off.
import type { UploadState } from '../offline-store/sync/protocol.js';
import { HttpError } from './http-util.js';
import type { ChunkHeaders, ChunkJudge, InOrderChunk, ServerStorage, UploadRow } from './storage/storage.js';

export type { ChunkHeaders } from './storage/storage.js';

/** Attachments are limited to this size. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export class UploadDesk {
  constructor(
    private readonly storage: ServerStorage,
    private readonly now: () => Date,
  ) {}

  async state(kioskId: string, id: string): Promise<UploadState> {
    const row = await this.storage.upload(id);
    if (row && row.kioskId !== kioskId) throw new HttpError(403, 'not-yours', 'upload belongs to another kiosk');
    return row ? toState(row) : { id, received: 0, size: 0, complete: false };
  }

  async putChunk(kioskId: string, id: string, h: ChunkHeaders, chunk: Buffer): Promise<{ status: number; state: UploadState }> {
    if (!Number.isSafeInteger(h.offset) || !Number.isSafeInteger(h.total) || h.offset < 0 || h.total <= 0 || !/^[0-9a-f]{64}$/.test(h.sha256)) {
      throw new HttpError(400, 'bad-upload-headers', 'x-upload-offset, x-upload-length and x-upload-sha256 are required');
    }
    if (h.total > MAX_ATTACHMENT_BYTES) throw new HttpError(413, 'too-large', 'attachments are limited to 20 MB');
    const r = await this.storage.appendChunk(kioskId, id, h, chunk, judgeChunk(kioskId, h, chunk), this.now().toISOString(), inOrderChunk(kioskId, h, chunk));
    return { status: r.status, state: r.row ? toState(r.row) : { id, received: 0, size: h.total, complete: false } };
  }

  /** A whole attachment's plain bytes (for the operator and the tests), or null when there is none. */
  read(id: string): Promise<Buffer | null> {
    return this.storage.attachment(id);
  }
}

/** The rules for one chunk against the upload as it stands. */
export function judgeChunk(kioskId: string, h: ChunkHeaders, chunk: Buffer): ChunkJudge {
  return (row: UploadRow | null) => {
    if (row && row.kioskId !== kioskId) throw new HttpError(403, 'not-yours', 'upload belongs to another kiosk');
    if (row && (row.size !== h.total || row.sha256 !== h.sha256)) throw new HttpError(422, 'upload-mismatch', 'size or sha256 differ from the upload already started');
    if (row?.complete) return { answer: { status: 200, row } };
    const received = row?.received ?? 0;
    if (h.offset !== received) return { answer: { status: 409, row } };
    if (h.offset + chunk.length > h.total || chunk.length === 0) throw new HttpError(400, 'bad-chunk', 'chunk is empty or runs past the declared length');
    return { write: true };
  };
}

/**
 * The state in which judgeChunk says "write" without more (storage.ts InOrderChunk), or null
 * when this chunk can never be written that way: an empty chunk, one past the end, the last one.
 * It must stay a narrowing of judgeChunk: tests/unit/sync-server/upload-rules.test.ts checks it.
 */
export function inOrderChunk(kioskId: string, h: ChunkHeaders, chunk: Buffer): InOrderChunk | null {
  const next = h.offset + chunk.length;
  if (chunk.length === 0 || next >= h.total) return null;
  return { kioskId, size: h.total, sha256: h.sha256, offset: h.offset, next };
}

/** What a finished upload that does not add up answers. */
export function sha256MismatchError(): HttpError {
  return new HttpError(422, 'sha256-mismatch', 'the uploaded bytes do not match the declared sha256; upload again from 0');
}

function toState(r: UploadRow): UploadState {
  return { id: r.id, received: r.received, size: r.size, complete: r.complete };
}
