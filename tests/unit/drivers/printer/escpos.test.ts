import { describe, expect, it } from 'vitest';
import { EscPos, encodeGb18030, statusQuery } from '../../../../drivers/printer/escpos.js';
import { EscPosEmulator, formatElements } from '../../../../drivers/printer/emulator.js';
import { blockingProblem, decodeStatus, encodeStatus, healthyStatus, StatusByteError } from '../../../../drivers/printer/status.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('ESC/POS encoder (golden bytes)', () => {
  it('initialises and selects Chinese mode', () => {
    expect(hex(new EscPos().init().bytes())).toBe('1b40' + '1c26');
  });

  it('encodes styles, alignment, feeds and cuts', () => {
    expect(hex(new EscPos().align('center').bold(true).size(2, 2).bytes())).toBe('1b6101' + '1b4501' + '1d2111');
    expect(hex(new EscPos().size(1, 1).align('right').bold(false).bytes())).toBe('1d2100' + '1b6102' + '1b4500');
    expect(hex(new EscPos().feed(3).cut().cut(true).bytes())).toBe('1b6403' + '1d5600' + '1d5601');
  });

  it('encodes Chinese text as GB18030, including 4-byte characters', () => {
    expect(hex(new EscPos().line('王㛃').bytes())).toBe('cdf5' + '8230b731' + '0a');
    expect(hex(encodeGb18030('乡音A1'))).toBe('cfe7' + 'd2f4' + '4131');
  });

  it('drops control characters from text so they cannot become commands', () => {
    expect(hex(new EscPos().text('a\u001b@b\n').bytes())).toBe('614062');
  });

  it('encodes a QR code with GS ( k', () => {
    expect(hex(new EscPos().qr('AB', { moduleSize: 6, errorLevel: 'M' }).bytes())).toBe(
      '1d286b0400314132' + '00' + // model 2
        '1d286b03003143' + '06' + // module size 6
        '1d286b03003145' + '31' + // error level M
        '1d286b0500315030' + '4142' + // store "AB" (pL = 2 + 3)
        '1d286b0300315130', // print
    );
  });

  it('asks status with DLE EOT n', () => {
    expect(hex(statusQuery(4))).toBe('100404');
  });
});

describe('status bytes', () => {
  it('decodes a healthy printer', () => {
    expect(decodeStatus([0x12, 0x12, 0x12, 0x12])).toEqual(healthyStatus);
  });

  it('decodes offline, cover open, paper near end, paper end and cutter error', () => {
    const s = decodeStatus([0x1a, 0x36, 0x1a, 0x7e]);
    expect(s).toMatchObject({ offline: true, coverOpen: true, paperEnd: true, paperNearEnd: true, cutterError: true });
    expect(blockingProblem(s)).toBe('paper-out');
    expect(blockingProblem(decodeStatus([0x12, 0x12, 0x12, 0x1e]))).toBeNull(); // near end only: still prints
  });

  it('round-trips through encodeStatus', () => {
    const s = { ...healthyStatus, coverOpen: true, paperNearEnd: true };
    expect(decodeStatus(encodeStatus(s))).toEqual(s);
  });

  it('rejects bytes that are not status bytes', () => {
    expect(() => decodeStatus([0x12, 0x00, 0x12, 0x12])).toThrow(StatusByteError);
    expect(() => decodeStatus([0x92, 0x12, 0x12, 0x12])).toThrow(StatusByteError);
  });
});

describe('emulator', () => {
  const stream = new EscPos()
    .init()
    .align('center')
    .bold(true)
    .size(2, 2)
    .line('办事回执')
    .size(1, 1)
    .bold(false)
    .align('left')
    .line('姓名：王㛃')
    .qr('https://example.invalid/t/XY-1')
    .feed(2)
    .cut(true)
    .bytes();

  it('decodes text with styles, QR payloads and cuts', () => {
    const emu = new EscPosEmulator();
    emu.push(stream);
    expect(emu.elements[0]).toEqual({ type: 'text', text: '办事回执', bold: true, width: 2, height: 2, align: 'center' });
    expect(emu.elements[1]).toEqual({ type: 'text', text: '姓名：王㛃', bold: false, width: 1, height: 1, align: 'left' });
    expect(formatElements(emu.elements)).toEqual(['办事回执', '姓名：王㛃', '[QR] https://example.invalid/t/XY-1', '[CUT]']);
    expect(emu.elements.at(-1)).toEqual({ type: 'cut', partial: true });
    expect(emu.unknownCommands).toBe(0);
  });

  it('gives the same result whatever the chunking', () => {
    const whole = new EscPosEmulator();
    whole.push(stream);
    for (let size = 1; size <= 7; size++) {
      const emu = new EscPosEmulator();
      for (let i = 0; i < stream.length; i += size) emu.push(stream.subarray(i, i + size));
      expect(emu.elements).toEqual(whole.elements);
    }
  });

  it('reports status queries in the stream', () => {
    const asked: number[] = [];
    const emu = new EscPosEmulator({ onStatusQuery: (n) => asked.push(n) });
    emu.push(Buffer.concat([statusQuery(1), statusQuery(4), Buffer.from('x\n')]));
    expect(asked).toEqual([1, 4]);
    expect(formatElements(emu.elements)).toEqual(['x']);
  });

  it('decodes GS V with feed and ESC ! modes from other drivers', () => {
    const emu = new EscPosEmulator();
    emu.push(Buffer.from([0x1b, 0x21, 0x38, 0x41, 0x0a, 0x1d, 0x56, 0x42, 0x03]));
    expect(emu.elements).toEqual([
      { type: 'text', text: 'A', bold: true, width: 2, height: 2, align: 'left' },
      { type: 'cut', partial: true },
    ]);
  });
});

describe('emulator with images from other software', () => {
  it('skips ESC * and GS v 0 images by their declared size, whatever the chunking', () => {
    const logo = Buffer.concat([
      Buffer.from([0x1b, 0x2a, 33, 2, 0]), Buffer.alloc(6, 0xff), // ESC * 24-dot, 2 columns
      Buffer.from([0x1d, 0x76, 0x30, 0, 2, 0, 3, 0]), Buffer.alloc(6, 0x0a), // GS v 0, 2 bytes x 3 rows (LF bytes inside!)
      Buffer.from('after\n'),
    ]);
    for (const size of [1, 3, logo.length]) {
      const emu = new EscPosEmulator();
      for (let i = 0; i < logo.length; i += size) emu.push(logo.subarray(i, i + size));
      expect(formatElements(emu.elements)).toEqual(['after']);
      expect(emu.images).toBe(2);
    }
  });
});
