// inOrderChunk must stay a narrowing of judgeChunk: the PostgreSQL storage writes an
// in-order chunk in one statement without asking the judge (postgres-storage.ts
// appendInOrder), so in every state where that statement would write, the judge
// must say "write" too. The statement's condition is mirrored here as `wouldWrite`.
import { describe, expect, it } from 'vitest';
import { inOrderChunk, judgeChunk } from '../../../sync-server/uploads.js';
import type { InOrderChunk, UploadRow } from '../../../sync-server/storage/storage.js';

const SHA = 'a'.repeat(64);
const OTHER_SHA = 'b'.repeat(64);

/** What appendInOrder's statements require of the row (null: no upload yet). */
function wouldWrite(row: UploadRow | null, c: InOrderChunk): boolean {
  if (c.offset === 0 && row === null) return true;
  return row !== null && row.kioskId === c.kioskId && row.size === c.size && row.sha256 === c.sha256 && row.received === c.offset && !row.complete;
}

describe('inOrderChunk against judgeChunk', () => {
  const rows: (UploadRow | null)[] = [null];
  for (const kioskId of ['k1', 'k2'])
    for (const size of [100, 101])
      for (const sha256 of [SHA, OTHER_SHA])
        for (const received of [0, 40, 80, 100])
          for (const complete of [false, true]) rows.push({ id: 'u', kioskId, size, sha256, received, complete });
  const sends: { offset: number; total: number; sha256: string; length: number }[] = [];
  for (const offset of [0, 40, 80, 100])
    for (const total of [100, 101])
      for (const sha256 of [SHA, OTHER_SHA]) for (const length of [0, 1, 20, 40, 60, 101]) sends.push({ offset, total, sha256, length });

  it('in every state where the one-statement write would happen, the rules say write', () => {
    let checked = 0;
    for (const s of sends) {
      const chunk = Buffer.alloc(s.length);
      const h = { offset: s.offset, total: s.total, sha256: s.sha256 };
      const c = inOrderChunk('k1', h, chunk);
      if (!c) continue;
      for (const row of rows) {
        if (!wouldWrite(row, c)) continue;
        checked++;
        expect(judgeChunk('k1', h, chunk)(row), JSON.stringify({ s, row })).toEqual({ write: true });
      }
    }
    // Not vacuous: first chunks, middle chunks, and rows in the expected state were all met.
    expect(checked).toBeGreaterThan(10);
  });

  it('is never offered for an empty chunk, a chunk past the end or the last chunk (which the judge hashes)', () => {
    expect(inOrderChunk('k1', { offset: 0, total: 100, sha256: SHA }, Buffer.alloc(0))).toBeNull();
    expect(inOrderChunk('k1', { offset: 80, total: 100, sha256: SHA }, Buffer.alloc(20))).toBeNull();
    expect(inOrderChunk('k1', { offset: 80, total: 100, sha256: SHA }, Buffer.alloc(40))).toBeNull();
    expect(inOrderChunk('k1', { offset: 0, total: 100, sha256: SHA }, Buffer.alloc(100))).toBeNull();
    expect(inOrderChunk('k1', { offset: 40, total: 100, sha256: SHA }, Buffer.alloc(20))).toEqual({ kioskId: 'k1', size: 100, sha256: SHA, offset: 40, next: 60 });
  });
});
