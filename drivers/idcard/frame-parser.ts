// A pure, streaming frame parser: bytes in (chunks split anywhere), frames and
// typed errors out. It never throws on input and never waits for bytes that may
// not come: `flush()` (called at end of input, or when a reply times out) gives up
// on a partial frame, reports it, and looks for frames after it.
import { DEFAULT_MAX_LENGTH, HEADER_LENGTH, PREAMBLE, xorChecksum } from './frame.js';

export type FrameErrorCode = 'checksum' | 'truncated' | 'bad-length';

export type ParserEvent =
  | { kind: 'frame'; body: Buffer }
  | { kind: 'error'; code: FrameErrorCode; message: string }
  /** Bytes that were not part of any frame (line noise, a half-received preamble). */
  | { kind: 'skipped'; bytes: number };

export class FrameParser {
  private buf: Buffer = Buffer.alloc(0);
  private readonly maxLength: number;

  constructor(opts: { maxLength?: number } = {}) {
    this.maxLength = opts.maxLength ?? DEFAULT_MAX_LENGTH;
  }

  /** Bytes held back waiting for the rest of a frame. */
  get pending(): number {
    return this.buf.length;
  }

  push(chunk: Uint8Array): ParserEvent[] {
    if (chunk.length === 0) return [];
    this.buf = this.buf.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buf, chunk]);
    return this.drain(false);
  }

  /** No more bytes are coming for now: report what is held back, and keep scanning past it. */
  flush(): ParserEvent[] {
    return this.drain(true);
  }

  reset(): void {
    this.buf = Buffer.alloc(0);
  }

  private drain(final: boolean): ParserEvent[] {
    const out: ParserEvent[] = [];
    const buf = this.buf;
    let pos = 0;
    let skipped = 0;
    const skip = (n: number) => {
      skipped += n;
    };
    const emit = (e: ParserEvent) => {
      if (skipped > 0) out.push({ kind: 'skipped', bytes: skipped });
      skipped = 0;
      out.push(e);
    };

    for (;;) {
      const start = buf.indexOf(PREAMBLE, pos);
      if (start < 0) {
        // Keep a tail that could be the beginning of a preamble split across chunks.
        const keep = final ? 0 : Math.min(PREAMBLE.length - 1, buf.length - pos);
        skip(buf.length - pos - keep);
        pos = buf.length - keep;
        break;
      }
      skip(start - pos);
      pos = start;
      if (buf.length < start + HEADER_LENGTH) {
        if (!final) break;
        emit({ kind: 'error', code: 'truncated', message: 'frame ended inside its header' });
        pos = buf.length;
        break;
      }
      const hi = buf[start + 5]!;
      const lo = buf[start + 6]!;
      const len = (hi << 8) | lo;
      if (len < 1 || len > this.maxLength) {
        emit({ kind: 'error', code: 'bad-length', message: `frame length ${len} is outside 1..${this.maxLength}` });
        pos = start + 1;
        continue;
      }
      const end = start + HEADER_LENGTH + len;
      if (buf.length < end) {
        if (!final) break;
        // The frame will not be completed; a frame that began inside it may still be whole.
        emit({ kind: 'error', code: 'truncated', message: `frame declared ${len} bytes, ${buf.length - start - HEADER_LENGTH} arrived` });
        pos = start + 1;
        continue;
      }
      const body = buf.subarray(start + HEADER_LENGTH, end - 1);
      if (xorChecksum(hi, lo, body) === buf[end - 1]) {
        emit({ kind: 'frame', body: Buffer.from(body) });
        pos = end;
        continue;
      }
      const inner = buf.indexOf(PREAMBLE, start + 1);
      if (!final && (inner < 0 || inner >= end) && endsWithPreamblePrefix(buf, start + 1, end)) {
        // The frame's tail may be the start of the next preamble; wait for the bytes that
        // decide whether this frame was cut off, so the answer does not depend on chunking.
        break;
      }
      if (inner >= 0 && inner < end) {
        // A new frame started before this one was complete: the sender was cut off.
        emit({ kind: 'error', code: 'truncated', message: 'frame cut short by the start of another' });
        pos = inner;
      } else {
        emit({ kind: 'error', code: 'checksum', message: 'frame checksum does not match' });
        pos = end;
      }
    }
    if (skipped > 0) out.push({ kind: 'skipped', bytes: skipped });
    this.buf = pos >= buf.length ? Buffer.alloc(0) : Buffer.from(buf.subarray(pos));
    return out;
  }
}

/** True when buf[p..] (for some p in from..to, running to the end of buf) is a proper prefix of the preamble. */
function endsWithPreamblePrefix(buf: Buffer, from: number, to: number): boolean {
  for (let p = Math.max(from, buf.length - (PREAMBLE.length - 1)); p < to && p < buf.length; p++) {
    let match = true;
    for (let i = 0; p + i < buf.length; i++) {
      if (buf[p + i] !== PREAMBLE[i]) {
        match = false;
        break;
      }
    }
    if (match) return true;
  }
  return false;
}
