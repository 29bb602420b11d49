// ByteLink over the kernel's USB printer-class device file (/dev/usb/lp0). The
// file is opened non-blocking and read by polling: a blocking read on usblp would
// hold a libuv worker thread until the printer speaks, and it only speaks when asked.
import fs from 'node:fs';
import { LinkError, Listeners, type ByteLink } from '../serial/link.js';

export function openUsbLpLink(opts: { path: string; pollMs?: number }): Promise<ByteLink> {
  return new Promise((resolve, reject) => {
    fs.open(opts.path, fs.constants.O_RDWR | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY, (err, fd) => {
      if (err) return reject(new LinkError('open-failed', `cannot open ${opts.path}: ${err.message}`));
      resolve(wrapFd(fd, opts.path, opts.pollMs ?? 20));
    });
  });
}

function wrapFd(fd: number, path: string, pollMs: number): ByteLink {
  const data = new Listeners<Buffer>();
  const closed = new Listeners<Error | null>();
  let open = true;
  const buf = Buffer.alloc(512);
  let reading = false;

  const finish = (reason: Error | null) => {
    if (!open) return;
    open = false;
    clearInterval(timer);
    fs.close(fd, () => undefined);
    closed.emit(reason);
    data.clear();
    closed.clear();
  };
  // Poll only while someone listens; a printer sends bytes only in answer to a query.
  const timer = setInterval(() => {
    if (reading || !open) return;
    reading = true;
    fs.read(fd, buf, 0, buf.length, null, (err, n) => {
      reading = false;
      if (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN' || code === 'EWOULDBLOCK') return;
        return finish(err); // ENODEV / EIO: the printer was unplugged
      }
      if (n > 0) data.emit(Buffer.from(buf.subarray(0, n)));
    });
  }, pollMs);

  const writeAll = async (bytes: Buffer): Promise<void> => {
    let off = 0;
    while (off < bytes.length) {
      const n = await new Promise<number>((resolve, reject) =>
        fs.write(fd, bytes, off, bytes.length - off, null, (err, written) => {
          if (err && (err as NodeJS.ErrnoException).code === 'EAGAIN') return resolve(0);
          return err ? reject(err) : resolve(written);
        }),
      );
      if (n === 0) await new Promise((r) => setTimeout(r, pollMs)); // printer busy: its buffer is full
      off += n;
    }
  };

  return {
    description: `usb ${path}`,
    get isOpen() {
      return open;
    },
    write: async (bytes) => {
      if (!open) throw new LinkError('closed', `${path} is closed`);
      try {
        await writeAll(Buffer.from(bytes));
      } catch (e) {
        finish(e as Error);
        throw new LinkError('write-failed', `write to ${path} failed: ${(e as Error).message}`);
      }
    },
    onData: (l) => data.add(l),
    onClose: (l) => {
      if (!open) {
        queueMicrotask(() => l(null));
        return () => undefined;
      }
      return closed.add(l);
    },
    close: async () => finish(null),
  };
}
