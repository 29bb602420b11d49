// A resident's call for help reaching the specialist, in real Chromium through
// the real web host, with the keyboard only: the resident presses 叫工作人员 on a
// service screen, the status bar says 正在呼叫工作人员… (on every screen), the
// specialist opens the desk, logs in, sees what happened and where, presses
// 已处理, and the indicator goes away. Then a resident who calls and walks away:
// the inactivity warning, the timeout, and the call ends with their session.
// The voice path (two misses) needs a microphone: its counting is unit-tested
// (tests/unit/queries/misses.test.ts) and the station side in
// tests/integration/help/help-module.test.ts. axe on every screen shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { KioskProcess } from '../support/kiosk-process.js';
import { openKiosk, type OpenKiosk } from '../support/open-kiosk.js';
import { arrowGraph, trapsIn, unreachable } from '../support/dpad-reach.js';
import { axeViolations, newKioskPage, screenshot, pressByArrows, untilCountdownRuns } from '../support/browser.js';

let kiosk: KioskProcess;
let browser: Browser;
let page: Page;
let opened: OpenKiosk | undefined;

beforeAll(async () => {
  opened = await openKiosk();
  ({ kiosk, browser, page } = opened);
});

afterAll(() => opened?.close());

async function screen(p: Page, id: string): Promise<void> {
  await p.waitForSelector(`[data-screen="${id}"]`, { timeout: 20_000 });
}

async function check(p: Page, name: string): Promise<void> {
  expect(await axeViolations(p)).toEqual([]);
  await screenshot(p, `help-${name}`);
}


const helpOpen = async () => {
  const r = await kiosk.ipc<{ help: { open: boolean } }>('station:status', {});
  return r.ok ? r.value.help.open : null;
};
const auditEntries = async () => {
  // A test control, not the desk-only store:stats: a desk login would itself be audited.
  return (await kiosk.control<{ auditEntries: number }>('store', 'stats')).auditEntries;
};
const indicator = (p: Page) => p.getByTestId('help-called');

describe('a call for help', () => {
  it('is made with the big 叫工作人员 button on a service screen and shown on the status bar', async () => {
    await page.locator('[data-service="social-insurance-query"]').focus();
    await page.keyboard.press('Enter');
    await screen(page, 'service-social-insurance-query');
    expect(await indicator(page).count()).toBe(0);
    const before = await auditEntries();

    await pressByArrows(page, 'data-nav', 'call-help');
    await indicator(page).waitFor({ timeout: 20_000 });
    expect(await indicator(page).innerText()).toBe('正在呼叫工作人员…');
    expect(await helpOpen()).toBe(true);
    // Large on the status bar: a heading-sized badge, visible from across the room.
    const fontSize = await indicator(page).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(48);
    // The call is audited by the station (the renderer no longer writes it).
    await expect.poll(auditEntries).toBe(before + 1);
    await check(page, 'called');

    // Pressing again refreshes the same call: still one indicator.
    await page.keyboard.press('Enter');
    await expect.poll(auditEntries).toBe(before + 2);
    expect(await indicator(page).count()).toBe(1);
  });

  it('stays on the status bar of every screen until handled', async () => {
    await page.keyboard.press('Home');
    await screen(page, 'home');
    await indicator(page).waitFor();
    expect(await page.getByTestId('status-bar').innerText()).toContain('正在呼叫工作人员…');
    // And the screen with it is checked as every screen is: axe, and every control reachable by
    // D-pad from the first focus with no corner to get stuck in.
    await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body);
    expect(await axeViolations(page)).toEqual([]);
    const g = await arrowGraph(page);
    expect(g.start).toBeGreaterThanOrEqual(0);
    expect(unreachable(g)).toEqual([]);
    expect(trapsIn(g)).toEqual([]);
  });

  it('reaches the specialist desk, which marks it handled, and the indicator goes away', async () => {
    await page.locator('[data-nav="specialist"]').focus();
    await page.keyboard.press('Enter');
    await screen(page, 'specialist-login');
    // The call shows on the login screen's status bar too, so the specialist sees it first.
    await indicator(page).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-action') ?? null)).toBe('login');
    for (const d of '135790') await page.keyboard.press(d); // the development specialist's PIN
    await page.keyboard.press('Enter');
    await page.getByTestId('desk-who').waitFor({ timeout: 20_000 });

    const item = page.locator('[data-help-request]');
    await item.waitFor({ timeout: 20_000 });
    // The service's title comes with the desk's catalogue, which may arrive after the call on a busy machine.
    await expect.poll(() => item.innerText(), { timeout: 20_000 }).toContain('在办：社保查询');
    const words = await item.innerText();
    expect(words).toContain('居民按了（或说了）叫人');
    expect(words).toContain('在办：社保查询');
    expect(words).toMatch(/刚刚叫的|1 分钟前叫的/);
    expect(words).toContain('一共叫了 2 次');
    await check(page, 'desk');

    const before = await auditEntries();
    await pressByArrows(page, 'data-action', 'help-resolve');
    await expect.poll(() => page.getByTestId('desk-help-message').innerText(), { timeout: 20_000 }).toContain('这次呼叫处理好了');
    await item.waitFor({ state: 'detached' });
    await indicator(page).waitFor({ state: 'detached' });
    expect(await helpOpen()).toBe(false);
    await expect.poll(auditEntries).toBe(before + 1); // help.resolved, under the specialist's id
    await check(page, 'desk-resolved');

    await page.locator('[data-action="logout"]').focus();
    await page.keyboard.press('Enter');
    await screen(page, 'specialist-login');
  });

  it("ends with the resident's session when they call and walk away", async () => {
    // A second screen with a controllable clock for the inactivity guard.
    const { context, page: p2 } = await newKioskPage(browser);
    try {
      await p2.clock.install();
      await p2.goto(await kiosk.launchUrl());
      await p2.waitForSelector('.tile');
      await p2.locator('[data-nav="call-help"]').focus();
      await p2.keyboard.press('Enter');
      await indicator(p2).waitFor({ timeout: 20_000 });
      expect(await helpOpen()).toBe(true);

      // Even on the home screen, an open call keeps the inactivity guard on: warned aloud, with 继续.
      await p2.clock.runFor(60_000 + 1000);
      const dialog = p2.getByRole('alertdialog', { name: '您还在吗？' });
      await dialog.waitFor();
      await check(p2, 'walked-away-warning');
      await untilCountdownRuns(p2);
      await p2.clock.runFor(20_000 + 1000);
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(helpOpen, { timeout: 20_000 }).toBe(false);
      await indicator(p2).waitFor({ state: 'detached' });
      await indicator(page).waitFor({ state: 'detached' }); // and on the other screen
    } finally {
      await context.close();
    }
  });
});
