// What the web host does in its first milliseconds, before it loads its own
// code, the config's schemas and the station (about 100 ms of a box's CPU):
// bind the kiosk's port, issue the launch code, and start Chromium on it. A
// request that comes before the host is ready waits on the port
// (held-server.ts), so Chromium's own start (the longest part of a kiosk's
// start) runs beside the host's rather than after it.
//
// The port comes from the config file read as plain JSON. A file that cannot
// be read that way is left to the full config check (host-main.ts), which
// refuses it with the reason; a config the full check then refuses (or a
// production refusal) closes the browser again, before it has shown a page.
import fs from 'node:fs';
import type { LaunchArgs } from './launch-args.js';
import { listenHeld, type HeldServer } from './held-server.js';
import { kioskSessions, launchUrlFor, type KioskSessions } from './kiosk-sessions.js';
import { devtoolsPortIn, findChromium, launchChromium } from './chromium.js';
import { noDisplayMessage } from './display.js';
import { startupMark } from '../core/startup-trace.js';
import type { Logger } from '../core/logger.js';

export interface BrowserExit {
  code: number | null;
  signal: string | null;
  afterMs: number;
  stderrTail: string;
}

/** The kiosk's Chromium, watched from its first moment: an exit before the host is up is not missed. */
export interface KioskBrowser {
  dispose(): Promise<void>;
  readonly exited: Promise<BrowserExit>;
}

export interface EarlyStart {
  held: HeldServer;
  sessions: KioskSessions;
  /** Null when headless, or when no Chromium is installed (the launch URL is printed instead). */
  browser: KioskBrowser | null;
}

/** Nothing to show the kiosk on: starting again would not help either. */
export class NoDisplayError extends Error {
  override name = 'NoDisplayError';
}

/**
 * The port the config file asks for, read without the schemas: `--port`, else
 * `webHost.port`, else 0 (a free one). Null when the file cannot be read so
 * (the full check says why).
 */
export function configuredPort(args: LaunchArgs, env: NodeJS.ProcessEnv = process.env): number | null {
  if (args.port !== undefined) return args.port;
  const file = args.config ?? env.XIANGYIN_CONFIG;
  if (!file) return 0;
  try {
    const port: unknown = (JSON.parse(fs.readFileSync(file, 'utf8')) as { webHost?: { port?: unknown } } | null)?.webHost?.port;
    if (port === undefined) return 0;
    return typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 65535 ? port : null;
  } catch {
    return null;
  }
}

/** Binds `port`, issues the launch code and (unless headless) starts Chromium on it. */
export async function startEarly(args: LaunchArgs, port: number, log: Logger): Promise<EarlyStart> {
  // No display: said before anything starts (scripts/start.mjs does not start us again for it).
  const noDisplay = args.headless || args.headlessBrowser ? null : noDisplayMessage();
  if (noDisplay) throw new NoDisplayError(noDisplay);
  const held = await listenHeld(port);
  startupMark(log, 'port bound');
  const origin = `http://127.0.0.1:${held.port}`;
  const sessions = kioskSessions();
  if (args.headless) return { held, sessions, browser: null };
  const chromium = findChromium();
  if (!chromium) {
    log.error('Chromium not found: install the chromium package, or use --headless and open the URL yourself');
    process.stdout.write(`XIANGYIN_URL=${launchUrlFor(origin, sessions.issueCode())}\n`);
    return { held, sessions, browser: null };
  }
  process.stdout.write(`Kiosk: web host + Chromium (${chromium})\n`);
  const browser = watch(
    launchChromium(chromium, launchUrlFor(origin, sessions.issueCode()), {
      kiosk: !args.window,
      headless: args.headlessBrowser,
      extraArgs: args.headlessBrowser ? ['--remote-debugging-port=0'] : [],
    }),
    args.headlessBrowser,
  );
  startupMark(log, 'chromium spawned');
  if (args.headlessBrowser) process.stdout.write(`XIANGYIN_ORIGIN=${origin}\n`);
  return { held, sessions, browser };
}

function watch(launched: ReturnType<typeof launchChromium>, printDevtools: boolean): KioskBrowser {
  const startedAt = Date.now();
  let stderrTail = '';
  // The line being written when a chunk ended: a chunk can hold far more than the tail keeps.
  let partialLine = '';
  let devtoolsSaid = !printDevtools;
  launched.child.stderr?.on('data', (c: Buffer) => {
    const text = partialLine + c.toString();
    stderrTail = (stderrTail + c.toString()).slice(-2000);
    partialLine = text.slice(text.lastIndexOf('\n') + 1).slice(-500);
    // The benchmark's and tests' way into the page (--headless-browser, test controls only).
    const port = devtoolsSaid ? null : devtoolsPortIn(text);
    if (port !== null) {
      devtoolsSaid = true;
      process.stdout.write(`XIANGYIN_DEVTOOLS_PORT=${port}\n`);
    }
  });
  const exited = new Promise<BrowserExit>((resolve) =>
    launched.child.on('exit', (code, signal) => resolve({ code, signal, afterMs: Date.now() - startedAt, stderrTail })),
  );
  return { dispose: () => launched.dispose(), exited };
}
