// 100,000 random, corrupted and split inputs through the frame parser: only typed
// events come out, nothing throws, memory stays bounded, and valid frames hidden
// among garbage, corrupted frames and cut-off frames are still found, in order.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_MAX_LENGTH, encodeFrame, HEADER_LENGTH, PREAMBLE, xorChecksum } from '../../../../drivers/idcard/frame.js';
import { FrameParser, type ParserEvent } from '../../../../drivers/idcard/frame-parser.js';

const ERROR_CODES = new Set(['checksum', 'truncated', 'bad-length']);

/** Splits `bytes` at the given cut points and feeds every chunk, then flushes. */
function feed(parser: FrameParser, bytes: Buffer, cuts: number[]): ParserEvent[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const events: ParserEvent[] = [];
  let at = 0;
  for (const p of [...points, bytes.length]) {
    events.push(...parser.push(bytes.subarray(at, p)));
    expect(parser.pending).toBeLessThanOrEqual(HEADER_LENGTH + DEFAULT_MAX_LENGTH);
    at = p;
  }
  events.push(...parser.flush());
  expect(parser.pending).toBe(0);
  return events;
}

function expectTyped(events: ParserEvent[]): void {
  for (const e of events) {
    if (e.kind === 'error') expect(ERROR_CODES.has(e.code)).toBe(true);
    else if (e.kind === 'skipped') expect(e.bytes).toBeGreaterThan(0);
    else expect(e.kind).toBe('frame');
  }
}

const cuts = fc.array(fc.nat({ max: 5000 }), { maxLength: 12 });
const body = fc.uint8Array({ minLength: 0, maxLength: 40 }).map((b) => Buffer.from(b));
/** Noise that cannot contain a preamble (no 0xAA bytes). */
const noise = fc.uint8Array({ maxLength: 30 }).map((b) => Buffer.from(b.map((x) => (x === 0xaa ? 0x55 : x))));

/** Bytes biased towards pieces of the protocol, so the interesting paths are hit often. */
const hostile = fc
  .array(
    fc.oneof(
      fc.uint8Array({ maxLength: 30 }).map((b) => Buffer.from(b)),
      body.map((b) => encodeFrame(b)),
      fc.tuple(body, fc.nat()).map(([b, n]) => {
        const f = encodeFrame(b);
        f[n % f.length] = f[n % f.length]! ^ 0xff;
        return f;
      }),
      fc.tuple(body, fc.nat()).map(([b, n]) => encodeFrame(b).subarray(0, n % (b.length + 8))),
      fc.tuple(fc.nat({ max: 0xffff }), fc.nat({ max: 5 })).map(([len, cut]) => {
        const h = Buffer.from([...PREAMBLE, len >> 8, len & 0xff]);
        return h.subarray(0, h.length - cut);
      }),
    ),
    { maxLength: 10 },
  )
  .map((parts) => Buffer.concat(parts));

describe('FrameParser under fast-check (100,000 inputs in all)', () => {
  it('anything in, split anywhere: typed events only, bounded, never throws (50,000)', () => {
    fc.assert(
      fc.property(hostile, cuts, (bytes, c) => {
        expectTyped(feed(new FrameParser(), bytes, c));
      }),
      { numRuns: 50_000 },
    );
  });

  it('valid frames among noise and corrupted frames are all found, in order (30,000)', () => {
    const segment = fc.oneof(
      body.map((b) => ({ valid: b as Buffer | null, bytes: encodeFrame(b) })),
      noise.map((n) => ({ valid: null, bytes: n })),
      body.map((b) => {
        const f = encodeFrame(b);
        f[f.length - 1] = f[f.length - 1]! ^ 0x01; // wrong checksum, right length
        return { valid: null, bytes: f };
      }),
      fc.constantFrom(0, 0x2000, 0xffff).map((len) => ({ valid: null, bytes: Buffer.from([...PREAMBLE, len >> 8, len & 0xff]) })),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), cuts, (segments, c) => {
        const events = feed(new FrameParser(), Buffer.concat(segments.map((s) => s.bytes)), c);
        expectTyped(events);
        const found = events.flatMap((e) => (e.kind === 'frame' ? [e.body.toString('hex')] : []));
        expect(found).toEqual(segments.flatMap((s) => (s.valid ? [s.valid.toString('hex')] : [])));
      }),
      { numRuns: 30_000 },
    );
  });

  it('a frame cut off mid-way never hides the valid frame that follows it (20,000)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 60 }), fc.nat(), body, noise, cuts, (cutBody, n, next, gap, c) => {
        const whole = encodeFrame(cutBody);
        const cutAt = HEADER_LENGTH + (n % (whole.length - HEADER_LENGTH)); // at least the header, never the whole frame
        const cutFrame = whole.subarray(0, cutAt);
        const valid = encodeFrame(next);
        const bytes = Buffer.concat([cutFrame, gap, valid]);
        // The one case no parser can catch: the bytes that follow happen to complete the
        // cut frame with a matching checksum. fast-check skips those inputs.
        const declaredEnd = HEADER_LENGTH + whole.readUInt16BE(5);
        if (bytes.length >= declaredEnd) {
          const b = bytes.subarray(HEADER_LENGTH, declaredEnd - 1);
          fc.pre(xorChecksum(whole[5]!, whole[6]!, b) !== bytes[declaredEnd - 1]);
        }
        const events = feed(new FrameParser(), bytes, c);
        expectTyped(events);
        // Cut off right before a new preamble it reads as truncated; before other bytes, a
        // cut frame is indistinguishable from one with a bad checksum. Either way: an error.
        const errors = events.flatMap((e) => (e.kind === 'error' ? [e.code] : []));
        expect(errors.length).toBeGreaterThan(0);
        if (gap.length === 0) expect(errors).toContain('truncated');
        expect(events.filter((e) => e.kind === 'frame').map((e) => (e.kind === 'frame' ? e.body.toString('hex') : ''))).toEqual([next.toString('hex')]);
      }),
      { numRuns: 20_000 },
    );
  });
});
