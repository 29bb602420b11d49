// ESC/POS encoder → emulator round trips under fast-check: any text a resident's
// name or address may hold (BMP CJK including Extension A, which GB18030 encodes in
// four bytes) comes back unchanged however the stream is chunked, and random bytes
// never make the emulator throw.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EscPos } from '../../../../drivers/printer/escpos.js';
import { EscPosEmulator } from '../../../../drivers/printer/emulator.js';

const cjk = fc.oneof(
  fc.integer({ min: 0x4e00, max: 0x9fa5 }), // CJK Unified (GBK two-byte range)
  fc.integer({ min: 0x3400, max: 0x4db5 }), // Extension A: four bytes in GB18030
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.constantFrom(0xff0c, 0x3002, 0xff1a), // ，。：
);
const line = fc.array(cjk, { minLength: 1, maxLength: 24 }).map((cps) => String.fromCodePoint(...cps).trim()).filter((s) => s.length > 0);

function feed(bytes: Buffer, cuts: number[]): EscPosEmulator {
  const emu = new EscPosEmulator();
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let at = 0;
  for (const p of [...points, bytes.length]) {
    emu.push(bytes.subarray(at, p));
    at = p;
  }
  emu.end();
  return emu;
}

describe('ESC/POS round trip (fast-check)', () => {
  it('text lines, styles and QR payloads survive encoding and any chunking (5,000)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(line, fc.boolean(), fc.integer({ min: 1, max: 3 }), fc.constantFrom('left', 'center', 'right' as const)), { minLength: 1, maxLength: 6 }),
        fc.webUrl(),
        fc.array(fc.nat({ max: 2000 }), { maxLength: 10 }),
        (lines, url, cuts) => {
          const p = new EscPos().init();
          for (const [text, bold, size, align] of lines) p.align(align).bold(bold).size(size, size).line(text);
          const bytes = p.qr(url).cut(true).bytes();
          const emu = feed(bytes, cuts);
          expect(emu.elements).toEqual([
            ...lines.map(([text, bold, size, align]) => ({ type: 'text', text, bold, width: size, height: size, align })),
            { type: 'qr', payload: url, moduleSize: 6 },
            { type: 'cut', partial: true },
          ]);
          expect(emu.unknownCommands).toBe(0);
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('random bytes never throw and leave the emulator usable (10,000)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat({ max: 400 }), { maxLength: 8 }), (junk, cuts) => {
        const emu = feed(Buffer.from(junk), cuts);
        for (const e of emu.elements) expect(['text', 'qr', 'cut', 'feed']).toContain(e.type);
        for (const e of emu.elements) if (e.type === 'text') expect(e.width).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 10_000 },
    );
  });
});
