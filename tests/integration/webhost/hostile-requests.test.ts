// No request of any shape may stop the station. A real web host runs in a
// process of its own (tests/support/small-webhost.ts); hostile request lines,
// paths and headers — generated with fast-check — go to it over raw TCP, so
// nothing on our side normalises them first. Afterwards the process is still
// running and still serves the app shell, no answer was a 5xx (paths are
// decoded safely, not merely caught), and nothing outside the static folder
// was ever served, even through a symlink planted inside it. Hostile WebSocket
// frames (tests/support/hostile-frames.ts) on authenticated connections get an
// answer or a close, never an internal failure, and never stop the host.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileFrameScript, sendFrameScript, sessionCookie } from '../../support/hostile-frames.js';
import { getRequest, hostileRequest, makeStaticFolder, rawRequest as rawRequestTo, requestBytes, SECRET, startSmallWebHost, type SmallWebHost } from '../../support/hostile-requests.js';

const REQUESTS = Number(process.env.XY_HOSTILE_REQUESTS ?? 400);
const FRAME_SCRIPTS = Number(process.env.XY_HOSTILE_FRAME_SCRIPTS ?? 100);

let work: string;
let host: SmallWebHost;
let port: number;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'xy-hostile-'));
  host = await startSmallWebHost(makeStaticFolder(work));
  port = host.port;
});

afterAll(async () => {
  await host.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

const rawRequest = (bytes: string | Buffer) => rawRequestTo(port, bytes);

describe('hostile requests to the web host', () => {
  it(`survives ${REQUESTS} generated requests, answering none with a 5xx`, async () => {
    const fivexx: string[] = [];
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(hostileRequest, async (r) => {
        const { status, text } = await rawRequest(requestBytes(r, port));
        if (status >= 500) fivexx.push(`${r.method} ${r.target} → ${status}`);
        seen.set(status, (seen.get(status) ?? 0) + 1);
        expect(text).not.toContain(SECRET);
      }),
      { numRuns: REQUESTS },
    );
    expect(host.child.exitCode, host.stderr()).toBeNull();
    expect(fivexx).toEqual([]);
    // The requests reached the static server and the gate, not only Node's parser.
    console.log('hostile requests by status', Object.fromEntries(seen));
    expect(seen.get(200) ?? 0).toBeGreaterThan(REQUESTS / 20);
    expect((seen.get(400) ?? 0) + (seen.get(403) ?? 0)).toBeGreaterThan(REQUESTS / 10);
    expect((await rawRequest(getRequest(port, '/'))).status).toBe(200);
  }, 180_000);

  it('answers the requests that used to stop it, and keeps running', async () => {
    for (const p of ['/%00', '/index.html%00.js', '/assets/%00', '//', '/%E4%00']) {
      const { status } = await rawRequest(getRequest(port, p));
      expect(status, p).toBeGreaterThanOrEqual(400);
      expect(status, p).toBeLessThan(500);
    }
    // The upgrade path too: a WebSocket handshake on a path the URL parser rejects.
    const up = await rawRequest(`GET // HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`);
    expect([0, 400, 403]).toContain(up.status);
    expect(host.child.exitCode, host.stderr()).toBeNull();
    expect((await rawRequest(getRequest(port, '/assets/app.js'))).status).toBe(200);
  });

  it('does not follow a symlink out of the static folder', async () => {
    for (const p of ['/link-out.txt', '/assets/dir-out/secret.txt']) {
      const { text } = await rawRequest(getRequest(port, p));
      expect(text, p).not.toContain(SECRET);
    }
  });

  it(`survives ${FRAME_SCRIPTS} connections of hostile WebSocket frames, each answered or closed, none an internal failure`, async () => {
    const cookie = await sessionCookie(host.launchUrl);
    let answers = 0;
    let ponged = 0;
    await fc.assert(
      fc.asyncProperty(hostileFrameScript, async (script) => {
        // Generous: the time is a bound for a hung host, not a measure; a healthy one answers in milliseconds.
        const o = await sendFrameScript(port, cookie, script, 60_000);
        expect(o.refused).toBe(false);
        expect(o.timedOut).toBe(false);
        expect(o.internalErrors).toBe(0);
        expect(host.child.exitCode, host.stderr()).toBeNull();
        answers += o.answers;
        if (o.ponged) ponged++;
      }),
      { numRuns: FRAME_SCRIPTS },
    );
    // The frames reached the dispatcher, and most connections outlived their hostile messages.
    expect(answers).toBeGreaterThan(FRAME_SCRIPTS);
    expect(ponged).toBeGreaterThan(FRAME_SCRIPTS / 2);
    expect(host.stderr()).not.toMatch(/ ERROR /);
    expect((await rawRequest(getRequest(port, '/'))).status).toBe(200);
  }, 180_000);
});
