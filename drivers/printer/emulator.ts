// Decodes an ESC/POS byte stream back into what a printer would put on paper:
// text lines with their styles, QR codes with their payloads, and cuts. Streaming
// (chunks may split any command), and it never throws: unknown commands are
// counted and skipped by their known length, and a command whose header cannot be
// right (a raster image larger than any receipt printer takes) is reported as a
// typed `EscPosDecodeError` and skipped.
//
// Bounded and linear: image data (ESC *, GS v 0, GS ( L …) is skipped as it
// streams past, never buffered; only a command's header or a QR code's data (at
// most a QR code's capacity) is held until complete, and pending chunks are joined
// once, when enough bytes for that command have arrived, not on every chunk.
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

export type EscPosDecodeErrorCode = 'bogus-raster' | 'bogus-bit-image' | 'qr-too-large';

/** A command the emulator skipped because its header cannot describe what a receipt printer prints. */
export class EscPosDecodeError extends Error {
  constructor(
    readonly code: EscPosDecodeErrorCode,
    /** Offset of the command in the whole stream. */
    readonly offset: number,
    message: string,
  ) {
    super(`byte ${offset}: ${message}`);
    this.name = 'EscPosDecodeError';
  }
}

export interface EmulatorHandlers {
  /** A `DLE EOT n` query: the simulator answers it with a status byte. */
  onStatusQuery?(n: number): void;
  onElement?(e: PrintElement): void;
  /** A bogus command was skipped; it is also kept in `errors`. */
  onError?(e: EscPosDecodeError): void;
}

const ALIGNS: Align[] = ['left', 'center', 'right'];
/** ESC commands that take exactly one parameter byte. */
const ESC_ONE_PARAM = new Set([0x21, 0x45, 0x61, 0x64, 0x4a, 0x2d, 0x4d, 0x47, 0x74, 0x52, 0x56, 0x7b, 0x33, 0x20, 0x65, 0x55]);
/** GS commands that take exactly one parameter byte. */
const GS_ONE_PARAM = new Set([0x21, 0x42, 0x48, 0x68, 0x77, 0x66, 0x61, 0x62]);

/** GS v 0 limits: 256 bytes is 2,048 dots, wider than any receipt head; 4,800 dots is 60 cm of paper. */
export const MAX_RASTER_WIDTH_BYTES = 256;
export const MAX_RASTER_HEIGHT_DOTS = 4800;
/** ESC * columns: the widest head (112 mm) has 832 dots. */
export const MAX_BIT_IMAGE_DOTS = 2048;
/** A version 40 QR code holds at most 7,089 bytes (numeric); GS ( k adds 3 bytes of cn fn m. */
export const MAX_QR_STORE_LENGTH = 7089 + 3;
/** Errors kept for the caller; beyond this only `errorCount` grows. */
const MAX_KEPT_ERRORS = 100;

/** What `step` answers: bytes used (> 0), or how many bytes from `pos` it must see first. */
type Step = { used: number } | { need: number };
const used = (n: number): Step => ({ used: n });
const need = (n: number): Step => ({ need: n });

export class EscPosEmulator {
  /** Chunks that arrived while a command was incomplete, joined once `pendingLength >= pendingNeed`. */
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private pendingNeed = 0;
  /** Payload bytes of a skipped image still to come. */
  private skipping = 0;
  /** Stream offset of the first pending byte. */
  private offset = 0;
  private line: number[] = [];
  private lineStyle: TextStyle | null = null;
  private style: TextStyle = { bold: false, width: 1, height: 1, align: 'left' };
  private qrData = '';
  private qrModule = 3;
  readonly elements: PrintElement[] = [];
  /** Bogus commands skipped (the first 100; `errorCount` counts them all). */
  readonly errors: EscPosDecodeError[] = [];
  errorCount = 0;
  /** Commands we did not recognise (skipped); useful when checking a new layout. */
  unknownCommands = 0;
  /** Bit and raster images skipped (logos some stations print); not drawn. */
  images = 0;
  /**
   * Work done: bytes looked at by the decoder plus bytes copied to join chunks.
   * Linear in the input whatever the chunking; tests assert on it, not on time.
   */
  bytesExamined = 0;

  constructor(private readonly handlers: EmulatorHandlers = {}) {}

  push(chunk: Uint8Array): void {
    let data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.skipping > 0) {
      const n = Math.min(this.skipping, data.length);
      this.skipping -= n;
      this.offset += n;
      this.bytesExamined += n;
      data = data.subarray(n);
    }
    if (data.length === 0) return;
    this.pending.push(data);
    this.pendingLength += data.length;
    if (this.pendingLength < this.pendingNeed) return;
    const buf = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingLength);
    if (this.pending.length > 1) this.bytesExamined += buf.length;
    this.pending = [];
    this.pendingLength = 0;
    this.pendingNeed = 0;
    let pos = 0;
    while (pos < buf.length) {
      if (this.skipping > 0) {
        const n = Math.min(this.skipping, buf.length - pos);
        this.skipping -= n;
        pos += n;
        this.bytesExamined += n;
        continue;
      }
      const r = this.step(buf, pos);
      if ('need' in r) {
        this.pendingNeed = r.need;
        break;
      }
      this.bytesExamined += r.used;
      pos += r.used;
    }
    this.offset += pos;
    if (pos < buf.length) {
      // Copy the incomplete command out so the caller's chunk is not retained.
      const rest = Buffer.from(buf.subarray(pos));
      this.bytesExamined += rest.length;
      this.pending = [rest];
      this.pendingLength = rest.length;
    }
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

  /** Handles the command or text byte at `pos`: bytes used, or how many it must see first. */
  private step(b: Buffer, pos: number): Step {
    const c = b[pos]!;
    const short = (n: number) => b.length - pos < n;
    if (c === LF) {
      this.endLine(true);
      return used(1);
    }
    if (c === ESC) {
      if (short(2)) return need(2);
      const cmd = b[pos + 1]!;
      if (cmd === 0x40) {
        this.endLine(false);
        this.reset();
        return used(2);
      }
      if (ESC_ONE_PARAM.has(cmd)) {
        if (short(3)) return need(3);
        this.escParam(cmd, b[pos + 2]!);
        return used(3);
      }
      if (cmd === 0x32) return used(2); // default line spacing
      if (cmd === 0x2a) return this.skipBitImage(b, pos); // ESC * m nL nH: a bit image we do not draw
      this.unknownCommands++;
      return used(2);
    }
    if (c === GS) {
      if (short(2)) return need(2);
      const cmd = b[pos + 1]!;
      if (cmd === 0x28) return this.gsParen(b, pos);
      if (cmd === 0x56) {
        if (short(3)) return need(3);
        const m = b[pos + 2]!;
        const withFeed = m === 65 || m === 66;
        if (withFeed && short(4)) return need(4);
        this.endLine(false);
        this.emit({ type: 'cut', partial: m === 1 || m === 49 || m === 66 });
        return used(withFeed ? 4 : 3);
      }
      if (cmd === 0x76) return this.skipRaster(b, pos); // GS v 0: raster image
      if (GS_ONE_PARAM.has(cmd)) {
        if (short(3)) return need(3);
        if (cmd === 0x21) {
          const n = b[pos + 2]!;
          this.style = { ...this.style, width: (n >> 4) + 1, height: (n & 0x0f) + 1 };
        }
        return used(3);
      }
      this.unknownCommands++;
      return used(2);
    }
    if (c === FS) {
      if (short(2)) return need(2);
      const cmd = b[pos + 1]!;
      if (cmd === 0x21 || cmd === 0x2d) return short(3) ? need(3) : used(3); // FS ! n, FS - n: Chinese character mode
      return used(2); // FS & (Chinese on), FS . (off)
    }
    if (c === DLE) {
      if (short(3)) return need(3);
      if (b[pos + 1] === 0x04) this.handlers.onStatusQuery?.(b[pos + 2]!);
      return used(3);
    }
    if (c < 0x20) return used(1); // CR, HT and other controls: nothing printed
    if (this.line.length === 0) this.lineStyle = { ...this.style };
    this.line.push(c);
    return used(1);
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

  private fail(code: EscPosDecodeErrorCode, pos: number, message: string): void {
    const e = new EscPosDecodeError(code, this.offset + pos, message);
    this.errorCount++;
    if (this.errors.length < MAX_KEPT_ERRORS) this.errors.push(e);
    this.handlers.onError?.(e);
  }

  /** Uses a command's header and skips its payload as it streams past. */
  private skip(header: number, payload: number): Step {
    this.images++;
    this.skipping = payload;
    return used(header);
  }

  /** ESC * m nL nH d…: m 0/1 take one byte per column, 32/33 three. */
  private skipBitImage(b: Buffer, pos: number): Step {
    if (b.length - pos < 5) return need(5);
    const m = b[pos + 2]!;
    const n = b[pos + 3]! | (b[pos + 4]! << 8);
    if (![0, 1, 32, 33].includes(m) || n > MAX_BIT_IMAGE_DOTS) {
      this.fail('bogus-bit-image', pos, `ESC * bit image of mode ${m} with ${n} columns is not one a receipt printer takes; header skipped`);
      return used(5);
    }
    return this.skip(5, n * (m >= 32 ? 3 : 1));
  }

  /** GS v 0 m xL xH yL yH d…: x bytes across, y dots down. */
  private skipRaster(b: Buffer, pos: number): Step {
    if (b.length - pos < 8) return need(8);
    const m = b[pos + 3]!;
    const x = b[pos + 4]! | (b[pos + 5]! << 8);
    const y = b[pos + 6]! | (b[pos + 7]! << 8);
    if (b[pos + 2] !== 0x30 || m % 48 > 3 || (m > 3 && m < 48) || x > MAX_RASTER_WIDTH_BYTES || y > MAX_RASTER_HEIGHT_DOTS) {
      this.fail(
        'bogus-raster',
        pos,
        `GS v raster image of ${x} bytes × ${y} dots (mode ${m}) is larger than any receipt printer takes (at most ${MAX_RASTER_WIDTH_BYTES} × ${MAX_RASTER_HEIGHT_DOTS}); header skipped`,
      );
      return used(8);
    }
    return this.skip(8, x * y);
  }

  /** GS ( x pL pH …: length-prefixed, so unknown functions skip cleanly; only QR data is kept. */
  private gsParen(b: Buffer, pos: number): Step {
    if (b.length - pos < 5) return need(5);
    const len = b[pos + 3]! | (b[pos + 4]! << 8);
    const head = Math.min(5 + len, 8);
    if (b.length - pos < head) return need(head);
    const isQr = b[pos + 2] === 0x6b && len >= 2 && b[pos + 5] === 0x31;
    const fn = b[pos + 6];
    if (!isQr || fn !== 0x50) {
      // Everything but QR data is a few bytes we read from the header, or a payload we skip.
      if (isQr && fn === 0x43 && len >= 3) this.qrModule = b[pos + 7]!;
      if (isQr && fn === 0x51) {
        this.endLine(false);
        this.emit({ type: 'qr', payload: this.qrData, moduleSize: this.qrModule });
      }
      this.skipping = 5 + len - head;
      return used(head);
    }
    if (len > MAX_QR_STORE_LENGTH) {
      this.fail('qr-too-large', pos, `QR code data of ${len - 3} bytes is more than a QR code holds (7,089); skipped`);
      this.qrData = '';
      this.skipping = 5 + len - head;
      return used(head);
    }
    if (b.length - pos < 5 + len) return need(5 + len);
    this.qrData = len >= 3 ? b.subarray(pos + 8, pos + 5 + len).toString('utf8') : '';
    return used(5 + len);
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
