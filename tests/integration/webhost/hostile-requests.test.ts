// No request of any shape may stop the station. A real web host runs in a
// process of its own (tests/support/small-webhost.ts); hostile request lines,
// paths and headers — generated with fast-check — go to it over raw TCP, so
// nothing on our side normalises them first. Afterwards the process is still
// running and still serves the app shell, no answer was a 5xx (paths are
// decoded safely, not merely caught), and nothing outside the static folder
// was ever served, even through a symlink planted inside it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/kiosk-process.js';

const REQUESTS = Number(process.env.XY_HOSTILE_REQUESTS ?? 400);
const SECRET = 'root:x:0:0:outside-the-static-folder';

let work: string;
let child: ChildProcess;
let port: number;
let stderr = '';

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'xy-hostile-'));
  const rendererDir = path.join(work, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>shell</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {};');
  fs.writeFileSync(path.join(work, 'secret.txt'), SECRET);
  // A symlink inside the static folder that points out of it (a careless build
  // step, or someone with write access to dist/): it must not be followed.
  fs.symlinkSync(path.join(work, 'secret.txt'), path.join(rendererDir, 'link-out.txt'));
  fs.symlinkSync(work, path.join(rendererDir, 'assets', 'dir-out'));
  child = spawn(path.join(repoRoot, 'node_modules', '.bin', 'node'), ['--import', 'tsx', 'tests/support/small-webhost.ts', rendererDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /SMALL_WEBHOST=(\{.*\})/.exec(out);
      if (m) resolve((JSON.parse(m[1]!) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}\n${stderr}`)));
  });
});

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(work, { recursive: true, force: true });
});

/**
 * Sends raw bytes, returns the status of the first answer (0 if the host closed
 * without one). Requests ask for `Connection: close`, so every answer ends in a
 * close even when its length is not announced.
 */
function rawRequest(bytes: string | Buffer): Promise<{ status: number; text: string }> {
  const isHead = /^HEAD /i.test(bytes.toString('latin1'));
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let got = Buffer.alloc(0);
    const done = () => {
      sock.destroy();
      const text = got.toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: m ? Number(m[1]) : 0, text });
    };
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
    sock.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? done() : reject(e)));
    sock.write(bytes);
  });
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

describe('hostile requests to the web host', () => {
  it(`survives ${REQUESTS} generated requests, answering none with a 5xx`, async () => {
    const fivexx: string[] = [];
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(method, target, fc.array(header, { maxLength: 4 }), async (m, t, hs) => {
        const extra = hs.map((h) => h + '\r\n').join('');
        // Content-Length headers among the extras carry their own body; keep the request well-formed around them.
        const req = `${m} ${t} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${extra.includes('\r\n\r\n') ? extra : extra + '\r\n'}`;
        const { status, text } = await rawRequest(Buffer.from(req, 'latin1'));
        if (status >= 500) fivexx.push(`${m} ${t} → ${status}`);
        seen.set(status, (seen.get(status) ?? 0) + 1);
        expect(text).not.toContain(SECRET);
      }),
      { numRuns: REQUESTS },
    );
    expect(child.exitCode, stderr).toBeNull();
    expect(fivexx).toEqual([]);
    // The requests reached the static server and the gate, not only Node's parser.
    console.log('hostile requests by status', Object.fromEntries(seen));
    expect(seen.get(200) ?? 0).toBeGreaterThan(REQUESTS / 20);
    expect((seen.get(400) ?? 0) + (seen.get(403) ?? 0)).toBeGreaterThan(REQUESTS / 10);
    expect((await rawRequest(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)).status).toBe(200);
  }, 180_000);

  it('answers the requests that used to stop it, and keeps running', async () => {
    for (const p of ['/%00', '/index.html%00.js', '/assets/%00', '//', '/%E4%00']) {
      const { status } = await rawRequest(`GET ${p} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
      expect(status, p).toBeGreaterThanOrEqual(400);
      expect(status, p).toBeLessThan(500);
    }
    // The upgrade path too: a WebSocket handshake on a path the URL parser rejects.
    const up = await rawRequest(`GET // HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`);
    expect([0, 400, 403]).toContain(up.status);
    expect(child.exitCode, stderr).toBeNull();
    expect((await rawRequest(`GET /assets/app.js HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)).status).toBe(200);
  });

  it('does not follow a symlink out of the static folder', async () => {
    for (const p of ['/link-out.txt', '/assets/dir-out/secret.txt']) {
      const { text } = await rawRequest(`GET ${p} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
      expect(text, p).not.toContain(SECRET);
    }
  });
});
