// ESC/POS command encoder for Chinese receipt printers. Text is GB18030 (the
// printer's Chinese mode), which covers every character on an ID card, including
// the CJK Extension A characters that take four bytes.
import iconv from 'iconv-lite';

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

export type Align = 'left' | 'center' | 'right';
export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';

const ALIGN: Record<Align, number> = { left: 0, center: 1, right: 2 };
const QR_EC: Record<QrErrorLevel, number> = { L: 48, M: 49, Q: 50, H: 51 };

/** Real-time status queries, `DLE EOT n`. */
export const statusQuery = (n: 1 | 2 | 3 | 4): Buffer => Buffer.from([DLE, EOT, n]);

export function encodeGb18030(text: string): Buffer {
  return iconv.encode(text, 'gb18030');
}

/** Builds a byte stream command by command; `bytes()` returns it. */
export class EscPos {
  private readonly parts: Buffer[] = [];

  private push(...bytes: number[]): this {
    this.parts.push(Buffer.from(bytes));
    return this;
  }

  /** ESC @ then FS &: reset the printer and select Chinese (GB18030) text. */
  init(): this {
    return this.push(ESC, 0x40).push(FS, 0x26);
  }

  align(a: Align): this {
    return this.push(ESC, 0x61, ALIGN[a]);
  }

  bold(on: boolean): this {
    return this.push(ESC, 0x45, on ? 1 : 0);
  }

  /** GS ! n: width and height multipliers 1..8. */
  size(width: number, height: number): this {
    const w = Math.min(8, Math.max(1, Math.round(width))) - 1;
    const h = Math.min(8, Math.max(1, Math.round(height))) - 1;
    return this.push(GS, 0x21, (w << 4) | h);
  }

  /** Text without a line feed. Control characters are dropped: they would be read as commands. */
  text(s: string): this {
    const clean = [...s].filter((c) => c.codePointAt(0)! >= 0x20 && c !== '\u007f').join('');
    this.parts.push(encodeGb18030(clean));
    return this;
  }

  line(s = ''): this {
    return this.text(s).push(LF);
  }

  /** ESC d n: print and feed n lines. */
  feed(lines: number): this {
    return this.push(ESC, 0x64, Math.min(255, Math.max(0, lines)));
  }

  /** A QR code via GS ( k: model 2, module size, error level, store data, print. */
  qr(payload: string, opts: { moduleSize?: number; errorLevel?: QrErrorLevel } = {}): this {
    const data = Buffer.from(payload, 'utf8');
    if (data.length > 7089) throw new RangeError('QR payload too long');
    const storeLen = data.length + 3;
    this.push(GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0); // fn 165: model 2
    this.push(GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, Math.min(16, Math.max(1, opts.moduleSize ?? 6))); // fn 167: module size
    this.push(GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, QR_EC[opts.errorLevel ?? 'M']); // fn 169: error correction
    this.push(GS, 0x28, 0x6b, storeLen & 0xff, storeLen >> 8, 0x31, 0x50, 0x30); // fn 180: store
    this.parts.push(data);
    return this.push(GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30); // fn 181: print
  }

  /** GS V m: 0 full cut, 1 partial cut (a tab left so the receipt does not fall). */
  cut(partial = false): this {
    return this.push(GS, 0x56, partial ? 1 : 0);
  }

  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}
