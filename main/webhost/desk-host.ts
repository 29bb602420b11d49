// The specialist desk for a specialist's own device: a second listener of the
// web host, apart from the kiosk's, that serves the same renderer and a
// WebSocket whose connections are marked as desk devices. The renderer shows
// them the desk alone (app:info says `surface: 'desk'`), and the dispatcher lets
// them call only what is public (the login itself, the catalogue, the station's
// status) and, once the specialist logged in with a PIN on that very socket,
// the desk's channels: never a resident's (the card in the reader, records,
// speech, the printer), whoever asks.
//
// It listens where the station config says (`webHost.desk.address`): loopback
// by default, a LAN address only when configured. No launch code and no cookie:
// the PIN login (five wrong ones lock the station's desk login for 15 minutes)
// and the desk's idle logout are the gate. Requests are refused unless their
// Host is an IP address or localhost with our port (a page on another site
// cannot rebind its name to the station and call the desk), and a WebSocket
// unless its Origin is that same host (nor can it open one from elsewhere).
// On a LAN address it is HTTPS (desk-tls.ts): the PIN and what the desk shows do
// not cross the station's own network in clear. On loopback, plain HTTP.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { FIRST_SCREEN_PATH, SESSION_PATH, WS_PATH } from '../../common/ipc/paths.js';
import { stationGetter, type StationSource } from './lazy-station.js';
import type { Logger } from '../core/logger.js';
import { serveStatic } from './static-files.js';
import { attachSession } from './ws-session.js';
import { acceptWhenReady, guardedUpgrade, LazySockets } from './upgrade.js';
import { DeskTlsError, isLoopback } from './desk-tls.js';

export interface DeskHostOptions {
  /** The station, its promise or its getter (the launcher binds ports while the station starts): a socket waits for it. */
  station: StationSource;
  rendererDir: string;
  address: string;
  port: number;
  log: Logger;
  /** The certificate and key to serve HTTPS with (deskTls); none: plain HTTP, for loopback only. */
  tls?: { cert: Buffer; key: Buffer } | null;
}

export interface DeskHost {
  readonly port: number;
  /** Where a specialist opens the desk (with the configured address; 0.0.0.0 is shown as this machine's loopback). */
  readonly url: string;
  dispose(): Promise<void>;
}

/** Desk sockets open at once: a few specialists' devices, never an unbounded crowd. */
export const MAX_DESK_SOCKETS = 16;
/** Desk messages are small (no photos, no audio): a tighter cap than the kiosk's. */
const MAX_DESK_MESSAGE = 256 * 1024;

/** A desk device's browser has neither camera nor microphone business here. */
const DESK_HEADERS = { 'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' };

/** Whether a Host header names this listener by address (an IP literal, or localhost) and port. */
export function deskHostAllowed(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+):(\d{1,5})$/.exec(hostHeader);
  if (!m || Number(m[2]) !== port) return false;
  const name = m[1]!.startsWith('[') ? m[1]!.slice(1, -1) : m[1]!;
  return name === 'localhost' || net.isIP(name) !== 0;
}

export async function startDeskHost(opts: DeskHostOptions): Promise<DeskHost> {
  const log = opts.log;
  const station = stationGetter(opts.station);
  // Whoever starts it: the desk never listens beyond this machine in clear.
  if (!opts.tls && !isLoopback(opts.address)) throw new DeskTlsError(`the desk on ${opts.address} needs TLS (webHost.desk.tls)`);
  let port = 0;

  function handleRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!deskHostAllowed(req.headers.host, port)) {
      res.writeHead(421).end();
      return;
    }
    const raw = req.url ?? '';
    if (!raw.startsWith('/') || raw.startsWith('//')) {
      res.writeHead(400).end();
      return;
    }
    const pathname = new URL(raw, 'http://desk').pathname;
    // The test controls and the launch code belong to the kiosk's listener only.
    if (pathname.startsWith('/__test/')) {
      res.writeHead(404).end();
      return;
    }
    // The page asks whether it may open the socket: here the PIN, not a cookie, is the gate.
    if (pathname === SESSION_PATH) {
      res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
      return;
    }
    // The kiosk's first screen is not the desk's: the desk's page asks over its socket.
    if (pathname === FIRST_SCREEN_PATH) {
      res.writeHead(404, { 'Cache-Control': 'no-store' }).end();
      return;
    }
    serveStatic(opts.rendererDir, req, res, DESK_HEADERS);
  }

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    try {
      handleRequest(req, res);
    } catch (e) {
      log.error('desk request failed', { error: (e as Error)?.name });
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    }
  };
  const scheme = opts.tls ? 'https' : 'http';
  const server: http.Server = opts.tls ? https.createServer({ cert: opts.tls.cert, key: opts.tls.key, minVersion: 'TLSv1.2' }, onRequest) : http.createServer(onRequest);

  const sockets = new LazySockets(MAX_DESK_MESSAGE);
  function handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const host = req.headers.host;
    const pathname = (req.url ?? '').split('?')[0];
    const allowed = pathname === WS_PATH && deskHostAllowed(host, port) && req.headers.origin === `${scheme}://${host}` && sockets.size < MAX_DESK_SOCKETS;
    if (!allowed) {
      log.warn('refused desk websocket', { path: pathname ?? null, origin: req.headers.origin ?? null, open: sockets.size });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    acceptWhenReady(station('a desk'), sockets, { req, socket, head }, log, (ws, st) => {
      log.info('desk device connected');
      attachSession(ws, st.dispatcher, log, 'desk');
    });
  }
  server.on('upgrade', guardedUpgrade(log, handleUpgrade));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.address, () => resolve());
  });
  port = (server.address() as { port: number }).port;
  const shown = opts.address === '0.0.0.0' || opts.address === '::' ? '127.0.0.1' : opts.address;
  const url = `${scheme}://${net.isIPv6(shown) ? `[${shown}]` : shown}:${port}/`;
  log.info('desk listening', { address: opts.address, port, lan: !['127.0.0.1', '::1'].includes(opts.address), tls: !!opts.tls });

  return {
    port,
    url,
    async dispose() {
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
