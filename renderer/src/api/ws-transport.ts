// Transport over the web host's WebSocket. Reconnects with backoff when the
// host restarts; calls in flight when the socket drops fail with a typed
// 'unavailable' error (never hang), and live subscriptions are re-opened.
import type { Transport } from '../../../common/ipc/client.js';
import { fail, type IpcResult } from '../../../common/ipc/result.js';
import { TOKEN_PARAM, WS_PATH, type ClientMessage, type ServerMessage } from '../../../common/ipc/wire.js';

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

  const send = (msg: ClientMessage) => {
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(msg));
    else queue.push(msg);
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
  connect();

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
 * The token arrives once in the URL Chromium is opened with; keep it for this
 * tab only (sessionStorage) and take it out of the address so it is not shown
 * or carried into history.
 */
export function takeToken(loc: Location, storage: Storage, history: History): string | null {
  const params = new URLSearchParams(loc.search);
  const fromUrl = params.get(TOKEN_PARAM);
  if (fromUrl) {
    storage.setItem('xiangyin.token', fromUrl);
    params.delete(TOKEN_PARAM);
    const rest = params.toString();
    history.replaceState(null, '', loc.pathname + (rest ? `?${rest}` : '') + loc.hash);
    return fromUrl;
  }
  return storage.getItem('xiangyin.token');
}

export function wsUrl(loc: Location, token: string): string {
  const proto = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${loc.host}${WS_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
}
