// The kiosk's port, bound in the launcher's first milliseconds: before the web
// host's own code, the config's schemas or the station are loaded, so Chromium
// can be started at once on a URL that will answer (main/webhost/launch.ts).
// A request that comes before the host is ready is held, not refused, and
// answered once the host hands over its handlers, in the order it came.
// It is a real listening http.Server from the first moment, so Node's own
// request timeouts and connection tracking (closeAllConnections) hold for the
// held requests too.
import http from 'node:http';
import type { Duplex } from 'node:stream';

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
export type UpgradeHandler = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface HeldServer {
  readonly server: http.Server;
  readonly port: number;
  /** Installs the host's handlers and passes them what was held, in order. Once only. */
  serve(onRequest: RequestHandler, onUpgrade: UpgradeHandler): void;
  /** Stops listening and closes every connection, held ones included. */
  close(): Promise<void>;
}

/**
 * More than a browser's first page asks for while the host starts (a page, its
 * preload, a socket); beyond it a local process flooding the port is answered
 * 503 at once rather than held in memory.
 */
export const MAX_HELD = 64;

type Held = { kind: 'request'; req: http.IncomingMessage; res: http.ServerResponse } | { kind: 'upgrade'; req: http.IncomingMessage; socket: Duplex; head: Buffer };

/** Binds 127.0.0.1:`port` (0 picks a free one) and holds what comes until `serve()`. */
export async function listenHeld(port: number): Promise<HeldServer> {
  const server = http.createServer();
  let held: Held[] | null = [];
  const holdRequest: RequestHandler = (req, res) => {
    if (held!.length >= MAX_HELD) return void res.writeHead(503, { 'Retry-After': '1' }).end();
    held!.push({ kind: 'request', req, res });
  };
  const holdUpgrade: UpgradeHandler = (req, socket, head) => {
    // No page of ours can ask for a socket before the host has served it; whatever does waits, or is dropped beyond the bound.
    socket.on('error', () => socket.destroy());
    if (held!.length >= MAX_HELD) return void socket.destroy();
    held!.push({ kind: 'upgrade', req, socket, head });
  };
  server.on('request', holdRequest);
  server.on('upgrade', holdUpgrade);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as { port: number }).port,
    serve(onRequest, onUpgrade) {
      if (!held) throw new Error('the held server is served already');
      const waiting = held;
      held = null;
      server.off('request', holdRequest);
      server.off('upgrade', holdUpgrade);
      server.on('request', onRequest);
      server.on('upgrade', onUpgrade);
      for (const h of waiting) {
        if (h.kind === 'request') {
          // Its browser may have given up meanwhile: nothing to answer.
          if (!h.res.destroyed) onRequest(h.req, h.res);
        } else if (!h.socket.destroyed) onUpgrade(h.req, h.socket, h.head);
      }
    },
    async close() {
      for (const h of held ?? []) (h.kind === 'request' ? h.res : h.socket).destroy();
      held = [];
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
