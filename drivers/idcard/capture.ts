// Decodes a raw capture of bytes a reader sent (what `idcard decode FILE` prints):
// one result per frame found, in order. Garbage between frames is not a frame.
import type { IdCard } from '../../common/domain/idcard.js';
import { decodeBaseInfo, looksLikeBaseInfo } from './base-info.js';
import { FrameParser } from './frame-parser.js';
import { hex2, parseReply } from './reply.js';
import { TextBlockError } from './text-block.js';

export type CaptureResult =
  | { ok: true; status: string; card?: IdCard }
  | { ok: false; error: { code: string; message: string } };

/** Turns one frame body into a result; shared by the capture decoder and the live reader. */
export function interpretReplyBody(body: Buffer): CaptureResult {
  const reply = parseReply(body);
  if (!reply) return { ok: false, error: { code: 'short-reply', message: `reply has ${body.length} bytes, fewer than its 3 status bytes` } };
  const status = hex2(reply.sw3);
  if (looksLikeBaseInfo(reply.data)) {
    try {
      return { ok: true, status, card: decodeBaseInfo(reply.data).card };
    } catch (e) {
      if (e instanceof TextBlockError) return { ok: false, error: { code: 'bad-card-data', message: e.message } };
      throw e;
    }
  }
  return { ok: true, status };
}

export function decodeCapture(bytes: Uint8Array): CaptureResult[] {
  const parser = new FrameParser();
  const events = [...parser.push(bytes), ...parser.flush()];
  const out: CaptureResult[] = [];
  for (const e of events) {
    if (e.kind === 'frame') out.push(interpretReplyBody(e.body));
    else if (e.kind === 'error') out.push({ ok: false, error: { code: e.code, message: e.message } });
  }
  return out;
}
