// The application services end to end in Chromium, keyboard only: a card in the
// simulator, the catalogue-driven flow, the application saved in the encrypted
// store, synced to the reference server (accepted with a receipt number), and the
// printed receipt decoded by the printer emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startKiosk, type KioskProcess } from '../support/kiosk-process.js';
import { takeCardAway } from '../support/card-reader.js';
import { printerJobs } from '../support/printer-jobs.js';
import { launchBrowser, newKioskPage, screenshot } from '../support/browser.js';
import { driveFlow, familyCardOn, familyIdNumber, type Answers } from '../support/flow-driver.js';

interface PrintJob {
  lines: { text: string }[] | string[];
  qr: string[];
  cuts: number;
}

let kiosk: KioskProcess;
let browser: Browser;
let cards: Record<string, Record<string, unknown>>;

beforeAll(async () => {
  kiosk = await startKiosk();
  cards = await kiosk.control('idcard-simulator', 'sampleCards');
  browser = await launchBrowser(['--use-fake-device-for-media-stream']);
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

function jobText(job: unknown): string {
  return JSON.stringify(job);
}

/**
 * The previous test's card is taken out first, as the resident before would have: a card event
 * now ends the identity held before it (resident-identity.e2e), so a card left in the reader and
 * then swapped would end this visit on its way. Waited for at the reader: a fresh page greets
 * nobody whether or not the reader has noticed yet.
 */
async function insertFresh(page: Page, card: unknown): Promise<void> {
  await takeCardAway(kiosk);
  await page.waitForFunction(() => !document.querySelector('[data-testid="greeting"]'));
  await kiosk.control('idcard-simulator', 'insertCard', card);
  await page.waitForSelector('[data-testid="greeting"]', { timeout: 20_000 });
}

async function openWithCard(card: string): Promise<Page> {
  const { page, context } = await newKioskPage(browser);
  // The camera (fake) for document photos; no microphone, so these runs are
  // keyboard-only and the fake device's test tone cannot answer anything.
  await context.grantPermissions(['camera'], { origin: kiosk.origin });
  await page.goto(await kiosk.launchUrl());
  await page.waitForSelector('.tile');
  await insertFresh(page, cards[card]!);
  // A new resident's home screen puts the focus on the first tile once it has greeted them: wait for
  // that, so the test's own focus on a tile is not taken back before it presses Enter.
  await page.waitForFunction(() => document.activeElement?.matches('.tile[data-service]') === true);
  return page;
}

const cases: { service: string; card: string; answers: Answers }[] = [
  // The face check itself runs on real face videos in face.e2e; this camera shows no face, so
  // the family member who cannot come (a home visit) is the path taken here.
  { service: 'pension-certification', card: 'zhangXiuying', answers: { forWhom: 'family', memberPresent: 'no' } },
  // 只给家人, one member: 400 元 for the year.
  { service: 'medical-insurance-payment', card: 'wangJie', answers: { payFor: 'family', memberIdNumber: familyIdNumber('051') } },
  // No phone: 跳过 on the contact number; saved, synced and printed all the same.
  { service: 'elderly-allowance', card: 'zhangXiuying', answers: { alreadyReceiving: 'no', phone: 'skip' } },
  // 重拍 once on the 户口本, and 跳过 on the optional 收入证明.
  { service: 'subsistence-allowance', card: 'wangJie', answers: { householdPhoto: 'retake', incomePhoto: 'skip' } },
];

describe.each(cases)('$service', ({ service, card, answers }) => {
  it('completes by keyboard, stores, syncs, and prints the receipt', async () => {
    await kiosk.control('printer-simulator', 'clearJobs');
    const page = await openWithCard(card);
    await page.locator(`[data-service="${service}"]`).focus();
    await page.keyboard.press('Enter');
    const { screens, axe } = await driveFlow(page, answers, { shotPrefix: service, familyCard: familyCardOn(kiosk, 'bateer', card) });
    expect(screens[0]).toContain(service);
    if (service === 'subsistence-allowance') {
      // 跳过 on 收入证明 went straight on to the phone number, without a photo.
      const i = screens.indexOf('service-subsistence-allowance-income-photo');
      expect(i).toBeGreaterThan(0);
      expect(screens[i + 1]).toBe('service-subsistence-allowance-phone');
    }
    for (const [screen, violations] of Object.entries(axe)) expect(violations, screen).toEqual([]);

    // Saved for good: a tracking number is on screen and on paper.
    const tracking = (await page.innerText('[data-testid="tracking-number"]')).replace(/^.*[：:]\s*/, '');
    expect(tracking.length).toBeGreaterThan(4);
    await page.waitForSelector('[data-testid="print-state"]', { timeout: 20_000 });
    expect(await page.innerText('[data-testid="print-state"]')).toContain('回执打印好了');
    const jobs = await printerJobs<PrintJob>(kiosk, 1);
    const printed = jobText(jobs[0]);
    expect(printed).toContain(tracking);
    expect(printed).toMatch(/\d{4}\*{10}[\dX]{4}/); // masked ID number, never in full
    // The status QR code is the station's `links.status` page for this tracking number (the development default).
    expect(jobs[0]!.qr).toContain(`https://status.example.invalid/xiangyin/track/${tracking}`);

    // The link is up (embedded server): the server accepts it and its receipt number replaces ours.
    const settled = await page
      .waitForSelector('[data-testid="submit-words"][data-status="accepted"], [data-testid="submit-words"][data-status="rejected"]', { timeout: 60_000 })
      .then(() => page.getAttribute('[data-testid="submit-words"]', 'data-status'))
      .catch(async () => `still ${await page.getAttribute('[data-testid="submit-words"]', 'data-status')}; status bar: ${await page.innerText('[data-testid="status-bar"]')}`);
    expect(settled).toBe('accepted');
    expect(await page.innerText('[data-testid="receipt-number"]')).toMatch(/受理号：\S+/);
    await screenshot(page, `${service}-accepted`);
    if (service === 'medical-insurance-payment') {
      // Paid by phone (the first choice): the QR code is the station's payment URL for this
      // order and amount, on screen and on paper, beside the amount and the deadline.
      const pay = new URL((await page.getAttribute('[data-testid="payment-qr"]', 'data-payload'))!);
      expect([pay.protocol, pay.searchParams.get('order'), pay.searchParams.get('amount')]).toEqual(['https:', tracking, '400']);
      expect(await page.innerText('[data-testid="payment-words"]')).toContain('一共要交400元，请在2026年12月31日前交');
      expect(jobs[0]!.qr).toContain(pay.href);
      expect(printed).toContain('应交金额：400元');
      expect(printed).toContain('交费截止：2026年12月31日');
    }
    // Every QR code on paper is a URL a phone can open, and none holds the ID number.
    for (const q of jobs[0]!.qr) {
      expect(new URL(q).protocol).toBe('https:');
      expect(q).not.toContain(String(cards[card]!.idNumber));
    }
    await page.locator('[data-action="finish"]').focus();
    await page.keyboard.press('Enter');

    // Satisfaction: five faces, chosen with the keyboard, stored, then home.
    await page.locator('[data-score="5"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="satisfaction-thanks"]');
    await page.locator('[data-action="satisfaction-done"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-screen="home"]');
    await page.close();
  });
});

describe('医保缴费 paid at the village office', () => {
  it('到村委会交 says what to bring, how much, by when and where, and shows and prints no payment QR code', async () => {
    await kiosk.control('printer-simulator', 'clearJobs');
    const page = await openWithCard('wangJie');
    await page.locator('[data-service="medical-insurance-payment"]').focus();
    await page.keyboard.press('Enter');
    await driveFlow(page, { payFor: 'self', payMethod: 'village-office' }, { shotPrefix: 'medical-village-office' });
    const words = await page.innerText('[data-testid="payment-words"]');
    expect(words).toBe('一共要交400元，请在2026年12月31日前交。请带上身份证和400元现金，到村委会交，不用扫码。');
    expect(await page.locator('[data-testid="payment-qr"]').count()).toBe(0);
    expect(await page.innerText('main')).not.toMatch(/扫屏幕上的二维码|扫下面的二维码/);
    await page.waitForSelector('[data-testid="print-state"]', { timeout: 20_000 });
    await screenshot(page, 'medical-village-office-submitted');
    const jobs = await printerJobs<PrintJob>(kiosk, 1);
    const printed = jobText(jobs[0]);
    expect(printed).toContain('应交金额：400元');
    expect(printed).toContain('到村委会交');
    // Only the status QR code: nothing to pay by scanning.
    expect(jobs[0]!.qr).toHaveLength(1);
    expect(new URL(jobs[0]!.qr[0]!).pathname).toMatch(/\/track\//);
    await page.close();
  });
});

describe('a camera slow to start', () => {
  it('拍照 pressed before the camera runs is kept: the picture is taken once it does', async () => {
    const { page, context } = await newKioskPage(browser);
    await context.grantPermissions(['camera'], { origin: kiosk.origin });
    // The camera answers 6 s late, as a cold USB camera can (long enough that the test's own checks
    // on the new screen, axe and a screenshot, finish before it does).
    await page.addInitScript(() => {
      const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = (c) => (c?.video ? new Promise((r) => setTimeout(r, 6000)).then(() => open(c)) : open(c));
    });
    await page.goto(await kiosk.launchUrl());
    await page.waitForSelector('.tile');
    await insertFresh(page, cards.wangJie!);
    await page.waitForFunction(() => document.activeElement?.matches('.tile[data-service]') === true);
    // A document photo (the face is taken by the liveness check, face.e2e).
    await page.locator('[data-service="subsistence-allowance"]').focus();
    await page.keyboard.press('Enter');
    const { screens } = await driveFlow(page, { householdPhoto: 'early', incomePhoto: 'skip' }, { shotPrefix: 'slow-camera' });
    expect(screens).toContain('service-subsistence-allowance-household-photo');
    expect(await page.locator('[data-testid="tracking-number"]').count()).toBe(1);
    await page.close();
  });
});
