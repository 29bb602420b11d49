// Golden receipts: each kind of paper the kiosk prints, laid out for 58 mm paper
// (32 columns, where breaking goes wrong first), decoded back to text by the same
// emulator `npx xiangyin printer decode` uses, and compared with the reviewed
// text in tests/fixtures/receipts/. After an intended layout change, rewrite them
// with `XIANGYIN_UPDATE_GOLDEN=1 npx vitest run … receipt-golden` and read the diff.
// The rules behind the goldens are checked on their own too, for any number.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NUMBER_LABELS } from '../../../../common/domain/number-labels.js';
import { receiptDocumentSchema, type ApplicationReceipt } from '../../../../common/domain/receipt.js';
import { EscPosEmulator, formatElements } from '../../../../drivers/printer/emulator.js';
import { layoutApplicationReceipt, layoutCertificate, layoutTestPage } from '../../../../drivers/printer/layouts.js';
import { textColumns } from '../../../../drivers/printer/text-width.js';
import { acceptedReceipt, certificate, medicalAtOfficeReceipt, medicalByPhoneReceipt, receipt } from '../../../fixtures/drivers/receipts.js';

const goldenDir = path.join(import.meta.dirname, '..', '..', '..', 'fixtures', 'receipts');

function decode(bytes: Buffer): { lines: string[]; emu: EscPosEmulator } {
  const emu = new EscPosEmulator();
  emu.push(bytes);
  emu.end();
  return { lines: formatElements(emu.elements), emu };
}

const kinds: Record<string, () => Buffer> = {
  'application-submitted': () => layoutApplicationReceipt(receipt, { columns: 32 }),
  'application-accepted': () => layoutApplicationReceipt(acceptedReceipt, { columns: 32 }),
  'medical-pay-by-phone': () => layoutApplicationReceipt(medicalByPhoneReceipt, { columns: 32 }),
  'medical-pay-at-village-office': () => layoutApplicationReceipt(medicalAtOfficeReceipt, { columns: 32 }),
  certificate: () => layoutCertificate(certificate, { columns: 32 }),
  'test-page': () => layoutTestPage({ columns: 32, stationName: '白水村便民服务站', time: '2026-12-06T01:00:00Z' }),
};

describe('golden receipts (decoded ESC/POS text, 58 mm paper)', () => {
  it.each(Object.keys(kinds))('%s', (kind) => {
    const { lines, emu } = decode(kinds[kind]!());
    expect(emu.errors).toEqual([]);
    const text = `${lines.join('\n')}\n`;
    const file = path.join(goldenDir, `${kind}.txt`);
    if (process.env.XIANGYIN_UPDATE_GOLDEN === '1') fs.writeFileSync(file, text);
    expect(text).toBe(fs.readFileSync(file, 'utf8'));
  });

  it('the samples are valid documents', () => {
    for (const d of [receipt, acceptedReceipt, medicalByPhoneReceipt, medicalAtOfficeReceipt, certificate]) expect(receiptDocumentSchema.parse(d)).toEqual(d);
  });
});

/** Each decoded text line with how many columns a character takes in it. */
function textLines(bytes: Buffer): { text: string; width: number }[] {
  const { emu } = decode(bytes);
  return emu.elements.flatMap((e) => (e.type === 'text' ? [{ text: e.text, width: e.width }] : []));
}

const code = fc.stringMatching(/^[A-Z]{2}-20[0-9]{6}-[0-9]{4,12}$/);
const cjkSentence = fc
  .array(fc.oneof(fc.integer({ min: 0x4e00, max: 0x9fa5 }), fc.constantFrom(0x3002, 0xff0c)), { minLength: 1, maxLength: 40 })
  .map((cps) => `${String.fromCodePoint(...cps)}。`);

describe('receipt layout rules (fast-check)', () => {
  it('numbers stay whole on one line, no line starts with a closing mark, and none is wider than the paper (1,000)', () => {
    fc.assert(
      fc.property(code, fc.option(code, { nil: undefined }), fc.array(cjkSentence, { maxLength: 4 }), fc.constantFrom(32, 48), (tracking, server, steps, columns) => {
        const doc: ApplicationReceipt = { ...receipt, trackingNumber: tracking, receiptNumber: server, nextSteps: steps };
        const lines = textLines(layoutApplicationReceipt(doc, { columns }));
        for (const l of lines) {
          expect(textColumns(l.text) * l.width).toBeLessThanOrEqual(columns);
          expect(l.text).not.toMatch(/^[。，、；：！？]/u);
        }
        expect(lines.some((l) => l.text.includes(tracking))).toBe(true);
        if (server) expect(lines.some((l) => l.text === `${NUMBER_LABELS.receipt}：${server}` || l.text === server)).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });
});
