// A kiosk starting again (after a power cut) draws its first screen from the
// answer kept at its last start (first-screen-cache.ts) and starts its station
// only when something needs it (lazy-station.ts): the page's socket, a test
// control, the first screen when none is kept. Nothing asked meanwhile is lost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../../main/webhost/server.js';
import { createStation, type Station } from '../../../main/core/station.js';
import { parseStationConfig } from '../../../main/core/config.js';
import { silentLogger } from '../../../main/core/logger.js';
import { memorySecretStore } from '../../../main/core/key-file-secrets.js';
import { appModule } from '../../../main/core/modules/app.js';
import { catalogueModule } from '../../../main/core/modules/catalogue.js';
import { lazyStation, type LazyStation } from '../../../main/webhost/lazy-station.js';
import { FIRST_SCREEN_PATH } from '../../../common/ipc/paths.js';

let host: WebHost | undefined;
let lazy: LazyStation | undefined;

afterEach(async () => {
  await host?.dispose();
  await lazy?.dispose();
  host = lazy = undefined;
});

async function start(kept: string | null) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'on-demand-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>first screen</title>');
  const whys: string[] = [];
  const platform = { dataDir: dir, now: () => new Date(), log: silentLogger, secrets: memorySecretStore(), env: {} };
  const l = lazyStation(() => createStation({ config: parseStationConfig({}), platform, host: 'web', modules: [catalogueModule, appModule] }), silentLogger);
  lazy = l;
  const station = (why: string): Promise<Station> => {
    whys.push(why);
    return l.get(why);
  };
  host = await startWebHost({ station, keptFirstScreen: () => (l.ready ? null : kept), rendererDir: dir, port: 0, log: silentLogger, testControls: true });
  const origin = `http://127.0.0.1:${host.port}`;
  const launched = await fetch(host.launchUrl(), { redirect: 'manual' });
  const cookie = launched.headers.get('set-cookie')!.split(';')[0]!;
  return { origin, cookie, whys, lazy: l, port: host.port };
}

function call(port: number, origin: string, cookie: string): Promise<Record<string, unknown>> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ipc`, { origin, headers: { Cookie: cookie } });
  return new Promise((resolve, reject) => {
    ws.once('open', () => ws.send(JSON.stringify({ type: 'call', id: 1, channel: 'app:info', args: {} })));
    ws.once('message', (d) => {
      resolve(JSON.parse(d.toString()));
      ws.close();
    });
    ws.once('error', reject);
  });
}

describe('a station started when first needed', () => {
  it('serves the kept first screen without starting the station; the page socket starts it and its call is answered', async () => {
    const kept = JSON.stringify({ appInfo: { stationName: '上次的站' }, catalogue: { version: 'kept', services: [] } });
    const { origin, cookie, whys, lazy: l, port } = await start(kept);

    const page = await fetch(`${origin}/`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    const first = await fetch(`${origin}${FIRST_SCREEN_PATH}`, { headers: { Cookie: cookie } });
    expect(first.status).toBe(200);
    expect(await first.text()).toBe(kept);
    expect(l.begun).toBe(false);
    expect(whys).toEqual([]);

    // Without a session, neither the first screen nor a socket starts anything.
    expect((await fetch(`${origin}${FIRST_SCREEN_PATH}`)).status).toBe(401);
    const stranger = new WebSocket(`ws://127.0.0.1:${port}/ipc`, { origin });
    await new Promise((resolve) => stranger.once('error', resolve).once('unexpected-response', resolve));
    expect(l.begun).toBe(false);

    expect(await call(port, origin, cookie)).toMatchObject({ type: 'result', id: 1, result: { ok: true, value: { host: 'web' } } });
    expect(whys).toEqual(['the page']);
    expect(l.ready).toBe(true);

    // Once the station answers, a page loaded again gets its own answer, not the kept one.
    const fresh = (await (await fetch(`${origin}${FIRST_SCREEN_PATH}`, { headers: { Cookie: cookie } })).json()) as { appInfo: { stationName: string } };
    expect(fresh.appInfo.stationName).not.toBe('上次的站');
  });

  it('with nothing kept, the first screen starts the station and waits for its answer', async () => {
    const { origin, cookie, whys, lazy: l } = await start(null);
    const first = await fetch(`${origin}${FIRST_SCREEN_PATH}`, { headers: { Cookie: cookie } });
    expect(first.status).toBe(200);
    expect(((await first.json()) as { catalogue: { services: unknown[] } }).catalogue.services.length).toBeGreaterThan(0);
    expect(whys).toEqual(['the first screen']);
    expect(l.ready).toBe(true);
  });

  it('a test control starts it too', async () => {
    const { origin, whys } = await start('{}');
    const res = await fetch(`${origin}/__test/process/memory`, { method: 'POST', headers: { Authorization: `Bearer ${host!.controlToken}`, 'Content-Type': 'application/json' }, body: '[]' });
    expect(res.status).toBe(200);
    expect(whys).toEqual(['a test control']);
  });
});
