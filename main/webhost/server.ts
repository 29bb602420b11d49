// The web host: the same station core and contract, served on 127.0.0.1 only.
// HTTP serves the built renderer; a WebSocket at /ipc carries calls and streams.
// A per-launch random token (in the URL Chromium is opened with) plus an Origin
// check keep every other local page and process from calling the station.
import http from 'node:http';
import crypto from 'node:crypto';
import { WebSocketServer } from 'ws';
import { TOKEN_PARAM, WS_PATH } from '../../common/ipc/wire.js';
import type { Station } from '../core/station.js';
import type { Logger } from '../core/logger.js';
import { serveStatic } from './static-files.js';
import { attachSession } from './ws-session.js';
import { handleTestControl } from './test-controls.js';

export interface WebHostOptions {
  station: Station;
  rendererDir: string;
  port: number;
  log: Logger;
  /** Expose /__test/* controls for end-to-end tests. */
  testControls?: boolean;
  token?: string;
}

export interface WebHost {
  readonly port: number;
  readonly token: string;
  /** The URL to open the kiosk at, token included. */
  readonly url: string;
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

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const log = opts.log;
  let origin = '';

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path.startsWith('/__test/')) {
      if (!opts.testControls || !sameToken(req.headers.authorization?.replace(/^Bearer /, ''), token)) {
        res.writeHead(404).end();
        return;
      }
      void handleTestControl(opts.station.services, req, res, path);
      return;
    }
    serveStatic(opts.rendererDir, req, res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_MESSAGE });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const allowed = url.pathname === WS_PATH && req.headers.origin === origin && sameToken(url.searchParams.get(TOKEN_PARAM), token);
    if (!allowed) {
      log.warn('refused websocket', { path: url.pathname, origin: req.headers.origin ?? null });
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attachSession(ws, opts.station.dispatcher, log));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  origin = `http://127.0.0.1:${port}`;
  log.info('web host listening', { origin });

  return {
    port,
    token,
    url: `${origin}/?${TOKEN_PARAM}=${token}`,
    async dispose() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
