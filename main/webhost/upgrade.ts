// How both listeners (the kiosk's own, and the desk's for a specialist's device)
// take a WebSocket once they have judged the request: the handshake is held until
// the station is ready, rather than a socket accepted whose first calls would find
// no dispatcher; and a request that throws while being judged closes its socket,
// never the process.
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Station } from '../core/station.js';
import type { Logger } from '../core/logger.js';

/** Completes the upgrade once `station` is ready and hands the socket to `opened`; a station that failed closes it. */
export function acceptWhenReady(
  station: Promise<Station>,
  wss: WebSocketServer,
  upgrade: { req: http.IncomingMessage; socket: Duplex; head: Buffer },
  log: Logger,
  opened: (ws: WebSocket, station: Station) => void,
): void {
  const { req, socket, head } = upgrade;
  station
    .then((st) => {
      if (socket.destroyed) return;
      wss.handleUpgrade(req, socket, head, (ws) => opened(ws, st));
    })
    .catch((e: unknown) => {
      log.error('upgrade failed', { error: (e as Error)?.message ?? String(e) });
      socket.destroy();
    });
}

/** Routes the server's upgrade requests to `handle`; whatever it throws closes that one socket. */
export function guardUpgrades(server: http.Server, log: Logger, handle: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void): void {
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      handle(req, socket, head);
    } catch (e) {
      log.error('upgrade failed', { error: (e as Error)?.message ?? String(e) });
      socket.destroy();
    }
  });
}
