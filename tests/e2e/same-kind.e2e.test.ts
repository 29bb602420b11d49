// Issue 19.15: the same resident filed 养老认证 three times in one day without a
// word. Now, when an application of the same service by the same applicant is in
// progress or done this period (the catalogue's repeatPeriod: a calendar year for
// 养老认证), the kiosk says which one, its status and its date before starting,
// with 返回首页 focused and 继续办理 for a second one on purpose. The store query is
// scoped to the card on the reader: a resident's screen cannot ask about others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startKiosk, type KioskProcess } from '../support/kiosk-process.js';
import { axeViolations, launchBrowser, newKioskPage, screenshot } from '../support/browser.js';
import { driveFlow, familyCardOn } from '../support/flow-driver.js';
import { demoResidents } from '../../sync-server/demo-data.js';
import { readAloud, recordSpeech } from '../support/read-aloud-check.js';

let kiosk: KioskProcess;
let browser: Browser;
let page: Page;
let card: Record<string, unknown>;
let said: string[];

beforeAll(async () => {
  kiosk = await startKiosk({ config: { ui: { idleSeconds: 600, warningSeconds: 20 } } });
  const cards = await kiosk.control<Record<string, Record<string, unknown>>>('idcard-simulator', 'sampleCards');
  card = cards.zhangXiuying!;
  browser = await launchBrowser(['--use-fake-device-for-media-stream']);
  const opened = await newKioskPage(browser);
  page = opened.page;
  await opened.context.grantPermissions(['camera'], { origin: kiosk.origin });
  said = recordSpeech(page);
  await page.goto(await kiosk.launchUrl());
  await page.waitForSelector('.tile');
  await kiosk.control('idcard-simulator', 'insertCard', card);
  await page.waitForSelector('[data-testid="greeting"]', { timeout: 20_000 });
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

async function openService(id: string): Promise<void> {
  await page.locator(`[data-service="${id}"]`).focus();
  await page.keyboard.press('Enter');
}

describe('the same application again', () => {
  let tracking = '';

  it('files 养老认证 once without a word', async () => {
    await openService('pension-certification');
    const { screens } = await driveFlow(page, { forWhom: 'family', memberPresent: 'no' }, { shotPrefix: 'same-kind-first', familyCard: familyCardOn(kiosk, 'bateer', card) });
    expect(screens).not.toContain('service-pension-certification-already');
    tracking = (await page.innerText('[data-testid="tracking-number"]')).replace(/^.*[：:]\s*/, '').trim();
    await page.locator('[data-nav="home"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.tile');
  });

  it('says it was filed already, which one, its status and date, with 返回首页 focused', async () => {
    await openService('pension-certification');
    await page.waitForSelector('[data-screen="service-pension-certification-already"]', { timeout: 20_000 });
    const words = await page.innerText('[data-testid="already-filed"]');
    const y = new Date().getFullYear();
    expect(words).toContain('养老资格认证');
    expect(words).toContain(`${y}年`);
    expect(words).toMatch(/已保存，等待提交|正在提交|已受理|已办结/);
    expect(await page.innerText('[data-testid="already-tracking"]')).toContain(tracking);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('already-home');
    // Said as well as shown, as the screen opens; and 朗读 reads every word of it.
    await expect.poll(() => said.some((x) => x.includes('已经申请过养老资格认证') && x.includes('现在的状态是'))).toBe(true);
    expect((await readAloud(page, said)).unread).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'same-kind-already');
    // OK on the focused button goes home, filing nothing.
    await page.keyboard.press('Enter');
    await page.waitForSelector('.tile');
  });

  it('goes on only on purpose: 继续办理 opens the service', async () => {
    await openService('pension-certification');
    await page.waitForSelector('[data-action="already-continue"]');
    await page.locator('[data-action="already-continue"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-screen="service-pension-certification-intro"]');
  });

  it("answers a resident's screen only about the card on the reader", async () => {
    const mine = await kiosk.ipc<{ application: { localTrackingNumber: string } | null }>('store:same-kind-application', {
      serviceId: 'pension-certification',
      idNumber: card.idNumber,
    });
    expect(mine.ok && mine.value.application?.localTrackingNumber).toBe(tracking);
    const other = demoResidents.find((r) => r.idNumber !== card.idNumber)!;
    const theirs = await kiosk.ipc('store:same-kind-application', { serviceId: 'pension-certification', idNumber: other.idNumber });
    expect(theirs.ok ? 'answered' : theirs.error.code).toBe('forbidden');
  });
});
