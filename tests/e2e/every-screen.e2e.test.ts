// Every screen, two promises of the product kept: (1) "everything reachable with
// a D-pad" — on the home page, two whole applications, the query services, the
// TV's screens and its 求助 panel, each control is focused in turn and each
// arrow pressed, and the resulting graph must lead from the screen's first focus
// to every control, and back from every control to every other (no corner a
// remote user can get stuck in); (2) "every screen readable aloud" — 朗读 speaks
// every word of the screen's content (see read-aloud-check.ts). Real key presses
// and the real speech calls in Chromium, not a model of either.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startKiosk, type KioskProcess } from '../support/kiosk-process.js';
import { launchBrowser, newKioskPage } from '../support/browser.js';
import { arrowGraph, trapsIn, unreachable } from '../support/dpad-reach.js';
import { readAloud, recordSpeech } from '../support/read-aloud-check.js';
import { driveFlow, familyIdNumber } from '../support/flow-driver.js';
import { enterTvCode } from '../support/tv-code.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser(['--use-fake-device-for-media-stream']);
});

afterAll(async () => {
  await browser?.close();
});

/** Every control of the current screen reachable from its first focus, and no traps; returns how many controls. */
async function expectAllReachable(page: Page, where: string): Promise<number> {
  const g = await arrowGraph(page);
  const detail = `${where}: ${g.controls.map((c, i) => `${i} ${c} → ${g.edges[i]!.join(',')}`).join(' | ')}`;
  expect(g.controls.length, `${where}: no control at all`).toBeGreaterThan(0);
  expect(g.start, `${where}: nothing has focus when it appears`).toBeGreaterThanOrEqual(0);
  expect(unreachable(g), detail).toEqual([]);
  expect(trapsIn(g), detail).toEqual([]);
  return g.controls.length;
}

/** 朗读 on the current screen speaks all its words. */
async function expectReadable(page: Page, said: string[], where: string): Promise<void> {
  const { spoken, unread } = await readAloud(page, said);
  expect(spoken.length, `${where}: 朗读 said nothing`).toBeGreaterThan(0);
  expect(unread, `${where}: 朗读 said 「${spoken}」`).toEqual([]);
}

/** A key for "the same screen in the same state", so each is checked once. */
const stateOf = (page: Page, id: string) =>
  page.evaluate(
    (s) => `${s}|${document.querySelector('[data-testid="number-readback"]') ? 'readback' : ''}|${document.querySelector('[role="dialog"],[role="alertdialog"]') ? 'dialog' : ''}`,
    id,
  );

describe('the kiosk', () => {
  let kiosk: KioskProcess;
  let page: Page;
  let cards: Record<string, Record<string, unknown>>;
  let said: string[];

  beforeAll(async () => {
    kiosk = await startKiosk();
    cards = await kiosk.control('idcard-simulator', 'sampleCards');
    const opened = await newKioskPage(browser);
    page = opened.page;
    said = recordSpeech(page);
    await opened.context.grantPermissions(['camera'], { origin: kiosk.origin });
    await page.goto(await kiosk.launchUrl());
    await page.waitForSelector('.tile');
  });

  afterAll(async () => {
    await kiosk?.stop();
  });

  const home = async () => {
    await page.keyboard.press('Home');
    await page.waitForSelector('[data-screen="home"]');
    await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body);
  };

  it('home', async () => {
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-service'));
    expect(await expectAllReachable(page, 'home')).toBeGreaterThanOrEqual(8);
    await expectReadable(page, said, 'home');
  });

  it.each(['policy-qa', 'social-insurance-query', 'application-status', 'certificate-print'])('the %s screen', async (service) => {
    await home();
    await page.locator(`[data-service="${service}"]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-screen^="service-${service}"], [data-screen="identify-card"]`);
    await page.waitForTimeout(300);
    await expectAllReachable(page, service);
    await expectReadable(page, said, service);
  });

  it.each([
    ['medical-insurance-payment', 'wangJie', { payFor: 'family', memberIdNumber: familyIdNumber('051') }],
    ['subsistence-allowance', 'wangJie', { incomePhoto: 'skip' }],
  ] as const)('every screen of %s', async (service, card, answers) => {
    await home();
    await kiosk.control('idcard-simulator', 'insertCard', cards[card]);
    await page.waitForSelector('[data-testid="greeting"]', { timeout: 20_000 });
    await page.locator(`[data-service="${service}"]`).focus();
    await page.keyboard.press('Enter');
    const checked = new Set<string>();
    await driveFlow(page, answers, {
      shotPrefix: `dpad-${service}`,
      onScreen: async (id) => {
        const state = await stateOf(page, id);
        if (checked.has(state)) return;
        checked.add(state);
        await expectAllReachable(page, state);
        await expectReadable(page, said, state);
      },
    });
    expect(checked.size).toBeGreaterThanOrEqual(5);
    await kiosk.control('idcard-simulator', 'removeCard');
  });
});

describe('the TV', () => {
  let kiosk: KioskProcess;
  let page: Page;
  let said: string[];

  beforeAll(async () => {
    kiosk = await startKiosk({ config: { uiMode: 'tv', devices: { idcard: { type: 'none' }, printer: { type: 'none' } } } });
    ({ page } = await newKioskPage(browser));
    said = recordSpeech(page);
    await page.goto(await kiosk.launchUrl());
    await page.waitForSelector('.tile');
  });

  afterAll(async () => {
    await kiosk?.stop();
  });

  it('home', async () => {
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-service'));
    await expectAllReachable(page, 'tv home');
    await expectReadable(page, said, 'tv home');
  });

  it('the 求助 panel', async () => {
    await page.locator('[data-nav="tv-help"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-focus-scope="modal"]');
    await expectAllReachable(page, 'tv help');
    await page.keyboard.press('Escape');
  });

  it.each(['policy-qa', 'application-status', 'medical-insurance-payment'])('the %s screen', async (service) => {
    await page.keyboard.press('Home');
    await page.waitForSelector('[data-screen="home"]');
    await page.locator(`[data-service="${service}"]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-screen]')?.getAttribute('data-screen') !== 'home');
    // The screen is up once its first control has focus (policy-qa's topics arrive from the station
    // after the screen appears): a state to wait for, not a time.
    await page.waitForFunction(() => document.activeElement !== null && document.activeElement !== document.body && !!document.querySelector('main')?.contains(document.activeElement), null, { timeout: 30_000 });
    await expectAllReachable(page, `tv ${service}`);
    await expectReadable(page, said, `tv ${service}`);
  });

  it('the one-time code screen after the keyed number', async () => {
    await page.keyboard.press('Home');
    await page.waitForSelector('[data-screen="home"]');
    await page.locator('[data-service="social-insurance-query"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-screen="identify-keyed"]');
    await page.keyboard.type('110101194303050028');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-action') === 'confirm-id');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="id-readback"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-screen="identify-code"] [data-testid="code-sent"]', { timeout: 60_000 });
    await page.waitForFunction(() => !!document.querySelector('main')?.contains(document.activeElement));
    await expectAllReachable(page, 'tv identify-code');
    await expectReadable(page, said, 'tv identify-code');
    await enterTvCode(page, kiosk);
    await page.waitForSelector('[data-screen="si-record"]', { timeout: 30_000 });
  });
});
