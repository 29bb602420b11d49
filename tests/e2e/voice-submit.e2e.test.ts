// What a single wrong hearing can do to an application, kept undoable. A 是
// said at the read-back is the one place where a wrong hearing submits, so the
// kiosk answers 好的，马上为您提交。不提交的话，请说“不是” and listens once: silence
// submits, 不是 does not. And 首页 said mid-application, which would throw the
// answers away, is asked about first; a number read back and denied is asked for
// again, and listened for. Through Chromium's fake microphone, the real capture path and the
// station's recognizer; what is submitted is read off the page's own calls to
// the station (store:submit-application), not off the screen.
// Recognition here is PocketSphinx, chosen by name: these clips and espeak phrases were made for
// it and test the dialogue, which is the same whatever the engine; the station's default engine
// (the keyword spotter) hears espeak's voice unevenly (see voice-service and voice-real).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { KioskProcess } from '../support/kiosk-process.js';
import { axeViolations, newKioskPage, screenshot } from '../support/browser.js';
import { kioskWithMicrophone, type FakeMicrophone, type MicrophoneRig } from '../support/fake-microphone.js';
import { recordSpeech } from '../support/read-aloud-check.js';
import { familyIdNumber } from '../support/flow-driver.js';

let rig: MicrophoneRig;
let kiosk: KioskProcess;
let browser: Browser;
let mic: FakeMicrophone;

beforeAll(async () => {
  rig = await kioskWithMicrophone({ config: { speech: { recognition: { engine: 'pocketsphinx' } } } });
  ({ kiosk, mic, browser } = rig);
});

afterAll(async () => {
  await rig?.close();
});

/** Counts the page's store:submit-application calls. */
function countSubmits(page: Page): () => number {
  let n = 0;
  page.on('websocket', (ws) =>
    ws.on('framesent', (f) => {
      if (typeof f.payload === 'string' && f.payload.includes('"store:submit-application"')) n++;
    }),
  );
  return () => n;
}

/** The resident's card in, and `service` opened and started with the buttons. */
async function startService(page: Page, service: string): Promise<void> {
  const cards = await kiosk.control<Record<string, Record<string, unknown>>>('idcard-simulator', 'sampleCards');
  await page.goto(await kiosk.launchUrl());
  await page.waitForSelector('.tile');
  await kiosk.control('idcard-simulator', 'insertCard', cards.wangJie);
  await page.waitForSelector('[data-testid="greeting"]', { timeout: 20_000 });
  await page.locator(`[data-service="${service}"]`).click();
  // These tests file the same service more than once: past 您已经办过 on purpose (issue 19.15).
  await page.locator('[data-action="start"], [data-action="already-continue"]').first().waitFor();
  if (await page.locator('[data-action="already-continue"]').count()) await page.locator('[data-action="already-continue"]').click();
  await page.locator('[data-action="start"]').click();
}

/** 医保缴费 started with the card and the buttons: its first question (给谁交) on screen. */
async function atFirstQuestion(page: Page): Promise<void> {
  await startService(page, 'medical-insurance-payment');
  await page.locator('.question-view[data-field-id="payFor"]').waitFor();
}

/** 医保缴费 for oneself, answered with the buttons, up to the read-back; then 可以 said into the microphone. */
async function sayYesAtReadBack(page: Page, said: string[]): Promise<void> {
  await atFirstQuestion(page);
  await page.locator('[data-option="self"]').click();
  await page.locator('[data-option="qr-phone"]').click();
  await page.locator('[data-testid="summary"]').waitFor();
  // Every microphone open hears 可以 until the window has opened (a first hearing only fairly
  // good is asked about, 我听着像是“是”，对吗？, and the second 可以 answers that).
  mic.say('可以');
  await page.locator('[data-action="mic"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="submit-window"]').waitFor({ timeout: 60_000 });
  await expect.poll(() => said.some((s) => s.includes('好的，马上为您提交')), { timeout: 20_000 }).toBe(true);
}

describe('a submission by voice can be taken back', () => {
  it('可以 at the read-back: the kiosk says it will submit, listens, and on silence submits once', async () => {
    const { page, context } = await newKioskPage(browser);
    const said = recordSpeech(page);
    const submits = countSubmits(page);
    await sayYesAtReadBack(page, said);
    mic.silence(); // the resident says nothing more
    expect(submits()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // The safe answer has the focus: a stray OK press keeps the application unsent.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-answer'))).toBe('not-yet');
    await screenshot(page, 'voice-submit-window');
    await page.waitForSelector('[data-testid="tracking-number"]', { timeout: 40_000 });
    expect(submits()).toBe(1);
    await context.close();
  });

  it('不是 while the window is open: nothing is submitted, and the read-back is back', async () => {
    const { page, context } = await newKioskPage(browser);
    const said = recordSpeech(page);
    const submits = countSubmits(page);
    await sayYesAtReadBack(page, said);
    mic.say('不是');
    await expect.poll(() => said.some((s) => s.includes('好的，先不提交')), { timeout: 30_000 }).toBe(true);
    await page.locator('[data-answer="yes"]').waitFor();
    expect(await page.locator('[data-testid="submit-window"]').count()).toBe(0);
    mic.silence();
    // Longer than the window would have listened: still nothing sent.
    await page.waitForTimeout(10_000);
    expect(submits()).toBe(0);
    expect(await page.locator('[data-testid="tracking-number"]').count()).toBe(0);
    await context.close();
  });
});

describe('answers are not lost to one wrong hearing', () => {
  it('首页 said mid-application is asked about first: 不是 carries on where it was; 首页 said again goes home', async () => {
    const { page, context } = await newKioskPage(browser);
    const said = recordSpeech(page);
    await atFirstQuestion(page);
    const askHome = async () => {
      const before = said.length;
      mic.say('回到首页');
      await page.locator('[data-action="mic"]').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => said.slice(before).some((s) => s.includes('回首页的话，刚才填的就不要了')), { timeout: 30_000 }).toBe(true);
      expect(await page.locator('.question-view[data-field-id="payFor"]').count()).toBe(1);
    };
    await askHome();
    const before = said.length;
    mic.say('不是');
    await expect.poll(() => said.slice(before).some((s) => s.includes('好的，我们接着办') && s.includes('给谁交')), { timeout: 30_000 }).toBe(true);
    expect(await page.locator('.question-view[data-field-id="payFor"]').count()).toBe(1);
    mic.silence();
    await page.waitForTimeout(1_000);
    await askHome();
    // The microphone still says 回到首页: heard again (surely or not), it is taken. (A 是 is taken
    // too; that answer is covered by 我听着像是“养老认证”，对吗？ in voice-turns.)
    await page.waitForSelector('[data-screen="home"]', { timeout: 30_000 });
    mic.silence();
    await context.close();
  });

  it('不是 said to a number read back: the kiosk asks for it again out loud, and listens', async () => {
    const { page, context } = await newKioskPage(browser);
    const said = recordSpeech(page);
    // 医保 for the resident's wife alone: her ID number is keyed, then read back to be checked.
    // (养老认证 takes a family member from their own card, with nothing keyed.)
    await startService(page, 'medical-insurance-payment');
    await page.locator('[data-option="family"]').click();
    await page.locator('.question-view[data-field-kind="count"]').waitFor();
    await page.keyboard.type('1');
    await page.locator('[data-action="confirm-number"]').click();
    await page.locator('[data-option="spouse"]').click();
    await page.locator('.question-view[data-field-kind="id-number"]').waitFor();
    await page.keyboard.type(familyIdNumber());
    await page.locator('[data-action="confirm-number"]').click();
    await page.locator('[data-testid="number-readback"]').waitFor();
    // Said once the read-back has been said to its end, when the kiosk listens for 是 or 不是.
    mic.say('不是');
    const before = said.length;
    await expect.poll(() => said.slice(before).some((s) => s.includes('好的，请您再说一遍')), { timeout: 40_000 }).toBe(true);
    mic.silence();
    expect(await page.locator('[data-testid="number-readback"]').count()).toBe(0);
    // Asked again, it listens for the number by itself: the resident need not find the microphone button.
    await page.locator('[data-testid="listening"]').waitFor({ timeout: 20_000 });
    await context.close();
  });
});
