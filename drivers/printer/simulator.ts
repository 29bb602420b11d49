// The device side of a receipt printer: decodes the ESC/POS it is sent (through the
// emulator), answers DLE EOT status queries from its scripted state, and keeps the
// jobs it printed. Paper-out, cover-open and the rest stop printing as on a real one.
import type { ByteLink } from '../serial/link.js';
import { EscPosEmulator, formatElements, splitJobs, type PrintElement } from './emulator.js';
import { encodeStatus, healthyStatus, type PrinterStatus } from './status.js';

export interface PrintedJob {
  /** Every element decoded from the bytes: text lines with styles, QR codes, feeds, the cut. */
  readonly elements: readonly PrintElement[];
  /** The `printer decode` view: text lines, `[QR] payload`, `[CUT]`. */
  readonly lines: readonly string[];
  readonly qr: readonly string[];
  readonly cuts: number;
}

/** What tests (and the lead's browser tests) use to drive the simulated printer. */
export interface PrinterSimulatorControl {
  /** Jobs printed so far, each ending with a cut. */
  jobs(): PrintedJob[];
  clearJobs(): void;
  setPaperOut(out: boolean): void;
  setPaperNearEnd(near: boolean): void;
  setCoverOpen(open: boolean): void;
  setCutterError(error: boolean): void;
  /** Stop answering status queries (a printer that hangs). */
  setSilent(silent: boolean): void;
  readonly status: PrinterStatus;
}

export class PrinterSimulator implements PrinterSimulatorControl {
  private state: PrinterStatus = { ...healthyStatus };
  private silent = false;
  private readonly printed: PrintElement[] = [];
  private readonly links = new Map<ByteLink, { emulator: EscPosEmulator; stop: () => void }>();
  /** Bytes that arrived while the printer could not print (they are lost, as on a real one). */
  discardedElements = 0;

  get status(): PrinterStatus {
    return { ...this.state };
  }

  jobs(): PrintedJob[] {
    return splitJobs(this.printed)
      .filter((j) => j.cut)
      .map(({ elements }) => ({
        elements,
        lines: formatElements(elements),
        qr: elements.flatMap((e) => (e.type === 'qr' ? [e.payload] : [])),
        cuts: elements.filter((e) => e.type === 'cut').length,
      }));
  }

  clearJobs(): void {
    this.printed.length = 0;
  }

  setPaperOut(out: boolean): void {
    // An empty roll is also "near end"; loading a new roll clears both.
    this.state = { ...this.state, paperEnd: out, paperNearEnd: out };
  }
  setPaperNearEnd(near: boolean): void {
    this.state = { ...this.state, paperNearEnd: near };
  }
  setCoverOpen(open: boolean): void {
    this.state = { ...this.state, coverOpen: open };
  }
  setCutterError(error: boolean): void {
    this.state = { ...this.state, cutterError: error };
  }
  setSilent(silent: boolean): void {
    this.silent = silent;
  }

  /** Serves one connection (a pty end, or a TCP client); several may be attached. */
  attach(link: ByteLink): void {
    const emulator = new EscPosEmulator({
      onStatusQuery: (n) => this.answerStatus(link, n),
      onElement: (e) => this.onElement(e),
    });
    const stop = link.onData((chunk) => emulator.push(chunk));
    const stopClose = link.onClose(() => this.links.delete(link));
    this.links.set(link, {
      emulator,
      stop: () => {
        stop();
        stopClose();
      },
    });
  }

  detach(): void {
    for (const { stop } of this.links.values()) stop();
    this.links.clear();
  }

  private canPrint(): boolean {
    const s = this.state;
    return !s.paperEnd && !s.coverOpen && !s.cutterError && !s.offline;
  }

  private onElement(e: PrintElement): void {
    if (this.canPrint()) this.printed.push(e);
    else this.discardedElements++;
  }

  private answerStatus(link: ByteLink, n: number): void {
    if (this.silent || n < 1 || n > 4) return;
    const s = this.state;
    // A printer stopped by paper end or an open cover also reports itself offline.
    const bytes = encodeStatus({ ...s, offline: s.offline || !this.canPrint() });
    link.write(Uint8Array.of(bytes[n - 1]!)).catch(() => undefined);
  }
}
