// The TV at home: 16:9 with overscan-safe margins, only the five home services,
// no card reader — the resident keys the ID number, hears it read back, and it
// is checked before use. Arrow keys, Enter and Back only.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { KioskProcess } from '../support/kiosk-process.js';
import { TV_BOX_CONFIG, openKiosk, type OpenKiosk } from '../support/open-kiosk.js';
import { axeViolations, focused, screenshot } from '../support/browser.js';
import { driveFlow } from '../support/flow-driver.js';
import { enterTvCode } from '../support/tv-code.js';

let kiosk: KioskProcess;
let page: Page;
let opened: OpenKiosk | undefined;

beforeAll(async () => {
  opened = await openKiosk({ config: TV_BOX_CONFIG });
  ({ kiosk, page } = opened);
});

afterAll(() => opened?.close());

it('offers the five home services inside the overscan-safe area', async () => {
  const services = await page.$$eval('.tile', (els) => els.map((e) => e.getAttribute('data-service')));
  expect(services.sort()).toEqual(['application-status', 'medical-insurance-payment', 'pension-certification', 'policy-qa', 'social-insurance-query']);
  const inset = await page.evaluate(() => {
    const r = document.querySelector('.screen')!.getBoundingClientRect();
    const pad = parseFloat(getComputedStyle(document.querySelector('.screen')!).paddingLeft);
    const tiles = [...document.querySelectorAll('.tile')].map((t) => t.getBoundingClientRect());
    return { pad, width: r.width, minLeft: Math.min(...tiles.map((t) => t.left)), maxRight: Math.max(...tiles.map((t) => t.right)) };
  });
  expect(inset.pad).toBeGreaterThanOrEqual(0.05 * inset.width - 1);
  expect(inset.minLeft).toBeGreaterThanOrEqual(0.05 * 1920 - 1);
  expect(inset.maxRight).toBeLessThanOrEqual(0.95 * 1920 + 1);
  const body = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.lead')!).fontSize));
  expect(body).toBeGreaterThanOrEqual(40); // sized for 3 metres
  expect(await page.locator('[data-nav="specialist"]').count()).toBe(0); // no specialist desk at home
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, 'tv-home');
});

it('on a box that gives its browser 1280×720, shows the same screen zoomed to it: everything keeps its share of the screen', async () => {
  // Title and first tile: height, top and width as fractions of the screen.
  const shares = () =>
    page.evaluate(() => {
      const [w, h] = [window.innerWidth, window.innerHeight];
      const title = document.querySelector('.screen-title')!.getBoundingClientRect();
      const tile = document.querySelector('.tile')!.getBoundingClientRect();
      return [title.height / h, tile.height / h, tile.top / h, tile.left / w, tile.width / w];
    });
  const at1080 = await shares();
  await page.setViewportSize({ width: 1280, height: 720 });
  try {
    const same = async () => (await shares()).every((x, i) => Math.abs(x - at1080[i]!) < 0.005);
    await expect.poll(same, { message: `shares at 1280×720 ≠ at 1920×1080 ${JSON.stringify(at1080)}`, timeout: 30_000 }).toBe(true);
    await screenshot(page, 'tv-home-1280x720');
  } finally {
    await page.setViewportSize({ width: 1920, height: 1080 });
  }
});

it('keys the ID number with read-back and completes 养老资格认证 for oneself with the D-pad', async () => {
  expect((await focused(page)).service).toBe('pension-certification');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-screen="identify-keyed"]');
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, 'tv-identify');
  // A wrong check digit is refused in plain words.
  await page.keyboard.type('110101194303050021');
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="id-display"] + p + [role="alert"], [role="alert"]').first().waitFor();
  expect(await page.innerText('[role="alert"]')).toContain('校验');
  for (let i = 0; i < 18; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('110101194303050028');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="id-readback"]');
  expect(await page.innerText('[data-testid="id-readback"]')).toBe('110101 19430305 0028');
  await page.keyboard.press('Enter'); // 是, focused
  await enterTvCode(page, kiosk, { onCodeScreen: async () => void (await screenshot(page, 'tv-identify-code')) });
  // No camera on this box: the face check says so kindly and the specialist confirms by phone or visit.
  const { screens } = await driveFlow(page, { facePhoto: 'fallback' }, { shotPrefix: 'tv-pension' });
  expect(screens).toContain('service-pension-certification-self-face');
  expect(await page.innerText('[data-testid="submit-words"]')).toMatch(/已保存|回执|受理/);
});
