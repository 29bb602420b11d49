// One WebSocket connection = one renderer. Calls go through the station's
// dispatcher; subscriptions live exactly as long as the socket (or until the
// renderer unsubscribes), so a closed tab never leaves a listener behind. The
// socket is its own connection for the desk: a session logged in on it is not
// seen by any other socket, and ends when it closes. A socket of the desk
// listener (desk-host.ts) is marked as a specialist's own device: the
// dispatcher lets it call only public and, after its PIN login, desk channels.
import crypto from 'node:crypto';
import type { RawData, WebSocket } from 'ws';
import { clientMessageSchema, type ServerMessage } from '../../common/ipc/wire.js';
import { fail } from '../../common/ipc/result.js';
import type { Dispatcher } from '../core/dispatcher.js';
import type { Logger } from '../core/logger.js';
import type { Surface } from '../core/module.js';

export function attachSession(ws: WebSocket, dispatcher: Dispatcher, log: Logger, surface: Surface = 'kiosk'): void {
  const subs = new Map<number, () => void>();
  const send = (msg: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };
  const ctx = { host: 'web' as const, connection: `${surface === 'desk' ? 'desk' : 'web'}:${crypto.randomUUID()}`, surface };

  async function onMessage(data: RawData, isBinary: boolean): Promise<void> {
    if (isBinary) {
      send({ type: 'protocol-error', error: { code: 'invalid-args', message: 'binary frames are not part of the protocol' } });
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString());
    } catch {
      send({ type: 'protocol-error', error: { code: 'invalid-args', message: 'message is not JSON' } });
      return;
    }
    const parsed = clientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      send({ type: 'protocol-error', error: { code: 'invalid-args', message: 'message does not follow the wire format' } });
      return;
    }
    const msg = parsed.data;
    switch (msg.type) {
      case 'call': {
        // The dispatcher answers every failure as a typed result; should a
        // service throw past it anyway, that call fails, never the host.
        const result = await dispatcher.call(msg.channel, msg.args, ctx).catch(() => fail('internal', 'the call failed'));
        send({ type: 'result', id: msg.id, result });
        break;
      }
      case 'subscribe': {
        if (subs.has(msg.id)) {
          send({ type: 'end', id: msg.id, error: { code: 'conflict', message: 'subscription id in use' } });
          break;
        }
        const opened = dispatcher.subscribe(msg.stream, msg.args, (event) => send({ type: 'event', id: msg.id, event }), ctx);
        if (!opened.ok) send({ type: 'end', id: msg.id, error: opened.error });
        else subs.set(msg.id, opened.value);
        break;
      }
      case 'unsubscribe': {
        subs.get(msg.id)?.();
        subs.delete(msg.id);
        break;
      }
    }
  }
  ws.on('message', (data, isBinary) => {
    onMessage(data, isBinary).catch((e: unknown) => {
      log.error('websocket message failed', { error: (e as Error)?.message ?? String(e) });
      send({ type: 'protocol-error', error: { code: 'internal', message: 'the message could not be handled' } });
    });
  });

  ws.on('close', () => {
    for (const stop of subs.values()) stop();
    subs.clear();
    dispatcher.disconnect(ctx.connection);
  });
  ws.on('error', (e) => log.warn('websocket error', { error: e.message }));
}
