// The specialist desk end to end, in real Chromium through the real web host,
// with the keyboard only: open the desk from the footer, log in with the
// development PIN, see the queue (an application waiting while the sync server is
// down, a draft), reprint a receipt and cancel a draft, see the devices and
// test-print (the printer emulator decodes the page), sync, today's numbers,
// 代办, log out; then 5 wrong PINs lock login, and the lock survives a restart.
// axe on every desk screen; screenshots in test-results/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startKiosk, type KioskProcess } from '../support/kiosk-process.js';
import { openKiosk, type OpenKiosk } from '../support/open-kiosk.js';
import { printerJobs } from '../support/printer-jobs.js';
import { axeViolations, focused, newKioskPage, screenshot, pressByArrows } from '../support/browser.js';
import { demoResidents } from '../../sync-server/demo-data.js';

let kiosk: KioskProcess;
let browser: Browser;
let page: Page;
let opened: OpenKiosk | undefined;

beforeAll(async () => {
  opened = await openKiosk();
  ({ kiosk, browser, page } = opened);
});

afterAll(async () => {
  await opened?.close();
  // A test restarts the station: the one running now.
  await kiosk?.stop();
});

const ipc = <T>(channel: string, args: unknown) => kiosk.ipc<T>(channel, args);
/** A desk-only call on a socket of its own, logged in there as the development specialist. */
const deskIpc = <T>(channel: string, args: unknown) => kiosk.ipc<T>(channel, args, { asSpecialist: { specialistId: 'dev', pin: '135790' } });

async function screen(id: string): Promise<void> {
  await page.waitForSelector(`[data-screen="${id}"]`, { timeout: 20_000 });
}

async function check(name: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, `specialist-${name}`);
}

/** Moves focus with the arrow keys until `pred` holds (spatial navigation must get there). */
async function arrowTo(keys: string[], pred: (f: Awaited<ReturnType<typeof focused>>) => boolean, attr?: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const f = await focused(page);
    const extra = attr ? await page.evaluate((a) => document.activeElement?.getAttribute(a) ?? null, attr) : null;
    if (pred({ ...f, nav: f.nav ?? extra })) return;
    await page.keyboard.press(keys[i % keys.length]!);
  }
  throw new Error(`focus never reached the target; at ${JSON.stringify(await focused(page))}`);
}

const activeAttr = (name: string) => page.evaluate((n) => document.activeElement?.getAttribute(n) ?? null, name);

/**
 * Moves focus with the arrow keys only, one step at a time in the direction of
 * the target (spatial navigation must get there), then presses Enter on it.
 */
async function press(attr: string, value: string): Promise<void> {
  return pressByArrows(page, attr, value);
}

async function typePin(pin: string): Promise<void> {
  for (const d of pin) await page.keyboard.press(d);
}

const resident = demoResidents[0]!;

describe('specialist desk', () => {
  it('opens from the footer with the keyboard and asks for the PIN', async () => {
    await page.waitForFunction(() => document.activeElement?.classList.contains('tile'));
    await arrowTo(['ArrowDown', 'ArrowRight'], (f) => f.nav === 'specialist');
    await page.keyboard.press('Enter');
    await screen('specialist-login');
    // One specialist (the development one): the PIN keypad comes at once, 登录 focused.
    await expect.poll(() => activeAttr('data-action')).toBe('login');
    await check('login');
  });

  it('logs in with the development PIN typed on the keyboard', async () => {
    await typePin('135790');
    await expect.poll(() => page.getByTestId('desk-pin').innerText()).toBe('●●●●●●');
    await page.keyboard.press('Enter');
    await screen('specialist-queue');
    expect(await page.getByTestId('desk-who').innerText()).toContain('开发测试员');
  });

  it('shows the queue: an application waiting while the link is down, reprints its receipt', async () => {
    await kiosk.control('embedded-sync-server', 'stop');
    const submitted = await deskIpc<{ id: string; localTrackingNumber: string }>('store:submit-application', {
      serviceId: 'elderly-allowance',
      catalogueVersion: '2026.11.0',
      formData: { phone: '13800138000' },
      applicant: { idNumber: resident.idNumber, name: resident.name },
      onBehalf: true,
    });
    expect(submitted.ok).toBe(true);
    const app = submitted.ok ? submitted.value : null;
    const item = page.locator(`[data-application="${app!.id}"]`);
    await item.waitFor({ timeout: 20_000 });
    expect(await item.innerText()).toContain(app!.localTrackingNumber);
    expect(await item.innerText()).toContain('由 开发测试员 代办');
    // The full ID number is never on the desk's screen.
    expect(await page.locator('main').innerText()).not.toContain(resident.idNumber);
    await check('queue');

    await kiosk.control('printer-simulator', 'clearJobs');
    await press('data-action', 'reprint');
    await expect.poll(() => page.getByTestId('desk-queue-message').innerText(), { timeout: 20_000 }).toContain('回执已补打');
    const jobs = await printerJobs<{ lines: string[]; qr: string[] }>(kiosk, 1);
    // The reprint's QR code is the status page for the tracking number (links.status, the development default).
    expect(jobs[0]!.qr).toEqual([`https://status.example.invalid/xiangyin/track/${app!.localTrackingNumber}`]);
    expect(jobs[0]!.lines).toContain('办件编号：');
    expect(jobs[0]!.lines.join('\n')).not.toContain(resident.idNumber);
  });

  it('cancels a draft', async () => {
    const draft = await deskIpc<{ id: string }>('store:save-draft', {
      serviceId: 'pension-certification',
      catalogueVersion: '2026.11.0',
      formData: {},
      onBehalf: true,
    });
    expect(draft.ok).toBe(true);
    await press('data-filter', 'draft');
    await page.locator('[data-action="cancel-draft"]').waitFor();
    await check('queue-drafts');
    await press('data-action', 'cancel-draft');
    await expect.poll(() => page.getByTestId('desk-queue-message').innerText()).toContain('草稿已取消');
    await page.getByTestId('desk-queue-empty').waitFor();
  });

  it('shows the devices and test-prints a page the printer emulator decodes', async () => {
    await press('data-section', 'devices');
    await screen('specialist-devices');
    await page.locator('[data-device]').first().waitFor();
    const states = await page.locator('[data-device]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    expect(states.length).toBeGreaterThanOrEqual(2);
    // Where a specialist's own tablet opens the desk, for whoever sets one up (loopback here: no certificate).
    await page.getByTestId('desk-listener').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('desk-listener').innerText()).toContain(`打开 ${kiosk.deskUrl}`);
    expect(await page.getByTestId('desk-listener-certificate').count()).toBe(0);
    await check('devices');
    await kiosk.control('printer-simulator', 'clearJobs');
    await press('data-action', 'test-print');
    await expect.poll(() => page.getByTestId('desk-devices-message').innerText(), { timeout: 20_000 }).toContain('测试页打印好了');
    const jobs = await printerJobs<{ lines: string[]; qr: string[] }>(kiosk, 1);
    expect(jobs[0]!.lines).toContain('打印测试');
    expect(jobs[0]!.qr).toEqual(['XIANGYIN-TEST-PAGE']);
  });

  it('test-reads a card in the simulated reader', async () => {
    await kiosk.control('idcard-simulator', 'insertCard', 'zhangXiuying');
    await press('data-action', 'test-read');
    await expect.poll(() => page.getByTestId('desk-devices-message').innerText(), { timeout: 20_000 }).toContain('读卡正常');
    await kiosk.control('idcard-simulator', 'removeCard');
  });

  it('shows the sync status and syncs now once the server is back', async () => {
    await press('data-section', 'sync');
    await screen('specialist-sync');
    await page.getByTestId('desk-sync').waitFor();
    await check('sync');
    await kiosk.control('embedded-sync-server', 'start');
    await press('data-action', 'sync-now');
    await expect.poll(() => page.getByTestId('desk-sync-message').innerText(), { timeout: 30_000 }).toContain('同步完成');
  });

  it("shows today's numbers", async () => {
    await press('data-section', 'today');
    await screen('specialist-today');
    await page.getByTestId('desk-today').waitFor();
    expect(await page.locator('[data-figure="submitted"] .desk-figure-value').innerText()).toBe('1 件');
    await check('today');
  });

  it('starts a service on behalf of a resident (代办)', async () => {
    await press('data-section', 'onBehalf');
    await screen('specialist-onBehalf');
    await page.locator('[data-service="elderly-allowance"]').waitFor();
    await check('on-behalf');
    await press('data-service', 'elderly-allowance');
    // The flow starts by identifying the resident (card, or the number keyed in by the specialist).
    await page.waitForSelector('[data-screen="identify-card"], [data-screen^="service-elderly-allowance"]', { timeout: 20_000 });
    // Home, then the desk again: still logged in (the session is the desk's, not the screen's).
    await page.keyboard.press('Home');
    await screen('home');
    await page.waitForFunction(() => document.activeElement?.classList.contains('tile'));
    await arrowTo(['ArrowDown', 'ArrowRight'], (f) => f.nav === 'specialist');
    await page.keyboard.press('Enter');
    await screen('specialist-onBehalf');
  });

  it('logs out, and every desk action is in the audit log', async () => {
    // A test control, not the desk-only store:stats: a desk login of its own would itself be audited.
    const audited = async () => (await kiosk.control<{ auditEntries: number }>('store', 'stats')).auditEntries;
    const deskSessions = () => kiosk.control<string[]>('desk-session', 'live');
    // So far: login, submit, reprint, save-draft, view, cancel-draft, views, test-print, test-read, sync-now, 代办…
    const before = await audited();
    expect(before).toBeGreaterThanOrEqual(12);
    await press('data-action', 'logout');
    await screen('specialist-login');
    await expect.poll(audited).toBe(before + 1);
    expect(await deskSessions()).toEqual([]);
  });

  it('logs out after 5 idle minutes, warning aloud 30 s before with a way to continue', async () => {
    // A second screen with a controllable clock (the first keeps real time for the rest of the tests).
    const { context, page: p2 } = await newKioskPage(browser);
    try {
      await p2.clock.install();
      await p2.goto(await kiosk.launchUrl());
      await p2.waitForSelector('.tile');
      await p2.locator('[data-nav="specialist"]').focus();
      await p2.keyboard.press('Enter');
      await p2.waitForSelector('[data-screen="specialist-login"]');
      await expect.poll(() => p2.evaluate(() => document.activeElement?.getAttribute('data-action') ?? null)).toBe('login');
      for (const d of '135790') await p2.keyboard.press(d);
      await p2.keyboard.press('Enter');
      await p2.getByTestId('desk-who').waitFor();

      await p2.clock.runFor((5 * 60 - 30 + 1) * 1000);
      const dialog = p2.getByRole('alertdialog', { name: '还在使用工作台吗？' });
      await dialog.waitFor();
      expect(await axeViolations(p2)).toEqual([]);
      await screenshot(p2, 'specialist-idle-warning');
      await p2.keyboard.press('Enter'); // 继续使用 has the focus
      await dialog.waitFor({ state: 'detached' });
      // Main's own session of that screen is live still (the desk sessions are per screen).
      expect(await kiosk.control<string[]>('desk-session', 'live')).toEqual(['dev']);

      await p2.clock.runFor(5 * 60 * 1000 + 1000);
      await expect.poll(() => kiosk.control<string[]>('desk-session', 'live')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('locks login after 5 wrong PINs, says so, and refuses even the right PIN', async () => {
    await expect.poll(() => activeAttr('data-action')).toBe('login');
    for (let i = 1; i <= 4; i++) {
      await typePin('000000');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('desk-login-message').innerText()).toBe(`密码不对，还可以再试 ${5 - i} 次。`);
      await page.locator('[data-action="login"]').focus();
    }
    await typePin('000000');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('desk-login-message').innerText()).toContain('登录已锁定');
    expect(await page.locator('[data-action="login"]').isDisabled()).toBe(true);
    await check('locked');
    const right = await ipc<{ outcome: string }>('specialist:login', { specialistId: 'dev', pin: '135790' });
    expect(right.ok && right.value.outcome).toBe('locked');
  });

  it('keeps the lock across a restart of the station', async () => {
    const dataDir = kiosk.dataDir;
    await kiosk.stop();
    kiosk = await startKiosk({ dataDir });
    const roster = await ipc<{ lockedUntil: string | null }>('specialist:roster', {});
    expect(roster.ok && roster.value.lockedUntil).not.toBeNull();
    const right = await ipc<{ outcome: string }>('specialist:login', { specialistId: 'dev', pin: '135790' });
    expect(right.ok && right.value.outcome).toBe('locked');
    expect(kiosk.stderr()).toContain('development specialist');
  });
});
