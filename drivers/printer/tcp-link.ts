// ByteLink over TCP: network receipt printers listen on raw port 9100.
import net from 'node:net';
import { LinkError, Listeners, type ByteLink } from '../serial/link.js';

export function socketLink(socket: net.Socket, description: string): ByteLink {
  const data = new Listeners<Buffer>();
  const closed = new Listeners<Error | null>();
  let open = true;
  let reason: Error | null = null;
  socket.on('data', (c: Buffer) => data.emit(c));
  socket.on('error', (e) => {
    reason ??= e;
  });
  socket.on('close', () => {
    if (!open) return;
    open = false;
    closed.emit(reason);
    data.clear();
    closed.clear();
  });
  return {
    description,
    get isOpen() {
      return open;
    },
    write: (bytes) =>
      new Promise((resolve, reject) => {
        if (!open) return reject(new LinkError('closed', `${description} is closed`));
        socket.write(Buffer.from(bytes), (err) => (err ? reject(new LinkError('write-failed', err.message)) : resolve()));
      }),
    onData: (l) => data.add(l),
    onClose: (l) => {
      if (!open) {
        queueMicrotask(() => l(reason));
        return () => undefined;
      }
      return closed.add(l);
    },
    close: () =>
      new Promise((resolve) => {
        if (!open) return resolve();
        socket.once('close', () => resolve());
        socket.end();
        setTimeout(() => socket.destroy(), 500).unref();
      }),
  };
}

export function openTcpLink(opts: { host: string; port: number; connectTimeoutMs?: number }): Promise<ByteLink> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: opts.host, port: opts.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new LinkError('open-failed', `no connection to ${opts.host}:${opts.port} within ${opts.connectTimeoutMs ?? 3000} ms`));
    }, opts.connectTimeoutMs ?? 3000);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.setNoDelay(true);
      resolve(socketLink(socket, `tcp ${opts.host}:${opts.port}`));
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(new LinkError('open-failed', `cannot connect to ${opts.host}:${opts.port}: ${e.message}`));
    });
  });
}
