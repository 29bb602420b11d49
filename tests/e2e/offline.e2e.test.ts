// Offline, then online: a resident applies while the uplink is down, is told
// plainly that it is saved and will be sent, and once the server is back the
// application is accepted and its receipt number shows in 办件进度查询.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startKiosk, type KioskProcess } from '../support/kiosk-process.js';
import { axeViolations, launchBrowser, newKioskPage, screenshot } from '../support/browser.js';
import { driveFlow, familyCardOn } from '../support/flow-driver.js';
import { untilSynced } from '../support/sync-wait.js';

let kiosk: KioskProcess;
let browser: Browser;

beforeAll(async () => {
  kiosk = await startKiosk();
  browser = await launchBrowser(['--use-fake-device-for-media-stream']);
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

it('queues while the link is down and is accepted when it returns', async () => {
  await kiosk.control('embedded-sync-server', 'stop');
  const { page, context } = await newKioskPage(browser);
  await context.grantPermissions(['camera'], { origin: kiosk.origin });
  await page.goto(await kiosk.launchUrl());
  await page.waitForSelector('.tile');
  await kiosk.control('idcard-simulator', 'insertCard', 'zhangXiuying');
  await page.waitForSelector('[data-testid="greeting"]', { timeout: 20_000 });

  await page.locator('[data-service="pension-certification"]').focus();
  await page.keyboard.press('Enter');
  // The fake camera shows no face: a family member who cannot come (home visit) needs no photo.
  await driveFlow(page, { forWhom: 'family', memberPresent: 'no' }, { shotPrefix: 'offline-pension', familyCard: familyCardOn(kiosk, 'bateer', 'zhangXiuying') });
  const words = page.locator('[data-testid="submit-words"]');
  expect(await words.innerText()).toContain('已保存，网络恢复后自动提交');
  expect(await words.getAttribute('data-status')).not.toBe('accepted');
  // The status bar says it in plain words once a real request has failed.
  await page.waitForFunction(() => document.querySelector('[data-testid="status-bar"]')?.textContent?.includes('网络暂时断开'), undefined, { timeout: 30_000 });
  expect(await page.innerText('[data-testid="status-bar"]')).toMatch(/还有 \d+ 件等待提交/);
  await screenshot(page, 'offline-queued');

  // Finish, skip the rating, and look the application up.
  await page.locator('[data-action="finish"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('[data-action="satisfaction-skip"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-screen="home"]');
  await page.locator('[data-service="application-status"]').focus();
  await page.keyboard.press('Enter');
  const item = page.locator('[data-testid="applications"] [data-application]').first();
  await item.waitFor({ timeout: 20_000 });
  expect(['queued', 'sending']).toContain(await item.getAttribute('data-status'));
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, 'offline-application-status-queued');

  // The link returns: the outbox drains and the status follows live, with the receipt number.
  await kiosk.control('embedded-sync-server', 'start');
  await page.waitForSelector('[data-testid="applications"] [data-status="accepted"]', { timeout: 60_000 });
  expect(await item.innerText()).toMatch(/受理号|回执号/);
  await screenshot(page, 'online-application-status-accepted');
  await page.waitForFunction(() => document.querySelector('[data-testid="status-bar"]')?.textContent?.includes('网络正常'), undefined, { timeout: 30_000 });

  // The office decides on the server: a rejection reaches the kiosk through the
  // change feed and shows with its reason, in plain words.
  const id = (await item.getAttribute('data-application'))!;
  await kiosk.control('embedded-sync-server', 'markRejected', id, '照片看不清，请到村便民服务站重新拍照');
  await untilSynced(page, kiosk, `[data-application="${id}"][data-status="rejected"]`, 60_000);
  expect(await page.locator(`[data-application="${id}"]`).innerText()).toContain('照片看不清');
  await screenshot(page, 'application-status-rejected');
});
