// An attachment on the server's disk: the bytes a kiosk uploaded, sealed chunk
// by chunk as they arrive (uploads resume at any chunk boundary, so the file
// grows by whole sealed records and never has to be rewritten):
//   "XYSEAL1\n" | (u32 big-endian length | sealed chunk)…
// Each chunk is sealed with associated data naming the upload and the chunk's
// offset in the attachment, so records cannot be reordered, moved between
// attachments, or cut without the read failing.
import { SealedDataError, type Vault } from './vault.js';

export const SEALED_FILE_MAGIC = Buffer.from('XYSEAL1\n', 'latin1');

export const chunkAd = (uploadId: string, offset: number) => `upload:${uploadId}:${offset}`;

export function isSealedFile(bytes: Buffer): boolean {
  return bytes.length >= SEALED_FILE_MAGIC.length && bytes.subarray(0, SEALED_FILE_MAGIC.length).equals(SEALED_FILE_MAGIC);
}

/** The bytes to write at `filePosition` for a chunk that starts at `offset` in the attachment. */
export function sealedRecord(vault: Vault, uploadId: string, offset: number, chunk: Buffer, filePosition: number): Buffer {
  const sealed = vault.seal(chunk, chunkAd(uploadId, offset));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(sealed.length);
  return filePosition === 0 ? Buffer.concat([SEALED_FILE_MAGIC, len, sealed]) : Buffer.concat([len, sealed]);
}

/** The attachment's plain bytes from its sealed file, read up to `storedBytes` (what the database says was written whole). */
export function openSealedFile(vault: Vault, uploadId: string, file: Buffer, storedBytes: number): Buffer {
  if (storedBytes === 0) return Buffer.alloc(0);
  if (!isSealedFile(file) || file.length < storedBytes) throw new SealedDataError(`attachment ${uploadId}: its file is not a whole sealed file`);
  const parts: Buffer[] = [];
  let pos = SEALED_FILE_MAGIC.length;
  let offset = 0;
  while (pos < storedBytes) {
    if (pos + 4 > storedBytes) throw new SealedDataError(`attachment ${uploadId}: a record is cut short`);
    const len = file.readUInt32BE(pos);
    if (pos + 4 + len > storedBytes) throw new SealedDataError(`attachment ${uploadId}: a record is cut short`);
    const plain = vault.open(file.subarray(pos + 4, pos + 4 + len), chunkAd(uploadId, offset));
    parts.push(plain);
    offset += plain.length;
    pos += 4 + len;
  }
  return Buffer.concat(parts);
}
