// The web host: the same station core and contract, served on 127.0.0.1 only.
// HTTP serves the built renderer; a WebSocket at /ipc carries calls and streams.
// Authority is a session cookie obtained once with a one-time launch code (see
// kiosk-sessions.ts), plus Origin and Host checks, so that neither another local
// user nor another page in a browser can call the station.
// No request of any shape may stop the station: every handler is guarded, and a
// throw becomes a 400/500 answer for that request only.
import type http from 'node:http';
import crypto from 'node:crypto';
import type { Duplex } from 'node:stream';
import { FIRST_SCREEN_PATH, LAUNCH_PARAM, SESSION_PATH, WS_PATH } from '../../common/ipc/paths.js';
import type { Logger } from '../core/logger.js';
import { serveStatic } from './static-files.js';
import { attachSession } from './ws-session.js';
import { acceptWhenReady, guardedUpgrade, LazySockets } from './upgrade.js';
import { handleTestControl } from './test-controls.js';
import { cookieValue, kioskSessions, launchUrlFor, type KioskSessions } from './kiosk-sessions.js';
import { listenHeld, type HeldServer } from './held-server.js';
import { firstTimeMark, startupMark } from '../core/startup-trace.js';
import { firstScreenData } from './first-screen.js';
import { stationGetter, type StationSource } from './lazy-station.js';

export type WebHostOptions = WebHostSettings & (
  | { port: number }
  | {
      /**
       * The port the launcher bound before it loaded this code (held-server.ts),
       * with the sessions that issued the launch code Chromium was started on.
       */
      held: HeldServer;
      sessions: KioskSessions;
    }
);

interface WebHostSettings {
  /**
   * The station, its promise, or a getter that starts it (lazy-station.ts):
   * the launcher binds the port and starts Chromium before the station is
   * ready. Pages are served at once; a WebSocket (and a test control) waits
   * until the station is ready, so the page's first calls are answered, only
   * later.
   */
  station: StationSource;
  /**
   * The first screen's data as JSON when the launcher has it without asking
   * the station (first-screen-cache.ts), else null: the station answers.
   */
  keptFirstScreen?: () => string | null;
  rendererDir: string;
  log: Logger;
  /** Expose /__test/* controls for end-to-end tests. */
  testControls?: boolean;
}

export interface WebHost {
  readonly port: number;
  readonly origin: string;
  /** A URL that opens the kiosk once: its launch code is dead after the first load. */
  launchUrl(): string;
  /** Bearer token for /__test/* (only with testControls); never put in a URL. */
  readonly controlToken: string;
  dispose(): Promise<void>;
}

/** Largest WebSocket message accepted; per-channel limits are tighter (see the contract). */
const MAX_WS_MESSAGE = 8 * 1024 * 1024;

function sameToken(a: string | null | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** The path and query of a request target, or null when it is not a plain origin-form path. */
function parseTarget(raw: string | undefined): URL | null {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//')) return null;
  try {
    return new URL(raw, 'http://127.0.0.1');
  } catch {
    return null;
  }
}

const LAUNCH_USED_PAGE =
  '<!doctype html><meta charset="utf-8"><title>乡音</title><p style="font-size:40px">这个启动链接已经用过了。请重新启动本机服务。<br>This launch link has been used already: restart the kiosk (or run npm run start:headless again) for a new one.</p>';

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const log = opts.log;
  const sessions = 'held' in opts ? opts.sessions : kioskSessions();
  const controlToken = crypto.randomBytes(24).toString('base64url');
  let origin = '';
  let host = '';
  let cookieName = '';
  const station = stationGetter(opts.station);
  const firstPage = firstTimeMark(log, 'first page served');
  const firstSocket = firstTimeMark(log, 'first websocket');

  function handleRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    // DNS rebinding: a page on another site that resolves its name to 127.0.0.1
    // would still send its own Host; only ours is served.
    if (req.headers.host !== host) {
      res.writeHead(421).end();
      return;
    }
    const url = parseTarget(req.url);
    if (!url) {
      res.writeHead(400).end();
      return;
    }
    if (url.pathname.startsWith('/__test/')) {
      if (!opts.testControls || !sameToken(req.headers.authorization?.replace(/^Bearer /, ''), controlToken)) {
        res.writeHead(404).end();
        return;
      }
      if (url.pathname === '/__test/launch-url' && req.method === 'POST') {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify({ value: launchUrl() }));
        return;
      }
      station('a test control').then((st) => handleTestControl(st.services, req, res, url.pathname)).catch((e: unknown) => fail(res, e));
      return;
    }
    if (url.pathname === SESSION_PATH) {
      // Lets the page tell a person who opened the bare URL what to do, instead of retrying a socket that will be refused.
      const live = sessions.isSession(cookieValue(req.headers.cookie, cookieName));
      res.writeHead(live ? 204 : 401, { 'Cache-Control': 'no-store' }).end();
      return;
    }
    if (url.pathname === FIRST_SCREEN_PATH) {
      serveFirstScreen(req, res);
      return;
    }
    const code = url.searchParams.get(LAUNCH_PARAM);
    if (code !== null) {
      exchangeLaunchCode(req, res, code);
      return;
    }
    serveStatic(opts.rendererDir, req, res);
    if (url.pathname === '/') firstPage();
  }

  /**
   * GET FIRST_SCREEN_PATH: the first screen's data as JSON: as kept from the
   * station's last answer, or once the station is up; 401 without a session,
   * like SESSION_PATH (it stands in for that check on the kiosk's page); 503
   * when the station could not answer, and the page asks over its socket instead.
   */
  function serveFirstScreen(req: http.IncomingMessage, res: http.ServerResponse): void {
    const noStore = { 'Cache-Control': 'no-store' };
    if (req.method !== 'GET') return void res.writeHead(405, { Allow: 'GET' }).end();
    if (!sessions.isSession(cookieValue(req.headers.cookie, cookieName))) return void res.writeHead(401, noStore).end();
    const json = { ...noStore, 'Content-Type': 'application/json; charset=utf-8' };
    const kept = opts.keptFirstScreen?.() ?? null;
    if (kept !== null) return void res.writeHead(200, json).end(kept);
    station('the first screen')
      .then((st) => firstScreenData(st.dispatcher))
      .then((data) => {
        if (!data) return void res.writeHead(503, noStore).end();
        res.writeHead(200, json).end(JSON.stringify(data));
      })
      .catch((e: unknown) => fail(res, e));
  }

  /** GET /?launch=CODE: set the session cookie and send the browser on to the bare URL, so the code is kept nowhere. */
  function exchangeLaunchCode(req: http.IncomingMessage, res: http.ServerResponse, code: string): void {
    const noStore = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
    const session = req.method === 'GET' ? sessions.redeem(code) : null;
    if (session) {
      log.info('kiosk session started');
      res
        .writeHead(303, { ...noStore, Location: '/', 'Set-Cookie': `${cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/` })
        .end();
      return;
    }
    if (sessions.isSession(cookieValue(req.headers.cookie, cookieName))) {
      // A reload of a kept launch URL in the browser that already holds a session.
      res.writeHead(303, { ...noStore, Location: '/' }).end();
      return;
    }
    log.warn('refused a launch code that is unknown or already used');
    res.writeHead(403, { ...noStore, 'Content-Type': 'text/html; charset=utf-8' }).end(LAUNCH_USED_PAGE);
  }

  function fail(res: http.ServerResponse, e: unknown): void {
    log.error('request failed', { error: (e as Error)?.message ?? String(e) });
    if (!res.headersSent) res.writeHead(500).end();
    else res.destroy();
  }

  function guardedRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    try {
      handleRequest(req, res);
    } catch (e) {
      fail(res, e);
    }
  }

  const sockets = new LazySockets(MAX_WS_MESSAGE);
  function handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = parseTarget(req.url);
    const allowed =
      url?.pathname === WS_PATH &&
      req.headers.host === host &&
      req.headers.origin === origin &&
      sessions.isSession(cookieValue(req.headers.cookie, cookieName));
    if (!allowed) {
      log.warn('refused websocket', { path: url?.pathname ?? null, origin: req.headers.origin ?? null });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    acceptWhenReady(station('the page'), sockets, { req, socket, head }, log, (ws, st) => {
      log.info('websocket session opened');
      firstSocket();
      attachSession(ws, st.dispatcher, log);
    });
  }
  const held = 'held' in opts ? opts.held : await listenHeld(opts.port);
  const port = held.port;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  // Cookies are not kept apart by port: name ours after it, so two hosts on one
  // machine (tests, a second station) never overwrite each other's session.
  cookieName = `xiangyin-${port}`;
  held.serve(guardedRequest, guardedUpgrade(log, handleUpgrade));
  log.info('web host listening', { origin });
  startupMark(log, 'web host serving');

  function launchUrl(): string {
    return launchUrlFor(origin, sessions.issueCode());
  }

  return {
    port,
    origin,
    launchUrl,
    controlToken,
    async dispose() {
      sockets.close();
      await held.close();
    },
  };
}
