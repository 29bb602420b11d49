// Hostile HTTP requests against a real web host in a process of its own
// (small-webhost.ts): a static folder with a secret planted next to it and
// symlinks pointing out of it, the host's start and stop, raw TCP requests that
// nothing on our side normalises, and the fast-check generator of hostile
// request lines, paths and headers. Used by the hostile-requests test (which
// asserts) and bench:faults (which counts).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { repoRoot } from './kiosk-process.js';

/** Planted outside the static folder: no answer may ever contain it. */
export const SECRET = 'root:x:0:0:outside-the-static-folder';

/** Makes `work/renderer` (an app shell) with `work/secret.txt` beside it; returns the renderer folder. */
export function makeStaticFolder(work: string): string {
  const rendererDir = path.join(work, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>shell</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {};');
  fs.writeFileSync(path.join(work, 'secret.txt'), SECRET);
  // A symlink inside the static folder that points out of it (a careless build
  // step, or someone with write access to dist/): it must not be followed.
  fs.symlinkSync(path.join(work, 'secret.txt'), path.join(rendererDir, 'link-out.txt'));
  fs.symlinkSync(work, path.join(rendererDir, 'assets', 'dir-out'));
  return rendererDir;
}

export interface SmallWebHost {
  child: ChildProcess;
  port: number;
  /** The one launch URL the host printed: redeem it once for a session cookie. */
  launchUrl: string;
  /** What the host wrote to stderr so far. */
  stderr: () => string;
  /** Stops the host (SIGTERM) if it still runs, and waits for it to exit. */
  stop: () => Promise<void>;
}

/** Starts tests/support/small-webhost.ts on rendererDir and waits for its port. */
export async function startSmallWebHost(rendererDir: string): Promise<SmallWebHost> {
  const child = spawn(path.join(repoRoot, 'node_modules', '.bin', 'node'), ['--import', 'tsx', 'tests/support/small-webhost.ts', rendererDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const { port, url: launchUrl } = await new Promise<{ port: number; url: string }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /SMALL_WEBHOST=(\{.*\})/.exec(out);
      if (m) resolve(JSON.parse(m[1]!) as { port: number; url: string });
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}\n${stderr}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return { child, port, launchUrl, stderr: () => stderr, stop };
}

export interface RawAnswer {
  /** The status of the first answer; 0 if the host closed without one. */
  status: number;
  text: string;
  /** No complete answer and no close within the time given. */
  timedOut: boolean;
}

/**
 * Sends raw bytes to 127.0.0.1:port and reads the first answer. Requests ask for
 * `Connection: close`, so every answer ends in a close even when its length is
 * not announced. With timeoutMs, a host that neither answers nor closes in time
 * gives `timedOut` instead of a promise that never settles.
 */
export function rawRequest(port: number, bytes: string | Buffer, timeoutMs?: number): Promise<RawAnswer> {
  const isHead = /^HEAD /i.test(bytes.toString('latin1'));
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let got = Buffer.alloc(0);
    let timedOut = false;
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => ((timedOut = true), done()), timeoutMs);
    function done() {
      clearTimeout(timer);
      sock.destroy();
      const text = got.toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: m ? Number(m[1]) : 0, text, timedOut });
    }
    sock.on('data', (c: Buffer) => {
      got = Buffer.concat([got, c]);
      // One complete answer is enough: headers plus the body its length announces.
      const head = got.indexOf('\r\n\r\n');
      if (head < 0) return;
      if (isHead) return done();
      const len = /content-length: *(\d+)/i.exec(got.subarray(0, head).toString('latin1'));
      if (len && got.length >= head + 4 + Number(len[1])) done();
    });
    sock.on('end', done);
    sock.on('close', done);
    sock.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? done() : (clearTimeout(timer), reject(e))));
    sock.write(bytes);
  });
}

/** A plain `GET path` that closes after its answer. */
export function getRequest(port: number, p: string): string {
  return `GET ${p} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`;
}

const segment = fc.oneof(
  fc.constantFrom('%00', '%', '%zz', '%e4', '%ff%fe', '%2e%2e', '..', '.', '%2f', '%5c', '\\', '', 'index.html', 'index.html%00.js', 'assets', 'app.js', 'link-out.txt', 'dir-out', 'secret.txt', '%2e%2e%2fsecret.txt', '__test', 'ipc', '乡音', '%E4%B9%A1', 'a'.repeat(300)),
  fc.string({ maxLength: 12 }).map((s) => encodeURIComponent(s)),
  fc.string({ unit: 'binary', maxLength: 6 }).map((s) => Buffer.from(s, 'utf8').toString('latin1').replace(/[\r\n ]/g, '')),
);
const target = fc.oneof(
  fc.array(segment, { minLength: 0, maxLength: 6 }).map((segs) => '/' + segs.join('/')),
  fc.constantFrom('//', '///etc/passwd', '*', 'http://evil.example/', 'http://127.0.0.1:1/%00', '/?token=', '/ipc?token=%00', '/%00', '/index.html%00.js', ''),
  fc.tuple(fc.array(segment, { maxLength: 3 }), fc.string({ maxLength: 20 })).map(([s, q]) => `/${s.join('/')}?${encodeURIComponent(q)}`),
);
const method = fc.oneof(
  { arbitrary: fc.constantFrom('GET', 'HEAD'), weight: 4 },
  { arbitrary: fc.constantFrom('POST', 'PUT', 'OPTIONS', 'DELETE', 'CONNECT', 'PATCH', 'TRACE', 'get', 'XYZ'), weight: 1 },
);
const header = fc.oneof(
  fc.constantFrom(
    'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Upgrade: websocket\r\nConnection: Upgrade',
    'Origin: null',
    'Origin: http://evil.example',
    'Cookie: xiangyin=%00; xiangyin=',
    'Cookie: ' + 'a=b; '.repeat(200),
    'Range: bytes=999999999-',
    'Authorization: Bearer %00',
    'Content-Length: 5\r\n\r\nhello',
    'Host: ',
    'Accept-Encoding: gzip, br, zstd',
  ),
  fc.tuple(fc.stringMatching(/^[A-Za-z-]{1,20}$/), fc.string({ maxLength: 40 })).map(([k, v]) => `${k}: ${v.replace(/[\r\n]/g, '')}`),
);

export interface HostileRequest {
  method: string;
  target: string;
  headers: string[];
}

/** Hostile request lines, paths and headers; `requestBytes` turns one into what goes on the wire. */
export const hostileRequest: fc.Arbitrary<HostileRequest> = fc.record({ method, target, headers: fc.array(header, { maxLength: 4 }) });

export function requestBytes(r: HostileRequest, port: number): Buffer {
  const extra = r.headers.map((h) => h + '\r\n').join('');
  // Content-Length headers among the extras carry their own body; keep the request well-formed around them.
  const req = `${r.method} ${r.target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${extra.includes('\r\n\r\n') ? extra : extra + '\r\n'}`;
  return Buffer.from(req, 'latin1');
}
