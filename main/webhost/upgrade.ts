// How both listeners (the kiosk's own, and the desk's for a specialist's device)
// take a WebSocket once they have judged the request: the handshake is held until
// the station is ready, rather than a socket accepted whose first calls would find
// no dispatcher; and a request that throws while being judged closes its socket,
// never the process. The `ws` library itself is loaded only once the ports are
// bound and Chromium started (LazySockets).
import type http from 'node:http';
import { createRequire } from 'node:module';
import type { Duplex } from 'node:stream';
import type * as Ws from 'ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Station } from '../core/station.js';
import type { Logger } from '../core/logger.js';
import { nextTurn } from '../core/startup-trace.js';

// require, not import(): `ws` is CommonJS, and the host's bundle would give a dynamic import of it only a default export.
const load = createRequire(import.meta.url);

/**
 * A listener's WebSocketServer (noServer), made a turn of the event loop after
 * it is asked for: requiring `ws` (≈ 20 ms) is then off the path from the
 * host's start to Chromium's. No upgrade can come before a page has loaded, and
 * one that did would wait for it as it waits for the station.
 */
export class LazySockets {
  private wss: WebSocketServer | null = null;
  readonly ready: Promise<WebSocketServer>;

  constructor(maxPayload: number) {
    this.ready = nextTurn().then(() => {
      const { WebSocketServer } = load('ws') as typeof Ws;
      return (this.wss = new WebSocketServer({ noServer: true, maxPayload }));
    });
    // Not an unhandled rejection before any upgrade asks: an upgrade that does is refused and logged (acceptWhenReady).
    this.ready.catch(() => undefined);
  }

  /** Sockets open now. */
  get size(): number {
    return this.wss?.clients.size ?? 0;
  }

  close(): void {
    for (const ws of this.wss?.clients ?? []) ws.terminate();
    this.wss?.close();
  }
}

/** Completes the upgrade once `station` is ready and hands the socket to `opened`; a station that failed closes it. */
export function acceptWhenReady(
  station: Promise<Station>,
  sockets: LazySockets,
  upgrade: { req: http.IncomingMessage; socket: Duplex; head: Buffer },
  log: Logger,
  opened: (ws: WebSocket, station: Station) => void,
): void {
  const { req, socket, head } = upgrade;
  Promise.all([station, sockets.ready])
    .then(([st, wss]) => {
      if (socket.destroyed) return;
      wss.handleUpgrade(req, socket, head, (ws) => opened(ws, st));
    })
    .catch((e: unknown) => {
      log.error('upgrade failed', { error: (e as Error)?.message ?? String(e) });
      socket.destroy();
    });
}

/** `handle` for a server's upgrade requests, guarded: whatever it throws closes that one socket. */
export function guardedUpgrade(log: Logger, handle: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void) {
  return (req: http.IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    try {
      handle(req, socket, head);
    } catch (e) {
      log.error('upgrade failed', { error: (e as Error)?.message ?? String(e) });
      socket.destroy();
    }
  };
}
