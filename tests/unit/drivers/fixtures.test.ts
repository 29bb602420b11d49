// The committed capture files are golden bytes: the encoders must still produce them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { idcardCapture, printerCapture } from '../../fixtures/drivers/make-fixtures.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/drivers');

describe('driver capture fixtures', () => {
  it('idcard-capture.bin matches the SAM encoder byte for byte', () => {
    expect(idcardCapture().equals(fs.readFileSync(path.join(dir, 'idcard-capture.bin')))).toBe(true);
  });
  it('printer-receipt.bin matches the ESC/POS layout byte for byte', () => {
    expect(printerCapture().equals(fs.readFileSync(path.join(dir, 'printer-receipt.bin')))).toBe(true);
  });
});
