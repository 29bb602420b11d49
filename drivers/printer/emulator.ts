// Decodes an ESC/POS byte stream back into what a printer would put on paper:
// text lines with their styles, QR codes with their payloads, and cuts. Streaming
// (chunks may split any command), and it never throws: unknown commands are
// counted and skipped by their known length.
import iconv from 'iconv-lite';
import { DLE, ESC, FS, GS, LF, type Align } from './escpos.js';

export interface TextStyle {
  bold: boolean;
  width: number;
  height: number;
  align: Align;
}

export type PrintElement =
  | ({ type: 'text'; text: string } & TextStyle)
  | { type: 'qr'; payload: string; moduleSize: number }
  | { type: 'cut'; partial: boolean }
  | { type: 'feed'; lines: number };

export interface EmulatorHandlers {
  /** A `DLE EOT n` query: the simulator answers it with a status byte. */
  onStatusQuery?(n: number): void;
  onElement?(e: PrintElement): void;
}

const ALIGNS: Align[] = ['left', 'center', 'right'];
/** ESC commands that take exactly one parameter byte. */
const ESC_ONE_PARAM = new Set([0x21, 0x45, 0x61, 0x64, 0x4a, 0x2d, 0x4d, 0x47, 0x74, 0x52, 0x56, 0x7b, 0x33, 0x20, 0x65, 0x55]);
/** GS commands that take exactly one parameter byte. */
const GS_ONE_PARAM = new Set([0x21, 0x42, 0x48, 0x68, 0x77, 0x66, 0x61, 0x62]);

export class EscPosEmulator {
  private buf: Buffer = Buffer.alloc(0);
  private line: number[] = [];
  private lineStyle: TextStyle | null = null;
  private style: TextStyle = { bold: false, width: 1, height: 1, align: 'left' };
  private qrData = '';
  private qrModule = 3;
  readonly elements: PrintElement[] = [];
  /** Commands we did not recognise (skipped); useful when checking a new layout. */
  unknownCommands = 0;
  /** Bit and raster images skipped (logos some stations print); not drawn. */
  images = 0;

  constructor(private readonly handlers: EmulatorHandlers = {}) {}

  push(chunk: Uint8Array): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : Buffer.from(chunk);
    let pos = 0;
    while (pos < this.buf.length) {
      const used = this.step(this.buf, pos);
      if (used === 0) break; // incomplete command: wait for more bytes
      pos += used;
    }
    this.buf = Buffer.from(this.buf.subarray(pos));
  }

  /** Ends input: a pending line without LF is still printed (printers print it at the next cut). */
  end(): void {
    this.endLine(false);
  }

  private emit(e: PrintElement): void {
    this.elements.push(e);
    this.handlers.onElement?.(e);
  }

  private endLine(force: boolean): void {
    if (this.line.length === 0 && !force) return;
    const text = iconv.decode(Buffer.from(this.line), 'gb18030');
    this.emit({ type: 'text', text, ...(this.lineStyle ?? this.style) });
    this.line = [];
    this.lineStyle = null;
  }

  private reset(): void {
    this.style = { bold: false, width: 1, height: 1, align: 'left' };
  }

  /** Handles the command or text byte at `pos`; returns bytes used, 0 if more are needed. */
  private step(b: Buffer, pos: number): number {
    const c = b[pos]!;
    const need = (n: number) => (b.length - pos >= n ? n : 0);
    if (c === LF) {
      this.endLine(true);
      return 1;
    }
    if (c === ESC) {
      if (need(2) === 0) return 0;
      const cmd = b[pos + 1]!;
      if (cmd === 0x40) {
        this.endLine(false);
        this.reset();
        return 2;
      }
      if (ESC_ONE_PARAM.has(cmd)) {
        if (need(3) === 0) return 0;
        this.escParam(cmd, b[pos + 2]!);
        return 3;
      }
      if (cmd === 0x32) return 2; // default line spacing
      if (cmd === 0x2a) return this.skipBitImage(b, pos); // ESC * m nL nH: a bit image we do not draw
      this.unknownCommands++;
      return 2;
    }
    if (c === GS) {
      if (need(2) === 0) return 0;
      const cmd = b[pos + 1]!;
      if (cmd === 0x28) return this.gsParen(b, pos);
      if (cmd === 0x56) {
        if (need(3) === 0) return 0;
        const m = b[pos + 2]!;
        const withFeed = m === 65 || m === 66;
        if (withFeed && need(4) === 0) return 0;
        this.endLine(false);
        this.emit({ type: 'cut', partial: m === 1 || m === 49 || m === 66 });
        return withFeed ? 4 : 3;
      }
      if (cmd === 0x76) return this.skipRaster(b, pos); // GS v 0: raster image
      if (GS_ONE_PARAM.has(cmd)) {
        if (need(3) === 0) return 0;
        if (cmd === 0x21) {
          const n = b[pos + 2]!;
          this.style = { ...this.style, width: (n >> 4) + 1, height: (n & 0x0f) + 1 };
        }
        return 3;
      }
      this.unknownCommands++;
      return 2;
    }
    if (c === FS) {
      if (need(2) === 0) return 0;
      const cmd = b[pos + 1]!;
      if (cmd === 0x21 || cmd === 0x2d) return need(3); // FS ! n, FS - n: Chinese character mode
      return 2; // FS & (Chinese on), FS . (off)
    }
    if (c === DLE) {
      if (need(3) === 0) return 0;
      if (b[pos + 1] === 0x04) this.handlers.onStatusQuery?.(b[pos + 2]!);
      return 3;
    }
    if (c < 0x20) return 1; // CR, HT and other controls: nothing printed
    if (this.line.length === 0) this.lineStyle = { ...this.style };
    this.line.push(c);
    return 1;
  }

  private escParam(cmd: number, n: number): void {
    switch (cmd) {
      case 0x45:
        this.style = { ...this.style, bold: (n & 1) === 1 };
        break;
      case 0x61:
        this.style = { ...this.style, align: ALIGNS[n % 48] ?? 'left' };
        break;
      case 0x21:
        this.style = { ...this.style, bold: (n & 0x08) !== 0, height: n & 0x10 ? 2 : 1, width: n & 0x20 ? 2 : 1 };
        break;
      case 0x64:
        this.endLine(false);
        if (n > 0) this.emit({ type: 'feed', lines: n });
        break;
    }
  }

  private skipBitImage(b: Buffer, pos: number): number {
    if (b.length - pos < 5) return 0;
    const m = b[pos + 2]!;
    const n = b[pos + 3]! | (b[pos + 4]! << 8);
    const total = 5 + n * (m >= 32 ? 3 : 1);
    if (b.length - pos < total) return 0;
    this.images++;
    return total;
  }

  private skipRaster(b: Buffer, pos: number): number {
    if (b.length - pos < 8) return 0;
    const total = 8 + (b[pos + 4]! | (b[pos + 5]! << 8)) * (b[pos + 6]! | (b[pos + 7]! << 8));
    if (b.length - pos < total) return 0;
    this.images++;
    return total;
  }

  /** GS ( k pL pH cn fn …: 2D codes, length-prefixed so unknown functions skip cleanly. */
  private gsParen(b: Buffer, pos: number): number {
    if (b.length - pos < 5) return 0;
    const len = b[pos + 3]! | (b[pos + 4]! << 8);
    const total = 5 + len;
    if (b.length - pos < total) return 0;
    if (b[pos + 2] !== 0x6b || len < 2 || b[pos + 5] !== 0x31) return total; // not a QR function
    const fn = b[pos + 6]!;
    if (fn === 0x43 && len >= 3) this.qrModule = b[pos + 7]!;
    if (fn === 0x50 && len >= 3) this.qrData = b.subarray(pos + 8, pos + total).toString('utf8');
    if (fn === 0x51) {
      this.endLine(false);
      this.emit({ type: 'qr', payload: this.qrData, moduleSize: this.qrModule });
    }
    return total;
  }
}

/** One line per element, as `printer decode` prints them; feeds are not lines of text. */
export function formatElements(elements: readonly PrintElement[]): string[] {
  return elements.flatMap((e) => {
    if (e.type === 'text') return [e.text];
    if (e.type === 'qr') return [`[QR] ${e.payload}`];
    if (e.type === 'cut') return ['[CUT]'];
    return [];
  });
}

/** Splits elements into jobs, each ending with a cut; trailing elements form an unfinished job. */
export function splitJobs(elements: readonly PrintElement[]): { elements: PrintElement[]; cut: boolean }[] {
  const jobs: { elements: PrintElement[]; cut: boolean }[] = [];
  let current: PrintElement[] = [];
  for (const e of elements) {
    current.push(e);
    if (e.type === 'cut') {
      jobs.push({ elements: current, cut: true });
      current = [];
    }
  }
  if (current.length) jobs.push({ elements: current, cut: false });
  return jobs;
}
