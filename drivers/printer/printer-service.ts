// Keeps a printer connection alive for the station: opens it when needed, watches
// its status (so the specialist sees "paper low" before a resident is let down),
// and reopens it after the cable is pulled and put back.
import type { PrintResult, ReceiptDocument } from '../../common/domain/receipt.js';
import type { ByteLink } from '../serial/link.js';
import type { LayoutOptions } from './layouts.js';
import { PRINT_FAILURE_WORDS, PrinterError, ReceiptPrinter } from './printer.js';
import { blockingProblem, type PrinterStatus } from './status.js';

export type PrinterHealth = { state: 'starting' | 'ok' | 'warning' | 'fault' | 'disconnected'; message: string };

export interface PrinterServiceOptions extends LayoutOptions {
  open: () => Promise<ByteLink>;
  statusTimeoutMs?: number;
  /** How often to check status while idle. */
  watchMs?: number;
  onHealth?: (h: PrinterHealth) => void;
}

const HEALTH_WORDS: Record<string, string> = {
  'paper-out': '打印机缺纸',
  'cover-open': '打印机盖未关',
  'cutter-error': '打印机切刀故障',
  offline: '打印机离线',
};

export class PrinterService {
  private link: ByteLink | null = null;
  private printer: ReceiptPrinter | null = null;
  private connecting: Promise<ReceiptPrinter | null> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  health: PrinterHealth = { state: 'starting', message: '打印机启动中' };
  lastStatus: PrinterStatus | null = null;

  constructor(private readonly opts: PrinterServiceOptions) {}

  start(): void {
    const tick = async () => {
      await this.refresh().catch(() => undefined);
      if (!this.stopped) this.timer = setTimeout(tick, this.opts.watchMs ?? 3000);
    };
    void tick();
  }

  async print(doc: ReceiptDocument): Promise<PrintResult> {
    const printer = await this.connect();
    if (!printer) return { printed: false, reason: 'offline', message: PRINT_FAILURE_WORDS.offline };
    const result = await printer.print(doc);
    this.afterPrint(result);
    return result;
  }

  async printBytes(bytes: Uint8Array): Promise<PrintResult> {
    const printer = await this.connect();
    if (!printer) return { printed: false, reason: 'offline', message: PRINT_FAILURE_WORDS.offline };
    const result = await printer.printBytes(bytes);
    this.afterPrint(result);
    return result;
  }

  /** Reads status now and updates health; null when the printer cannot be reached. */
  async refresh(): Promise<PrinterStatus | null> {
    const printer = await this.connect();
    if (!printer) return null;
    try {
      const s = await printer.queryStatus();
      this.lastStatus = s;
      const problem = blockingProblem(s);
      if (problem) this.setHealth({ state: 'fault', message: HEALTH_WORDS[problem]! });
      else if (s.paperNearEnd) this.setHealth({ state: 'warning', message: '打印纸快用完了' });
      else this.setHealth({ state: 'ok', message: '打印机正常' });
      return s;
    } catch (e) {
      const noReply = e instanceof PrinterError && e.code === 'no-reply';
      this.setHealth({ state: 'warning', message: noReply ? '打印机没有响应' : '打印机状态读取出错' });
      return null;
    }
  }

  async dispose(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.connecting?.catch(() => undefined);
    await this.drop();
  }

  private afterPrint(result: PrintResult): void {
    if (result.printed) return;
    if (result.reason === 'io-error') void this.drop();
    void this.refresh().catch(() => undefined);
  }

  private setHealth(h: PrinterHealth): void {
    if (h.state === this.health.state && h.message === this.health.message) return;
    this.health = h;
    this.opts.onHealth?.(h);
  }

  private connect(): Promise<ReceiptPrinter | null> {
    if (this.printer) return Promise.resolve(this.printer);
    if (this.stopped) return Promise.resolve(null);
    this.connecting ??= (async () => {
      await Promise.resolve(); // let `connecting` be assigned before any outcome clears it
      try {
        const link = await this.opts.open();
        if (this.stopped) {
          await link.close();
          return null;
        }
        this.link = link;
        this.printer = new ReceiptPrinter(link, { columns: this.opts.columns, timeZone: this.opts.timeZone, statusTimeoutMs: this.opts.statusTimeoutMs ?? 1000 });
        link.onClose(() => {
          if (this.link !== link) return;
          this.link = null;
          this.printer = null;
          this.setHealth({ state: 'disconnected', message: '打印机连接断开' });
        });
        return this.printer;
      } catch {
        this.setHealth({ state: 'disconnected', message: '打印机未连接' });
        return null;
      } finally {
        this.connecting = null;
      }
    })();
    return this.connecting;
  }

  private async drop(): Promise<void> {
    const link = this.link;
    this.link = null;
    this.printer = null;
    await link?.close().catch(() => undefined);
  }
}
