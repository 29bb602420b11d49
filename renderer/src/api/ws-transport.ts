// Transport over the web host's WebSocket. Reconnects with backoff when the
// host restarts; calls in flight when the socket drops fail with a typed
// 'unavailable' error (never hang), and live subscriptions are re-opened.
// The socket is opened by the first call or subscription, not before: a page
// that drew its first screen from the data served with it (first-screen.ts)
// asks nothing until that screen is up, and its socket is what starts a
// station kept idle meanwhile (main/webhost/lazy-station.ts).
import type { Transport } from '../../../common/ipc/client.js';
import { fail, type IpcResult } from '../../../common/ipc/result.js';
import { SESSION_PATH, WS_PATH } from '../../../common/ipc/paths.js';
import type { ClientMessage, ServerMessage } from '../../../common/ipc/wire.js';

interface Sub {
  stream: string;
  args: unknown;
  onEvent: (e: unknown) => void;
}

export function createWsTransport(url: string): Transport & { close(): void } {
  let ws: WebSocket | null = null;
  let nextId = 1;
  let closed = false;
  let backoff = 250;
  const pending = new Map<number, (r: IpcResult<unknown>) => void>();
  const subs = new Map<number, Sub>();
  const queue: ClientMessage[] = [];

  let opened = false;
  const send = (msg: ClientMessage) => {
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(msg));
    else queue.push(msg);
    open();
  };

  const connect = () => {
    if (closed) return;
    const sock = new WebSocket(url);
    ws = sock;
    sock.onopen = () => {
      backoff = 250;
      for (const [id, s] of subs) sock.send(JSON.stringify({ type: 'subscribe', id, stream: s.stream, args: s.args }));
      for (const m of queue.splice(0)) if (m.type !== 'subscribe') sock.send(JSON.stringify(m));
    };
    sock.onmessage = (ev) => {
      let msg: ServerMessage;
      try {
        msg = JSON.parse(String(ev.data)) as ServerMessage;
      } catch {
        return;
      }
      if (msg.type === 'result') {
        pending.get(msg.id)?.(msg.result as IpcResult<unknown>);
        pending.delete(msg.id);
      } else if (msg.type === 'event') {
        subs.get(msg.id)?.onEvent(msg.event);
      } else if (msg.type === 'end') {
        subs.delete(msg.id);
      }
    };
    sock.onclose = () => {
      ws = null;
      for (const resolve of pending.values()) resolve(fail('unavailable', '与本机服务的连接断开了'));
      pending.clear();
      if (!closed) {
        setTimeout(connect, backoff);
        backoff = Math.min(backoff * 2, 5000);
      }
    };
  };
  const open = () => {
    if (opened) return;
    opened = true;
    connect();
  };

  return {
    call(channel, args) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        send({ type: 'call', id, channel, args });
      });
    },
    subscribe(stream, args, onEvent) {
      const id = nextId++;
      subs.set(id, { stream, args, onEvent });
      if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'subscribe', id, stream, args }));
      open();
      return () => {
        if (subs.delete(id)) send({ type: 'unsubscribe', id });
      };
    },
    close() {
      closed = true;
      ws?.close();
    },
  };
}

/**
 * The web host authenticates the socket by its session cookie (set when the
 * one-time launch URL was first opened), so the URL carries nothing secret.
 */
export function wsUrl(loc: Location): string {
  const proto = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${loc.host}${WS_PATH}`;
}

/** Whether the host knows this browser's session cookie (false only on a clear 401, so a slow host is not mistaken for a refusal). */
export async function hasSession(win: Window): Promise<boolean> {
  try {
    const res = await win.fetch(SESSION_PATH, { credentials: 'same-origin', cache: 'no-store' });
    return res.status !== 401;
  } catch {
    return true;
  }
}
