// ByteLink over a serial port (a real UART, a USB-serial adapter, or a pty).
// The serialport library (≈ 40 ms to load) is loaded at the first port opened,
// not with the station's code: that loads while Chromium starts, in one block
// the web host cannot answer a page request during.
import { createRequire } from 'node:module';
import type * as SerialPortLib from 'serialport';
import type { SerialPort } from 'serialport';
import { LinkError, Listeners, type ByteLink } from './link.js';

// require, not import(): serialport is CommonJS, and the host's bundle would give a dynamic import of it only a default export.
const load = createRequire(import.meta.url);

export interface SerialOptions {
  path: string;
  baudRate: number;
}

export function openSerialLink(opts: SerialOptions): Promise<ByteLink> {
  return new Promise((resolve, reject) => {
    const { SerialPort } = load('serialport') as typeof SerialPortLib;
    const port = new SerialPort({ path: opts.path, baudRate: opts.baudRate, dataBits: 8, parity: 'none', stopBits: 1, autoOpen: false });
    port.open((err) => {
      if (err) {
        reject(new LinkError('open-failed', `cannot open ${opts.path}: ${err.message}`));
        return;
      }
      resolve(wrap(port, opts.path));
    });
  });
}

function wrap(port: SerialPort, path: string): ByteLink {
  const data = new Listeners<Buffer>();
  const closed = new Listeners<Error | null>();
  let open = true;
  let closeReason: Error | null = null;
  port.on('data', (chunk: Buffer) => data.emit(chunk));
  // A vanished device shows up as an error (EIO on read) and/or a close event.
  port.on('error', (e: Error) => {
    closeReason ??= e;
    if (port.isOpen) port.close(() => undefined);
    else finish();
  });
  port.on('close', (e?: Error | null) => {
    closeReason ??= e ?? null;
    finish();
  });
  const finish = () => {
    if (!open) return;
    open = false;
    closed.emit(closeReason);
    data.clear();
    closed.clear();
  };
  return {
    description: `serial ${path}`,
    get isOpen() {
      return open;
    },
    write: (bytes) =>
      new Promise((resolve, reject) => {
        if (!open) return reject(new LinkError('closed', `${path} is closed`));
        port.write(Buffer.from(bytes), (err) => {
          if (err) return reject(new LinkError('write-failed', `write to ${path} failed: ${err.message}`));
          port.drain((e) => (e ? reject(new LinkError('write-failed', `drain on ${path} failed: ${e.message}`)) : resolve()));
        });
      }),
    onData: (l) => data.add(l),
    onClose: (l) => {
      if (!open) {
        queueMicrotask(() => l(closeReason));
        return () => undefined;
      }
      return closed.add(l);
    },
    close: () =>
      new Promise((resolve) => {
        if (!open || !port.isOpen) {
          finish();
          return resolve();
        }
        port.close(() => {
          finish();
          resolve();
        });
      }),
  };
}
