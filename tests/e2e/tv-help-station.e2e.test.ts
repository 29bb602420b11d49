// A family at home asks the station for help from their TV box, in real
// Chromium: two real web hosts (the TV box, whose config names its station, and
// the station's kiosk) and a real reference sync server between them, each host
// registered with the server under its own key. On the TV, with the remote's
// keys only: 求助 → 请服务站工作人员联系我; the TV says the call is being made,
// never that someone will ring. At the station, the specialist's own device
// (the desk listener, its own PIN login) lists the call as from the TV box and
// acknowledges it; only then does the TV say 工作人员会给您打电话 (and show it on
// the status bar). axe on the TV's panel. The one-time code a TV box asks for
// shows, in development, in the station desk's 短信发件箱（模拟）.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startKiosk, type KioskProcess } from '../support/kiosk-process.js';
import { TEXT_SIZES, fitProblems, setTextSize } from '../support/fit-check.js';
import { axeViolations, launchBrowser, newKioskPage, pressByArrows, screenshot } from '../support/browser.js';
import { startServer, testMasterKey } from '../integration/sync/harness.js';
import { keyFileSecretStore } from '../../offline-store/keys/key-file-store.js';
import { loadKioskIdentity } from '../../offline-store/sync/identity.js';
import { storePaths } from '../../offline-store/paths.js';
import type { SyncServer } from '../../sync-server/server.js';

let server: SyncServer;
let station: KioskProcess;
let tvBox: KioskProcess;
let browser: Browser;
let tv: Page;
let desk: Page;
const spoken: string[] = [];

/** A kiosk process whose key exists before it starts, registered with the server under `id`. */
async function registeredKiosk(id: string, config: Record<string, unknown>, url: string): Promise<KioskProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `xiangyin-e2e-${id}-`));
  // The host keeps its key files beside its data folder (offline-store/paths.ts); kiosk-process uses <dir>/data.
  const identity = await loadKioskIdentity(keyFileSecretStore(storePaths(path.join(dataDir, 'data')).keysDir));
  server.admin.registerKiosk(id, identity.publicKeyPem);
  return startKiosk({ dataDir, config: { stationId: id, ...config, sync: { server: url, serverPublicKey: server.publicKeyPem, intervalSeconds: 3600 } } });
}

beforeAll(async () => {
  expect(testMasterKey).toHaveLength(32);
  const started = await startServer();
  server = started.server;
  station = await registeredKiosk('station-s1', { help: { pollSeconds: 1 } }, started.url);
  tvBox = await registeredKiosk('tv-zhang-home', { uiMode: 'tv', devices: { idcard: { type: 'none' }, printer: { type: 'none' } }, help: { station: 'station-s1', pollSeconds: 1 } }, started.url);
  browser = await launchBrowser();
  ({ page: tv } = await newKioskPage(browser));
  tv.on('websocket', (ws) =>
    ws.on('framesent', (f) => {
      if (typeof f.payload !== 'string') return;
      const m = JSON.parse(f.payload) as { type?: string; channel?: string; args?: { text?: unknown } };
      if (m.type === 'call' && m.channel === 'speech:synthesize') spoken.push(String(m.args?.text ?? ''));
    }),
  );
  await tv.goto(await tvBox.launchUrl());
  await tv.waitForSelector('.tile');
  ({ page: desk } = await newKioskPage(browser, { width: 1280, height: 800 }));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await tvBox?.stop();
  await station?.stop();
  await server?.dispose();
});

const callState = () => tv.getByTestId('tv-call-state');

describe('求助 on a TV that names its station', () => {
  it('the station’s specialist logs in at their own device', async () => {
    await desk.goto(station.deskUrl!);
    await desk.waitForSelector('[data-screen="specialist-login"]', { timeout: 30_000 });
    await expect.poll(() => desk.evaluate(() => document.activeElement?.getAttribute('data-action') ?? null), { timeout: 20_000 }).toBe('login');
    for (const d of '135790') await desk.keyboard.press(d);
    await desk.keyboard.press('Enter');
    await desk.getByTestId('desk-who').waitFor({ timeout: 20_000 });
  });

  it('calls the station from the panel, with the remote, and says only that the call is being made', async () => {
    await pressByArrows(tv, 'data-nav', 'tv-help');
    await tv.getByRole('dialog', { name: '要人帮忙？' }).waitFor();
    await pressByArrows(tv, 'data-action', 'tv-call-station');
    await expect.poll(() => callState().innerText(), { timeout: 20_000 }).toBe('正在呼叫服务站的工作人员…');
    await expect.poll(() => spoken.some((s) => s.includes('正在呼叫服务站的工作人员')), { timeout: 20_000 }).toBe(true);
    expect(spoken.some((s) => s.includes('会给您打电话'))).toBe(false);
    expect(await tv.getByTestId('help-called').innerText()).toBe('正在呼叫工作人员…');
    expect(await axeViolations(tv)).toEqual([]);
    await screenshot(tv, 'tv-help-station-calling');
  });

  it('reaches the station’s desk on the specialist’s own device, as from the TV box', async () => {
    const item = desk.locator('[data-help-request][data-help-from="tv"]');
    await item.waitFor({ timeout: 30_000 });
    expect(await desk.getByTestId('help-place').innerText()).toContain('tv-zhang-home');
    // Nobody keyed a number on the TV yet: the desk is told it has no phone to ring, not left to guess.
    expect(await desk.getByTestId('help-callback').innerText()).toContain('不知道电话');
    await screenshot(desk, 'tv-help-station-desk');
  });

  it('is acknowledged there, and only then does the TV say 工作人员会给您打电话', async () => {
    await pressByArrows(desk, 'data-action', 'help-acknowledge');
    await expect.poll(() => desk.getByTestId('desk-help-message').innerText(), { timeout: 20_000 }).toContain('会打电话');
    await expect.poll(() => callState().innerText(), { timeout: 30_000 }).toBe('工作人员会给您打电话');
    await expect.poll(() => tv.getByTestId('help-called').innerText(), { timeout: 20_000 }).toBe('工作人员会给您打电话');
    await expect.poll(() => spoken.some((s) => s.includes('会给您打电话')), { timeout: 20_000 }).toBe(true);
    expect(await axeViolations(tv)).toEqual([]);
    await screenshot(tv, 'tv-help-station-answered');
  });
});

describe('the one-time codes of the station’s TV boxes', () => {
  it('the station’s desk shows the simulated SMS gateway’s text (短信发件箱（模拟）), the phone masked', async () => {
    // The call above is handled: the desk has its room back.
    await pressByArrows(desk, 'data-action', 'help-resolve');
    await desk.locator('[data-action="help-resolve"]').waitFor({ state: 'detached', timeout: 20_000 });
    // A laptop's full-HD screen at the station.
    await desk.setViewportSize({ width: 1920, height: 1080 });
    const sent = await tvBox.ipc<{ outcome: string }>('identity:request-code', { idNumber: '110101194303050028' });
    expect(sent.ok && sent.value.outcome).toBe('sent');
    await pressByArrows(desk, 'data-section', 'sms');
    await desk.getByTestId('desk-sms').waitFor({ timeout: 20_000 });
    const line = desk.locator('[data-testid="desk-sms-messages"] [data-sms-phone="138****5678"]').first();
    await line.waitFor({ timeout: 20_000 });
    expect(await line.innerText()).toMatch(/发给 138\*\*\*\*5678：【乡音】您的验证码是\d{6}/);
    expect(await desk.getByTestId('desk-sms').innerText()).not.toContain('13812345678');
    expect(await desk.getByTestId('desk-sms').innerText()).toContain('短信发件箱（模拟）');
    expect(await axeViolations(desk)).toEqual([]);
    await screenshot(desk, 'tv-help-station-desk-sms');
    // The outbox pages: nothing leaves the screen at any text size.
    for (const size of TEXT_SIZES) {
      await setTextSize(desk, size);
      expect(await fitProblems(desk, { safeMargin: 0 }), size).toEqual([]);
      await screenshot(desk, `tv-help-station-desk-sms-${size}`);
    }
  });
});

describe('a call from a family whose number was checked by its code', () => {
  it('reaches the desk with who is calling, masked, and the phone on file to ring back', async () => {
    const idNumber = '110101194303050028';
    // The code texted above (the outbox as the station's desk reads it), keyed back on the TV box.
    const outbox = await station.ipc<{ messages: { text: string }[] }>('specialist:sms-outbox', {}, { asSpecialist: { specialistId: 'dev', pin: '135790' } });
    if (!outbox.ok) throw new Error(outbox.error.message);
    const code = /验证码是(\d{6})/.exec(outbox.value.messages[0]?.text ?? '')?.[1];
    expect(code).toBeDefined();
    const verified = await tvBox.ipc<{ outcome: string }>('identity:verify-code', { idNumber, code });
    expect(verified.ok && verified.value.outcome).toBe('verified');

    await pressByArrows(desk, 'data-section', 'queue');
    const called = await tvBox.ipc('app:help-request', { reason: 'asked', serviceId: 'social-insurance-query' });
    expect(called.ok).toBe(true);
    const item = desk.locator('[data-help-request][data-help-from="tv"]');
    await item.waitFor({ timeout: 30_000 });
    expect(await desk.getByTestId('help-who').innerText()).toBe('张**（1101**********0028）');
    expect(await desk.getByTestId('help-callback').innerText()).toBe('请打电话：138 1234 5678');
    expect(await axeViolations(desk)).toEqual([]);
    await screenshot(desk, 'tv-help-station-desk-caller');
    // Acknowledged, the desk still shows whom to ring.
    await pressByArrows(desk, 'data-action', 'help-acknowledge');
    await expect.poll(() => callState().innerText(), { timeout: 30_000 }).toBe('工作人员会给您打电话');
    expect(await desk.getByTestId('help-callback').innerText()).toBe('请打电话：138 1234 5678');
  });
});
