// The PNG preview must draw the characters themselves, not a row of empty boxes:
// a box (the font's .notdef glyph) looks the same for every character it
// stands for, so two different characters drawn alike, or drawn like a private-use
// code point no font has, mean the preview shows nothing a technician can check.
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import type { PrintElement } from '../../../../drivers/printer/emulator.js';
import { renderPreview } from '../../../../drivers/printer/preview.js';

const text = (t: string): PrintElement => ({ type: 'text', text: t, bold: false, width: 1, height: 1, align: 'left' });

async function pixels(t: string): Promise<{ data: Buffer; dark: number }> {
  const image = PNG.sync.read(await renderPreview([text(t)]));
  let dark = 0;
  for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! < 128) dark++;
  return { data: image.data, dark };
}

describe('receipt preview fonts', () => {
  it('draws different Chinese characters differently, and none as the missing-glyph box', async () => {
    const box = await pixels('\ue000\ue000\ue000');
    const a = await pixels('办事回');
    const b = await pixels('受理号');
    expect(a.dark).toBeGreaterThan(40); // something is drawn at all
    expect(Buffer.compare(a.data, b.data)).not.toBe(0);
    expect(Buffer.compare(a.data, box.data)).not.toBe(0);
    expect(Buffer.compare(b.data, box.data)).not.toBe(0);
  });

  it('draws Latin letters and digits of a tracking number with the same fonts', async () => {
    const a = await pixels('XY20261122');
    const b = await pixels('AB33445566');
    const box = await pixels('\ue000'.repeat(10));
    expect(Buffer.compare(a.data, b.data)).not.toBe(0);
    expect(Buffer.compare(a.data, box.data)).not.toBe(0);
  });
});
