// The screens that screens-fit.e2e.test.ts does not reach by walking the
// services, at every text size (标准 / 大 / 特大), 1920×1080: the 您还在吗
// warning over a resident's screen, the call for help (正在呼叫工作人员),
// a print that failed for want of paper, and the specialist's desk (login,
// queue, devices, sync, today's figures, 代办). Same measure (fit-check.ts),
// same axe check, photographed to test-results/fit-state-<size>-<screen>.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startKiosk, type KioskProcess } from '../support/kiosk-process.js';
import { axeViolations, launchBrowser, newKioskPage, pressByArrows, screenshot } from '../support/browser.js';
import { TEXT_SIZES, fitProblems, setTextSize } from '../support/fit-check.js';
import { demoResidents } from '../../sync-server/demo-data.js';

let kiosk: KioskProcess;
let browser: Browser;
let page: Page;
/** Every capture, and what did not fit on it (empty: it fits). */
const captures = new Map<string, string[]>();

/** A fresh kiosk and page for each part: the resident's part shortens the wait for 您还在吗, which must not reach the desk's. */
async function open(config: Record<string, unknown>): Promise<void> {
  await close();
  kiosk = await startKiosk({ config });
  ({ page } = await newKioskPage(browser));
  await page.goto(await kiosk.launchUrl());
  await page.waitForSelector('.tile');
}

async function close(): Promise<void> {
  const [p, k] = [page as Page | undefined, kiosk as KioskProcess | undefined];
  [page, kiosk] = [undefined as unknown as Page, undefined as unknown as KioskProcess];
  await p?.context().close();
  await k?.stop();
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await close();
  await browser?.close();
  const bad = [...captures].filter(([, p]) => p.length);
  process.stdout.write(`screens-fit-states: ${bad.length} of ${captures.size} captures do not fit\n${bad.map(([k, p]) => `  ${k}: ${p.join('; ')}`).join('\n')}\n`);
});

/** Measures the screen as it is now at every text size (the size switch is not a touch: nothing it shows goes away). */
async function atEverySize(name: string): Promise<void> {
  for (const size of TEXT_SIZES) {
    await setTextSize(page, size);
    // What just came on screen (a list, a call) has its pagers count again first: two frames.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const problems = await fitProblems(page, { safeMargin: 0 });
    const axe = await axeViolations(page);
    captures.set(`${size} ${name}`, [...problems, ...axe.map((v) => `axe ${v}`)]);
    await screenshot(page, `fit-state-${size}-${name}`);
  }
  await setTextSize(page, 'standard');
}

const failures = (name: string) => Object.fromEntries([...captures].filter(([k, p]) => k.endsWith(` ${name}`) && p.length));

async function screen(id: string): Promise<void> {
  await page.waitForSelector(`[data-screen="${id}"]`, { timeout: 30_000 });
}

describe('a resident\'s screen in its passing states', () => {
  // The warning comes after 10 s without a touch and stays 5 minutes: long enough to measure it at every size.
  beforeAll(() => open({ ui: { idleSeconds: 10, warningSeconds: 300 } }));

  it('the 您还在吗 warning over the resident\'s screen', async () => {
    await kiosk.control('idcard-simulator', 'insertCard', 'zhangXiuying');
    await page.getByTestId('greeting').waitFor({ timeout: 30_000 });
    await page.locator('[data-service="social-insurance-query"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-screen^="si-"]', { timeout: 30_000 });
    // Nobody touches the screen: the warning comes by itself.
    await page.waitForSelector('[role="alertdialog"]', { timeout: 60_000 });
    await atEverySize('idle-warning');
    expect(failures('idle-warning')).toEqual({});
    await page.locator('[role="alertdialog"] button').first().click();
    await page.waitForSelector('[role="alertdialog"]', { state: 'detached', timeout: 30_000 });
  });

  it('a call for help, on the status bar of the resident\'s screen', async () => {
    await pressByArrows(page, 'data-nav', 'call-help');
    await page.getByText('正在呼叫工作人员').first().waitFor({ timeout: 30_000 });
    await atEverySize('help-calling');
    expect(failures('help-calling')).toEqual({});
  });

  it('a certificate that could not be printed: no paper', async () => {
    await page.keyboard.press('Home');
    await screen('home');
    await kiosk.control('printer-simulator', 'setPaperOut', true);
    await page.locator('[data-service="certificate-print"]').focus();
    await page.keyboard.press('Enter');
    await screen('cert-preview');
    await page.locator('[data-action="print"]').click();
    await screen('cert-print-failed');
    await atEverySize('cert-print-failed');
    expect(failures('cert-print-failed')).toEqual({});
  });
});

describe('the specialist desk', () => {
  beforeAll(() => open({}));

  it('its PIN login', async () => {
    await pressByArrows(page, 'data-nav', 'specialist');
    await screen('specialist-login');
    await atEverySize('desk-login');
    expect(failures('desk-login')).toEqual({});
    for (const d of '135790') await page.keyboard.press(d);
    await page.keyboard.press('Enter');
    await screen('specialist-queue');
  });

  it.each(['queue', 'devices', 'sync', 'today', 'sms', 'onBehalf'])('its %s section', async (section) => {
    await page.locator(`[data-section="${section}"]`).click();
    await screen(`specialist-${section}`);
    await atEverySize(`desk-${section}`);
    expect(failures(`desk-${section}`)).toEqual({});
  });
  it('its queue after a day with the link down: a dozen applications waiting', async () => {
    await kiosk.control('embedded-sync-server', 'stop');
    for (let i = 0; i < 12; i++) {
      const r = demoResidents[i % demoResidents.length]!;
      const submitted = await kiosk.ipc('store:submit-application', {
        serviceId: 'elderly-allowance',
        catalogueVersion: '2026.11.0',
        formData: { phone: '13800138000' },
        applicant: { idNumber: r.idNumber, name: r.name },
        onBehalf: true,
      }, { asSpecialist: { specialistId: 'dev', pin: '135790' } });
      expect(submitted.ok).toBe(true);
    }
    await page.locator('[data-section="queue"]').click();
    await screen('specialist-queue');
    await page.locator('[data-filter="waiting"]').click();
    await expect.poll(() => page.locator('[data-application]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await atEverySize('desk-queue-full');
    expect(failures('desk-queue-full')).toEqual({});
  });

  it('a resident\'s call for help opens 求助, which fits with the desk\'s tabs, as does the queue beside it', async () => {
    await page.locator('[data-section="queue"]').click();
    await screen('specialist-queue');
    const called = await kiosk.ipc('app:help-request', { reason: 'asked', serviceId: 'social-insurance-query' });
    expect(called.ok).toBe(true);
    // The call opens its own section, whatever the desk showed: at 特大 a call and a queue card do not both fit.
    await screen('specialist-help');
    await page.locator('[data-help-request]').waitFor({ timeout: 30_000 });
    await atEverySize('desk-help-call');
    expect(failures('desk-help-call')).toEqual({});
    // Back to the queue with the call still open: the 求助 tab counts it, in the calls' colours.
    await page.locator('[data-section="queue"]').click();
    await screen('specialist-queue');
    expect(await page.locator('[data-section="help"]').innerText()).toBe('求助（1）');
    await atEverySize('desk-queue-call-open');
    expect(failures('desk-queue-call-open')).toEqual({});
  });
});
