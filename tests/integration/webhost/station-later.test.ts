// The launcher binds the port and starts Chromium before the station's areas
// have started (they start while Chromium does): the host then serves pages at
// once, and holds a WebSocket's handshake (and the first screen's data) until
// the station is ready, so the page's first call is answered, not lost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../../main/webhost/server.js';
import { createStation, type Station } from '../../../main/core/station.js';
import { parseStationConfig } from '../../../main/core/config.js';
import { silentLogger } from '../../../main/core/logger.js';
import { memorySecretStore } from '../../../main/core/key-file-secrets.js';
import { appModule } from '../../../main/core/modules/app.js';
import { FIRST_SCREEN_PATH } from '../../../common/ipc/paths.js';

let host: WebHost | undefined;
let station: Station | undefined;

afterAll(async () => {
  await host?.dispose();
  await station?.dispose();
});

describe('a web host started before its station', () => {
  it('serves the page at once, and answers the first call over the socket once the station is ready', async () => {
    const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>first screen</title>');
    let ready!: (s: Station) => void;
    host = await startWebHost({ station: new Promise<Station>((r) => (ready = r)), rendererDir, port: 0, log: silentLogger });
    const origin = `http://127.0.0.1:${host.port}`;

    const launched = await fetch(host.launchUrl(), { redirect: 'manual' });
    expect(launched.status).toBe(303);
    const cookie = launched.headers.get('set-cookie')!.split(';')[0]!;
    const page = await fetch(`${origin}/`, { headers: { Cookie: cookie } });
    expect(await page.text()).toContain('first screen');

    // The page opens its socket and calls at once; the station is not there yet.
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ipc`, { origin, headers: { Cookie: cookie } });
    let opened = false;
    ws.once('open', () => (opened = true));
    const reply = new Promise<Record<string, unknown>>((resolve, reject) => {
      ws.once('open', () => ws.send(JSON.stringify({ type: 'call', id: 1, channel: 'app:info', args: {} })));
      ws.once('message', (d) => resolve(JSON.parse(d.toString())));
      ws.once('error', reject);
    });
    // The first screen's data waits for the station too.
    let firstScreenStatus: number | null = null;
    const firstScreen = fetch(`${origin}${FIRST_SCREEN_PATH}`, { headers: { Cookie: cookie } }).then((r) => (firstScreenStatus = r.status));
    // A page served after the socket's handshake arrived: the host is not blocked by the wait.
    expect((await fetch(`${origin}/`, { headers: { Cookie: cookie } })).status).toBe(200);
    expect(opened).toBe(false);
    expect(firstScreenStatus).toBeNull();

    const platform = { dataDir: rendererDir, now: () => new Date(), log: silentLogger, secrets: memorySecretStore(), env: {} };
    station = await createStation({ config: parseStationConfig({}), platform, host: 'web', modules: [appModule] });
    ready(station);
    const answer = await reply;
    expect(answer).toMatchObject({ type: 'result', id: 1, result: { ok: true, value: { host: 'web' } } });
    ws.close();
    // This station has no catalogue area: the data cannot be given whole, so none is (the page asks over its socket).
    expect(await firstScreen).toBe(503);
  });
});
