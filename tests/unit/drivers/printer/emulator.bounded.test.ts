// The decoder is bounded and linear whatever a capture file or a sender throws at
// it: an impossible image header is a typed error and is skipped (the text after
// it still decodes), image data streams past without being buffered, and the work
// done grows with the input, not with its square (1 MB in 64-byte chunks after a
// bogus raster header once took 25 s). Work is counted (`bytesExamined`), not timed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EscPos } from '../../../../drivers/printer/escpos.js';
import { EscPosDecodeError, EscPosEmulator, MAX_RASTER_WIDTH_BYTES } from '../../../../drivers/printer/emulator.js';
import { renderPreview } from '../../../../drivers/printer/preview.js';

const GS = 0x1d;
const raster = (x: number, y: number) => Buffer.from([GS, 0x76, 0x30, 0, x & 0xff, x >> 8, y & 0xff, y >> 8]);
const text = (s: string) => new EscPos().line(s).bytes();

function feedInChunks(bytes: Buffer, size: number): EscPosEmulator {
  const emu = new EscPosEmulator();
  for (let at = 0; at < bytes.length; at += size) emu.push(bytes.subarray(at, at + size));
  emu.end();
  return emu;
}

/** A bogus raster header, then `n` bytes of printable filler in lines, then a marker line. */
function bogusThenFiller(n: number): Buffer {
  const line = Buffer.from(`${'A'.repeat(63)}\n`);
  const filler = Buffer.alloc(n);
  for (let i = 0; i < n; i += line.length) line.copy(filler, i);
  return Buffer.concat([raster(0xffff, 0xffff), filler, text('结束')]);
}

describe('ESC/POS decoder bounds', () => {
  it('a raster header larger than any printer takes is a typed error, and what follows still decodes', () => {
    const emu = feedInChunks(Buffer.concat([text('前面'), raster(0xffff, 0xffff), text('后面')]), 64);
    expect(emu.elements.filter((e) => e.type === 'text').map((e) => (e.type === 'text' ? e.text : ''))).toEqual(['前面', '后面']);
    expect(emu.errors).toHaveLength(1);
    expect(emu.errors[0]).toBeInstanceOf(EscPosDecodeError);
    expect(emu.errors[0]).toMatchObject({ code: 'bogus-raster', offset: 5 });
  });

  it('a real-sized raster image streams past in 64-byte chunks without being buffered', () => {
    const x = MAX_RASTER_WIDTH_BYTES;
    const y = 4000;
    const bytes = Buffer.concat([raster(x, y), Buffer.alloc(x * y, 0xaa), text('图片之后')]);
    const emu = feedInChunks(bytes, 64);
    expect(emu.errors).toEqual([]);
    expect(emu.images).toBe(1);
    expect(emu.elements).toMatchObject([{ type: 'text', text: '图片之后' }]);
    expect(emu.bytesExamined).toBeLessThan(bytes.length * 1.1);
  });

  it('1 MB after a bogus raster header in 64-byte chunks: twice the input is about twice the work', () => {
    const one = feedInChunks(bogusThenFiller(1 << 20), 64);
    const two = feedInChunks(bogusThenFiller(2 << 20), 64);
    expect(one.elements.at(-1)).toMatchObject({ type: 'text', text: '结束' });
    expect(two.elements.at(-1)).toMatchObject({ type: 'text', text: '结束' });
    const ratio = two.bytesExamined / one.bytesExamined;
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(2.2);
    expect(one.bytesExamined).toBeLessThan(3 * (1 << 20));
  });

  it('a QR code declared larger than any QR code holds is a typed error and is skipped, in any chunking', () => {
    const len = 20_000;
    const store = Buffer.concat([Buffer.from([GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30]), Buffer.alloc(len - 3, 0x41)]);
    const print = Buffer.from([GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30]);
    const emu = feedInChunks(Buffer.concat([store, print, text('后面')]), 7);
    expect(emu.errors.map((e) => e.code)).toEqual(['qr-too-large']);
    expect(emu.elements).toMatchObject([{ type: 'qr', payload: '' }, { type: 'text', text: '后面' }]);
  });
});

// Fragments a crafted capture is made of: real commands with hostile sizes.
const u16 = fc.integer({ min: 0, max: 0xffff });
const fragment = fc.oneof(
  fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b)),
  fc.tuple(u16, u16, fc.nat({ max: 300 })).map(([x, y, n]) => Buffer.concat([raster(x, y), Buffer.alloc(n, 0xff)])),
  fc.tuple(fc.integer({ min: 0, max: 7200 }), fc.constantFrom(0x41, 0x31)).map(([len, fill]) =>
    Buffer.concat([Buffer.from([GS, 0x28, 0x6b, (len + 3) & 0xff, (len + 3) >> 8, 0x31, 0x50, 0x30]), Buffer.alloc(len, fill)]),
  ),
  fc.integer({ min: 0, max: 255 }).map((n) => Buffer.from([GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, n])), // module size
  fc.constant(Buffer.from([GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30])), // print the QR code
  fc.integer({ min: 0, max: 255 }).map((n) => Buffer.from([0x1b, 0x64, n])), // feed n lines
  fc.integer({ min: 0, max: 255 }).map((n) => Buffer.from([GS, 0x21, n])), // character size
  fc.tuple(fc.integer({ min: 0, max: 255 }), u16).map(([m, n]) => Buffer.from([0x1b, 0x2a, m, n & 0xff, n >> 8])), // bit image header
  fc.string({ maxLength: 20 }).map((s) => text(s)),
);

describe('crafted captures (fast-check)', () => {
  it('decoding and drawing a preview throw nothing but typed errors (100)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fragment, { maxLength: 30 }), fc.integer({ min: 1, max: 200 }), async (parts, chunk) => {
        // The decoder itself never throws: a throw here fails the property.
        const emu = feedInChunks(Buffer.concat(parts), chunk);
        for (const e of emu.errors) expect(e).toBeInstanceOf(EscPosDecodeError);
        try {
          const png = await renderPreview(emu.elements);
          expect(png.subarray(1, 4).toString()).toBe('PNG');
        } catch (e) {
          // By name, so the check reads the same against any build of the module.
          expect((e as Error).name).toBe('PreviewError');
          expect((e as { code?: string }).code).toMatch(/^(qr-too-large|too-tall)$/);
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
