// The data of a "read base info" reply: text length (2 bytes, big-endian), photo
// length (2 bytes), then the 256-byte text block and the 1,024-byte WLT photo.
import type { IdCard } from '../../common/domain/idcard.js';
import { PHOTO_BYTES } from './photo.js';
import { decodeTextBlock, encodeTextBlock, TEXT_BLOCK_BYTES } from './text-block.js';

export interface CardRead {
  readonly card: IdCard;
  /** The raw WLT photo bytes; main keeps them, the renderer never sees them. */
  readonly photo: Buffer;
}

/** True when a reply's data has the shape of base info (lengths that add up). */
export function looksLikeBaseInfo(data: Uint8Array): boolean {
  if (data.length < 4) return false;
  const textLen = (data[0]! << 8) | data[1]!;
  const photoLen = (data[2]! << 8) | data[3]!;
  return textLen > 0 && 4 + textLen + photoLen === data.length;
}

/** Throws TextBlockError when a field cannot be read. */
export function decodeBaseInfo(data: Buffer): CardRead {
  const textLen = data.readUInt16BE(0);
  const photoLen = data.readUInt16BE(2);
  const text = data.subarray(4, 4 + textLen);
  return { card: decodeTextBlock(text), photo: Buffer.from(data.subarray(4 + textLen, 4 + textLen + photoLen)) };
}

export function encodeBaseInfo(card: Omit<IdCard, 'idNumberValid'>, photo: Uint8Array = Buffer.alloc(PHOTO_BYTES)): Buffer {
  const text = encodeTextBlock(card);
  const out = Buffer.alloc(4 + TEXT_BLOCK_BYTES + photo.length);
  out.writeUInt16BE(TEXT_BLOCK_BYTES, 0);
  out.writeUInt16BE(photo.length, 2);
  out.set(text, 4);
  out.set(photo, 4 + TEXT_BLOCK_BYTES);
  return out;
}
