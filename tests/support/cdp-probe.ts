// The one instrument bench:startup times the kiosk and bare Chromium with (and
// tests use to watch the page in the kiosk's own Chromium): a raw DevTools
// Protocol client on the page's own target, found by polling Chromium's
// /json/list. It only observes. Playwright's connectOverCDP, used before, does
// not: it attaches to every target with waitForDebuggerOnStart, so each new
// renderer (the launch page's, then the station's) stood paused until the
// benchmark's own process had set it up, ≈ 300 ms of a busy 2-core machine's
// time inside every figure, kiosk and bare alike, hiding what the page itself costs.
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { devtoolsPortIn } from '../../main/webhost/chromium.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const POLL_MS = 20;

/** The DevTools port Chromium chose (--remote-debugging-port=0), from the line it prints on stderr. */
export function devtoolsPort(child: ChildProcess, timeoutMs = 30_000): Promise<number> {
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no DevTools endpoint:\n${err}`)), timeoutMs);
    child.stderr!.on('data', (c: Buffer) => {
      err += c.toString();
      const port = devtoolsPortIn(err);
      if (port !== null) {
        clearTimeout(timer);
        resolve(port);
      }
    });
  });
}

interface Target {
  type: string;
  url: string;
  webSocketDebuggerUrl?: string;
}

/** A page target's session: evaluates expressions and presses keys, nothing else. */
export class PageProbe {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const msg = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { message: string } };
      const p = msg.id === undefined ? undefined : this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id!);
      if (msg.error) p.reject(new Error(msg.error.message));
      else p.resolve(msg.result);
    });
  }

  /** Waits (polling /json/list) for a page whose URL starts with `origin`, and opens its session. */
  static async open(port: number, origin: string, timeoutMs = 30_000): Promise<PageProbe> {
    const t0 = performance.now();
    for (;;) {
      const targets = (await fetch(`http://127.0.0.1:${port}/json/list`).then((r) => r.json(), () => [])) as Target[];
      const page = targets.find((t) => t.type === 'page' && t.url.startsWith(origin) && t.webSocketDebuggerUrl);
      if (page) {
        const ws = new WebSocket(page.webSocketDebuggerUrl!, { perMessageDeflate: false });
        await new Promise<void>((resolve, reject) => {
          ws.once('open', () => resolve());
          ws.once('error', reject);
        });
        return new PageProbe(ws);
      }
      if (performance.now() - t0 > timeoutMs) throw new Error(`no page at ${origin} in ${timeoutMs} ms`);
      await sleep(POLL_MS);
    }
  }

  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** The value of `expression` in the page, or null while the page is between documents. */
  async evaluate(expression: string): Promise<unknown> {
    const r = await this.send<{ result?: { value?: unknown }; exceptionDetails?: unknown }>('Runtime.evaluate', { expression, returnByValue: true }).catch(() => null);
    return r && !r.exceptionDetails ? (r.result?.value ?? null) : null;
  }

  /** Polls `expression` until it is true (a state, not a time). */
  async waitFor(expression: string, timeoutMs = 30_000): Promise<void> {
    const t0 = performance.now();
    while ((await this.evaluate(expression)) !== true) {
      if (performance.now() - t0 > timeoutMs) throw new Error(`not true in ${timeoutMs} ms: ${expression}\nfocused: ${String(await this.evaluate('document.activeElement?.outerHTML.slice(0, 120)'))}`);
      await sleep(POLL_MS);
    }
  }

  /**
   * Presses a key as a remote's D-pad would. A headless window has no OS focus;
   * focus emulation gives the page what a display's focused window has.
   */
  async press(key: 'ArrowDown'): Promise<void> {
    await this.send('Emulation.setFocusEmulationEnabled', { enabled: true });
    const code = { key, code: key, windowsVirtualKeyCode: 40, nativeVirtualKeyCode: 40 };
    await this.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...code });
    await this.send('Input.dispatchKeyEvent', { type: 'keyUp', ...code });
  }

  close(): void {
    this.ws.close();
  }
}
