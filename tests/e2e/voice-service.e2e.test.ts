// A whole service by voice: the resident inserts a card and from then on only
// speaks — the service's name at home, 开始办理 at the intro, the answers to the
// questions, 可以 at the read-back — through Chromium's fake microphone, the real
// capture path and the station's recognizer, and the application is saved with a
// tracking number. The kiosk listens by itself after each question; where it did
// not understand, the test presses the microphone and says it again, as a
// resident would, and at most three times per screen. How many tries each screen
// took is printed: recognition is the weak part (see bench:speech).
//
// Opt-in (XIANGYIN_VOICE_JOURNEY=1) because it does not pass today: with the
// 8 kHz PocketSphinx model and espeak's voice the home command and the answers
// are heard, but the intro's 开始办理 was rejected three times in a row (the
// confirm step's yes needs 0.7 confidence; offline, 可以 scores 0.49 on this voice).
// It is kept ready for a better engine (Vosk) rather than tuned until it passes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startKiosk, type KioskProcess } from '../support/kiosk-process.js';
import { axeViolations, launchBrowser, newKioskPage, screenshot } from '../support/browser.js';
import { FakeMicrophone } from '../support/fake-microphone.js';

const enabled = process.env.XIANGYIN_VOICE_JOURNEY === '1';
if (!enabled) console.log('voice-service e2e skipped: set XIANGYIN_VOICE_JOURNEY=1 (it fails at the intro on PocketSphinx today; see the file header)');

let kiosk: KioskProcess;
let browser: Browser;
let mic: FakeMicrophone;

beforeAll(async () => {
  if (!enabled) return;
  kiosk = await startKiosk();
  mic = new FakeMicrophone();
  browser = await launchBrowser(mic.chromiumFlags());
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
  mic?.dispose();
});

/** Which screen, and which question on it: changes exactly when the kiosk moves on. */
const where = (p: Page) =>
  p.evaluate(() => `${document.querySelector('[data-screen]')?.getAttribute('data-screen')}|${document.querySelector('.question-view')?.getAttribute('data-field-id') ?? ''}|${document.querySelector('[data-testid="summary"]') ? 'summary' : ''}`);

/** Whether the kiosk leaves `here` within `ms` (an accepted answer moves on at once). */
async function movedFrom(p: Page, here: string, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await p.waitForTimeout(100)) if ((await where(p)) !== here) return true;
  return (await where(p)) !== here;
}

/**
 * Says `phrase` on the current screen until the kiosk moves on. The phrase is in
 * the microphone before the kiosk opens it (the screen has only just appeared and
 * is still reading its question aloud).
 */
async function answer(p: Page, phrase: string): Promise<number> {
  const here = await where(p);
  mic.say(phrase);
  for (let attempt = 1; attempt <= 3; attempt++) {
    const listening = p.locator('[data-testid="listening"]');
    // Hands-free: the kiosk listens once the question has been read out.
    const byItself = attempt === 1 && (await listening.waitFor({ timeout: 15_000 }).then(() => true, () => false));
    if (!byItself) {
      await p.locator('[data-action="mic"]').focus();
      await p.keyboard.press('Enter');
      await listening.waitFor({ timeout: 5_000 });
    }
    await listening.waitFor({ state: 'detached', timeout: 25_000 });
    const movedOn = await movedFrom(p, here, 3_000);
    if (movedOn) {
      mic.silence(); // nothing more is said until the next question is known
      return attempt;
    }
  }
  throw new Error(`the kiosk did not understand 「${phrase}」 three times at ${here}`);
}

describe.skipIf(!enabled)('a whole service by voice', () => {
  it('医保缴费 for oneself: every answer spoken, saved with a tracking number', async () => {
    const cards = await kiosk.control<Record<string, Record<string, unknown>>>('idcard-simulator', 'sampleCards');
    const { page, context } = await newKioskPage(browser);
    await page.goto(kiosk.url);
    await page.waitForSelector('.tile');
    await kiosk.control('idcard-simulator', 'insertCard', cards.wangJie);
    await page.waitForSelector('[data-testid="greeting"]', { timeout: 20_000 });

    const tries: Record<string, number> = {};
    tries['home: 医保缴费'] = await answer(page, '医保缴费');
    await page.waitForSelector('[data-action="start"]');
    tries['intro: 开始办理'] = await answer(page, '开始办理');
    await page.waitForSelector('.question-view[data-field-id="payFor"]');
    tries['给谁交: 只给自己'] = await answer(page, '只给自己');
    await page.waitForSelector('.question-view[data-field-id="payMethod"]');
    tries['怎么交钱: 到村委会交'] = await answer(page, '到村委会交');
    await page.waitForSelector('[data-testid="summary"]');
    expect(await page.locator('[data-testid="summary"]').innerText()).toContain('只给自己');
    await screenshot(page, 'voice-service-summary');
    tries['read-back: 可以'] = await answer(page, '可以');

    await page.waitForSelector('[data-testid="tracking-number"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="tracking-number"]').innerText()).toMatch(/\S{6,}/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'voice-service-submitted');
    console.log(`tries per screen: ${JSON.stringify(tries)}`);
    await context.close();
  }, 240_000);
});
