// Help that arrives, in real Chromium through the real web host, with two
// browser contexts: the kiosk's resident screen (opened with the one-time launch
// code) and the specialist's own device at the station (a second context
// opening the host's desk listener, with its own PIN login — not the resident's
// screen). The resident whose card is in the reader presses 叫工作人员 on a
// service screen: their screen says 正在呼叫工作人员… (and says it aloud), never
// that someone is coming; the desk lists who (masked), where and what service;
// the specialist presses 我来处理; only then does the resident's screen say
// 工作人员马上到 (aloud too). The card taken out ends the call on both screens,
// and the next resident's visit starts without it. axe on the desk page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startKiosk, type KioskProcess } from '../support/kiosk-process.js';
import { axeViolations, launchBrowser, newKioskPage, pressByArrows, screenshot } from '../support/browser.js';

let kiosk: KioskProcess;
let browser: Browser;
let resident: Page;
let deskContext: BrowserContext;
let desk: Page;
/** What the resident's screen asked the station to say aloud. */
const spoken: string[] = [];

beforeAll(async () => {
  kiosk = await startKiosk();
  browser = await launchBrowser();
  ({ page: resident } = await newKioskPage(browser));
  resident.on('websocket', (ws) =>
    ws.on('framesent', (f) => {
      if (typeof f.payload !== 'string') return;
      const m = JSON.parse(f.payload) as { type?: string; channel?: string; args?: { text?: unknown } };
      if (m.type === 'call' && m.channel === 'speech:synthesize') spoken.push(String(m.args?.text ?? ''));
    }),
  );
  await resident.goto(await kiosk.launchUrl());
  await resident.waitForSelector('.tile');
  // The specialist's tablet: a browser of its own, no launch code, no cookie.
  ({ context: deskContext, page: desk } = await newKioskPage(browser, { width: 1280, height: 800 }));
  // Counts the tones the desk page starts (Chromium's audio goes nowhere here, but the page still plays).
  await desk.addInitScript(() => {
    const w = window as unknown as { tonesStarted: number };
    w.tonesStarted = 0;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...a: Parameters<OscillatorNode['start']>) {
      w.tonesStarted++;
      return start.apply(this, a);
    };
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

const indicator = (p: Page) => p.getByTestId('help-called');
const helpState = async () => {
  const r = await kiosk.ipc<{ help: { open: boolean; acknowledged: boolean } }>('station:status', {});
  return r.ok ? r.value.help : null;
};
const recentHelpAudit = async () =>
  (await kiosk.control<{ actor: { kind: string; id?: string }; action: string }[]>('store', 'recentAudit', 20)).filter((e) => e.action.startsWith('help.'));

describe('a call for help reaching the specialist’s own device', () => {
  it('opens the desk, and only the desk, on the specialist’s device with its own PIN login', async () => {
    expect(kiosk.deskUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/); // loopback by default
    await desk.goto(kiosk.deskUrl!);
    await desk.waitForSelector('[data-screen="specialist-login"]', { timeout: 30_000 });
    // Not the resident's screen: no services, no 叫工作人员, no way to the resident's home.
    expect(await desk.locator('.tile').count()).toBe(0);
    expect(await desk.locator('[data-nav="call-help"]').count()).toBe(0);
    await expect.poll(() => desk.evaluate(() => document.activeElement?.getAttribute('data-action') ?? null), { timeout: 20_000 }).toBe('login');
    for (const d of '135790') await desk.keyboard.press(d); // the development specialist's PIN
    await desk.keyboard.press('Enter');
    await desk.getByTestId('desk-who').waitFor({ timeout: 20_000 });
    // 代办 runs at the kiosk, where the resident and the printer are.
    expect(await desk.locator('[data-section="onBehalf"]').count()).toBe(0);
    // The kiosk's own screen holds no desk session: the desk device's login is its own.
    expect(await resident.locator('[data-screen="home"]').count()).toBe(1);
  });

  it('the resident calls: their screen says the call is being made, never that someone is coming', async () => {
    await kiosk.control('idcard-simulator', 'insertCard', 'zhangXiuying');
    await expect.poll(() => resident.getByTestId('greeting').count(), { timeout: 20_000 }).toBe(1);
    await resident.locator('[data-service="social-insurance-query"]').focus();
    await resident.keyboard.press('Enter');
    await resident.waitForSelector('[data-screen^="service-social-insurance-query"]', { timeout: 20_000 });
    await pressByArrows(resident, 'data-nav', 'call-help');
    await indicator(resident).waitFor({ timeout: 20_000 });
    expect(await indicator(resident).innerText()).toBe('正在呼叫工作人员…');
    expect(await indicator(resident).getAttribute('data-help-state')).toBe('calling');
    await expect.poll(() => spoken.some((s) => s.includes('正在呼叫工作人员')), { timeout: 20_000 }).toBe(true);
    expect(spoken.some((s) => s.includes('马上到'))).toBe(false);
    expect(await resident.locator('body').innerText()).not.toContain('工作人员马上到');
    expect(await helpState()).toEqual({ open: true, acknowledged: false });
    await screenshot(resident, 'help-desk-resident-calling');
  });

  it('the desk lists who (masked), where and what service, and is heard: three tones', async () => {
    const item = desk.locator('[data-help-request]');
    await item.waitFor({ timeout: 20_000 });
    await expect.poll(() => desk.evaluate(() => (window as unknown as { tonesStarted: number }).tonesStarted), { timeout: 20_000 }).toBe(3);
    expect(await item.getAttribute('data-help-from')).toBe('kiosk');
    expect(await desk.getByTestId('help-who').innerText()).toBe('张**（1101**********0028）');
    expect(await desk.getByTestId('help-place').innerText()).toContain('自助机');
    const words = await item.innerText();
    expect(words).toContain('在办：社保查询');
    expect(words).toContain('居民按了（或说了）叫人');
    expect(words).not.toContain('张秀英'); // masked, as everywhere off the resident's own screen
    expect(await axeViolations(desk)).toEqual([]);
    await screenshot(desk, 'help-desk-call-listed');
  });

  it('the specialist acknowledges it from the desk: only then does the resident’s screen say 工作人员马上到', async () => {
    await pressByArrows(desk, 'data-action', 'help-acknowledge');
    await expect.poll(() => desk.getByTestId('desk-help-message').innerText(), { timeout: 20_000 }).toContain('工作人员马上到');
    await desk.getByTestId('help-answered').waitFor({ timeout: 20_000 });
    expect(await desk.getByTestId('help-answered').innerText()).toContain('开发测试员');

    await expect.poll(() => indicator(resident).getAttribute('data-help-state'), { timeout: 20_000 }).toBe('acknowledged');
    expect(await indicator(resident).innerText()).toBe('工作人员马上到');
    await expect.poll(() => spoken.some((s) => s.includes('工作人员马上到')), { timeout: 20_000 }).toBe(true);
    expect(await helpState()).toEqual({ open: true, acknowledged: true });
    // Audited under the specialist of the desk device's session.
    await expect
      .poll(async () => (await recentHelpAudit()).find((e) => e.action === 'help.acknowledged')?.actor, { timeout: 20_000 })
      .toEqual({ kind: 'specialist', id: 'dev' });
    expect(await axeViolations(desk)).toEqual([]);
    await screenshot(resident, 'help-desk-resident-answered');
    await screenshot(desk, 'help-desk-acknowledged');
  });

  it('ends with the visit: the card taken out clears it on both screens, and the next resident starts without it', async () => {
    await kiosk.control('idcard-simulator', 'removeCard');
    await expect.poll(() => resident.getByTestId('greeting').count(), { timeout: 20_000 }).toBe(0);
    await indicator(resident).waitFor({ state: 'detached', timeout: 20_000 });
    await desk.locator('[data-help-request]').waitFor({ state: 'detached', timeout: 20_000 });
    expect(await helpState()).toEqual({ open: false, acknowledged: false });
    expect((await recentHelpAudit()).find((e) => e.action === 'help.cleared')).toBeTruthy();

    await kiosk.control('idcard-simulator', 'insertCard', 'wangJie');
    await expect.poll(() => resident.getByTestId('greeting').count(), { timeout: 20_000 }).toBe(1);
    expect(await resident.getByTestId('greeting').innerText()).toContain('王㛃');
    expect(await indicator(resident).count()).toBe(0);
    expect(await resident.locator('body').innerText()).not.toContain('工作人员马上到');
    expect(await desk.locator('[data-help-request]').count()).toBe(0);
    await kiosk.control('idcard-simulator', 'removeCard');
    await expect.poll(() => resident.getByTestId('greeting').count(), { timeout: 20_000 }).toBe(0);
  });

  it('a call that was never acknowledged ends with the next resident’s card too', async () => {
    await resident.keyboard.press('Home');
    await resident.waitForSelector('[data-screen="home"]', { timeout: 20_000 });
    await kiosk.control('idcard-simulator', 'insertCard', 'zhangXiuying');
    await expect.poll(() => resident.getByTestId('greeting').count(), { timeout: 20_000 }).toBe(1);
    expect(await resident.getByTestId('greeting').innerText()).toContain('张秀英');
    await pressByArrows(resident, 'data-nav', 'call-help');
    await indicator(resident).waitFor({ timeout: 20_000 });
    await desk.locator('[data-help-request]').waitFor({ timeout: 20_000 });
    expect(await desk.getByTestId('help-who').innerText()).toContain('张**');
    // Another card straight in (the first taken out and the next put in between two reads).
    await kiosk.control('idcard-simulator', 'insertCard', 'wangJie');
    await indicator(resident).waitFor({ state: 'detached', timeout: 20_000 });
    await desk.locator('[data-help-request]').waitFor({ state: 'detached', timeout: 20_000 });
    expect(await helpState()).toEqual({ open: false, acknowledged: false });
    await deskContext.close();
  });
});
