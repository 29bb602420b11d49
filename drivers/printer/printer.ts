// The host side of a receipt printer over any ByteLink: ask its status, and print a
// document only when the status says it can. Nothing is sent to a printer that is
// out of paper: the caller keeps the document and prints it later.
import type { PrintResult, ReceiptDocument } from '../../common/domain/receipt.js';
import type { ByteLink } from '../serial/link.js';
import { statusQuery } from './escpos.js';
import { layoutDocument, type LayoutOptions } from './layouts.js';
import { blockingProblem, decodeStatus, isStatusByte, StatusByteError, type PrinterStatus } from './status.js';

export class PrinterError extends Error {
  constructor(
    readonly code: 'no-reply' | 'bad-status' | 'io-error',
    message: string,
  ) {
    super(message);
    this.name = 'PrinterError';
  }
}

/** Plain words for each reason a print did not happen; the UI may say these aloud. */
export const PRINT_FAILURE_WORDS: Record<Exclude<PrintResult, { printed: true }>['reason'], string> = {
  'paper-out': '打印机没有纸了，请工作人员换纸。回执已保留，换纸后可以再打印。',
  'cover-open': '打印机盖子没有关好，请工作人员关上。回执已保留。',
  offline: '打印机暂时不能用。回执已保留，稍后可以再打印。',
  'cutter-error': '打印机切纸出了故障，请工作人员检查。回执已保留。',
  'no-reply': '打印机没有响应，请工作人员检查电源和连线。回执已保留。',
  'io-error': '打印机连接出错，请工作人员检查连线。回执已保留。',
};

export class ReceiptPrinter {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly link: ByteLink,
    private readonly opts: LayoutOptions & { statusTimeoutMs: number },
  ) {}

  /** Asks DLE EOT 1..4 in turn; one printer exchange at a time. */
  queryStatus(): Promise<PrinterStatus> {
    return this.exclusive(() => this.readStatus());
  }

  /** Checks status, then prints. Never throws for printer conditions: they are results. */
  print(doc: ReceiptDocument): Promise<PrintResult> {
    return this.printBytes(layoutDocument(doc, this.opts));
  }

  printBytes(bytes: Uint8Array): Promise<PrintResult> {
    return this.exclusive(async () => {
      let status: PrinterStatus;
      try {
        status = await this.readStatus();
      } catch (e) {
        return failure(e);
      }
      const problem = blockingProblem(status);
      if (problem) return { printed: false, reason: problem, message: PRINT_FAILURE_WORDS[problem] };
      try {
        await withTimeout(this.link.write(bytes), this.opts.statusTimeoutMs + 10_000);
      } catch (e) {
        return failure(e);
      }
      return { printed: true };
    });
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async readStatus(): Promise<PrinterStatus> {
    const bytes: number[] = [];
    for (const n of [1, 2, 3, 4] as const) bytes.push(await this.ask(n));
    return decodeStatus(bytes as [number, number, number, number]);
  }

  /** Sends one query and waits for its status byte; stray non-status bytes are skipped. */
  private ask(n: 1 | 2 | 3 | 4): Promise<number> {
    return new Promise((resolve, reject) => {
      let stray = 0;
      const stop = this.link.onData((chunk) => {
        for (const b of chunk) {
          if (isStatusByte(b)) {
            done();
            return resolve(b);
          }
          if (++stray > 64) {
            done();
            return reject(new PrinterError('bad-status', new StatusByteError(n, b).message));
          }
        }
      });
      const timer = setTimeout(() => {
        done();
        reject(new PrinterError('no-reply', `printer did not answer DLE EOT ${n} within ${this.opts.statusTimeoutMs} ms`));
      }, this.opts.statusTimeoutMs);
      const done = () => {
        clearTimeout(timer);
        stop();
      };
      this.link.write(statusQuery(n)).catch((e: Error) => {
        done();
        reject(new PrinterError('io-error', e.message));
      });
    });
  }
}

function failure(e: unknown): PrintResult {
  const reason = e instanceof PrinterError && e.code === 'no-reply' ? 'no-reply' : 'io-error';
  return { printed: false, reason, message: PRINT_FAILURE_WORDS[reason] };
}

/** A write into a vanished port may never call back; the print must still end. */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new PrinterError('no-reply', `write did not finish within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
