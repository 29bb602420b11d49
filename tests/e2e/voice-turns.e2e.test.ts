// When the kiosk listens by itself, through the real capture path (Chromium's
// fake microphone, AudioWorklet, the station's recognizer): after the question
// asked again in other words, and while the 您还在吗 warning counts down. A
// resident who only speaks must never have to find the microphone button to
// carry on. The idle time is short (15 s) so the warning comes within the test.
// Recognition here is PocketSphinx, chosen by name: these clips and espeak phrases were made for
// it and test the dialogue, which is the same whatever the engine; the station's default engine
// (the keyword spotter) hears espeak's voice unevenly (see voice-service and voice-real).
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { repoRoot, startKiosk, type KioskProcess } from '../support/kiosk-process.js';
import { axeViolations, launchBrowser, newKioskPage, screenshot } from '../support/browser.js';
import { arrowGraph, unreachable } from '../support/dpad-reach.js';
import { FakeMicrophone } from '../support/fake-microphone.js';
import { recordSpeech } from '../support/read-aloud-check.js';

const CLIP = path.join(repoRoot, 'tests/fixtures/speech/e2e/home-subsistence-allowance.wav'); // says 低保申请
// 我想要资格认证 in a voice and noise the fixtures do not use (a held-out clip, kept, slowed 5 % so it
// sits mid-band): the station hears it as 养老认证, but only fairly well (0.55-0.58 through the
// microphone, in the ask-again band 0.5-0.62), so the kiosk asks.
const UNSURE = path.join(repoRoot, 'tests/fixtures/speech/e2e/home-pension-unsure.wav');

let kiosk: KioskProcess;
let mic: FakeMicrophone;

// The kiosk and its microphone only: each test starts its own Chromium (below), so no shared one idles beside them.
beforeAll(async () => {
  kiosk = await startKiosk({ config: { ui: { idleSeconds: 15, warningSeconds: 45 }, speech: { recognition: { engine: 'pocketsphinx' } } } });
  mic = new FakeMicrophone();
});

afterAll(async () => {
  await kiosk?.stop();
  mic?.dispose();
});

// Each test its own Chromium: the fake microphone is a device of the browser, and a capture one
// test left open (a screen that listened on, a test that failed half-way) was heard by the next
// (a fresh-clone run heard the previous test's 低保申请 after 是).
let testBrowser: Browser | undefined;
async function freshPage() {
  testBrowser = await launchBrowser(mic.chromiumFlags());
  return newKioskPage(testBrowser);
}
afterEach(async () => {
  await testBrowser?.close();
  testBrowser = undefined;
});

describe('listening by itself', () => {
  it('after a miss, asks again in other words and listens for the answer without a press', async () => {
    const { page, context } = await freshPage();
    await atHome(page);
    const listening = page.locator('[data-testid="listening"]');
    mic.say('今天天气很好'); // not a service: the kiosk cannot act on it
    await pressMic(page);
    await listening.waitFor();
    await listening.waitFor({ state: 'detached', timeout: 25_000 });
    expect(await page.locator('[data-screen="home"]').count()).toBe(1);
    mic.play(CLIP); // what the resident says once asked again
    // Nothing is pressed from here on.
    await page.waitForSelector('[data-screen="identify-card"]', { timeout: 60_000 });
    expect(await page.innerText('h1')).toContain('最低生活保障');
    mic.silence();
    await context.close();
  });

  it('我听着像是“养老认证”，对吗？ — 是 opens it', { timeout: 240_000 }, async () => {
    const { page, context } = await freshPage();
    // Said before the kiosk opens the microphone again, once the question has been said. (Not 对:
    // espeak's 对 comes out as 主页 to this model, at 0.67-0.85, through the microphone.)
    // A fresh-clone run on a busy machine once opened 低保 after 是 (what was heard is not logged):
    // another service opened is a mishearing of the answer, tried again as a missed one is, and said.
    await answerAskedAboutPension(page, '是', async () => {
      if (!(await page.waitForSelector('[data-screen="identify-card"]', { timeout: 30_000 }).then(() => true, () => false))) return false;
      const opened = await page.innerText('h1');
      if (!opened.includes('养老')) console.log(`是 to 对吗？ opened ${opened} instead: heard as another command, trying again`);
      return opened.includes('养老');
    });
    expect(await page.innerText('h1')).toContain('养老');
    mic.silence();
    await context.close();
  });

  it('我听着像是“养老认证”，对吗？ — 不是 drops the guess, and the kiosk asks once more and listens', { timeout: 240_000 }, async () => {
    const { page, context } = await freshPage();
    const said = await answerAskedAboutPension(page, '不是', async (heard) =>
      expect.poll(() => heard.some((s) => s.includes('好的，那请您再说一遍')), { timeout: 30_000 }).toBe(true).then(() => true, () => false),
    );
    mic.play(CLIP);
    await page.waitForSelector('[data-screen="identify-card"]', { timeout: 30_000 });
    expect(await page.innerText('h1')).toContain('最低生活保障');
    // Not a miss: nothing was said about not hearing, and the desk was not called.
    expect(said.some((s) => s.includes('没听清'))).toBe(false);
    mic.silence();
    await context.close();
  });

  it('啊… before the answer: the kiosk listens on without a word, and the words after it are heard', async () => {
    const { page, context } = await freshPage();
    const said = recordSpeech(page);
    await atHome(page);
    // 啊, a pause, 低保申请. (Espeak's 啊 is heard as a hesitation here; its 嗯 and 呃 were now and
    // then forced onto 人工 or 高龄 surely enough to act on: bench:speech counts such clips.)
    mic.sayThenPlay('啊', 1.5, CLIP);
    await pressMic(page);
    const asked = said.length;
    await page.waitForSelector('[data-screen="identify-card"]', { timeout: 30_000 });
    expect(await page.innerText('h1')).toContain('最低生活保障');
    // Between the 啊 and the answer the kiosk said nothing: no 没听清, no question again, no call for help.
    // (The card screen the answer opened asks for the card, and says so: that is after the answer.)
    expect(said.slice(asked).filter((s) => !s.includes('低保') && !s.startsWith('请把您的身份证放在读卡器上'))).toEqual([]);
    mic.silence();
    await context.close();
  });

  it('啊 and then silence: the 啊 was the answer — the kiosk says it did not catch it and listens again, without a press', async () => {
    const { page, context } = await freshPage();
    const said = recordSpeech(page);
    await atHome(page);
    // Stands for a short answer taken for a hesitation (real 人工 and 回首页 were, in the eval):
    // the resident has spoken and waits. Silence after it is not the resident leaving.
    mic.say('啊');
    await pressMic(page);
    await expect.poll(() => said.some((s) => s.includes('我没听清')), { timeout: 30_000 }).toBe(true);
    mic.play(CLIP); // the resident, asked again, answers; nothing is pressed
    await page.waitForSelector('[data-screen="identify-card"]', { timeout: 30_000 });
    expect(await page.innerText('h1')).toContain('最低生活保障');
    mic.silence();
    await context.close();
  });

  it('answers 您还在吗 by voice: 我要继续 keeps the resident where they were, and the screen asks again', async () => {
    const { page, context } = await freshPage();
    const said = recordSpeech(page);
    // The resident answers after a while (12 s of room first), so that the warning can be looked at
    // before it is answered: answered at once, it closed while this test still walked its controls.
    mic.say('我要继续', { leadS: 12 });
    const dialog = await idleWarning(page);
    await expect.poll(() => said.some((s) => s.includes('您还在吗') && s.includes('就说“我要继续”'))).toBe(true);
    // The countdown waits until the warning has been said: the seconds are the resident's to answer in.
    expect(await dialog.innerText()).toContain('45 秒后');
    await dialog.locator('[data-testid="listening"]').waitFor({ timeout: 30_000 });
    await screenshot(page, 'idle-warning-listening');
    // The warning itself, as every screen is checked: axe, the D-pad (focus inside, nothing out of
    // reach), and every word of it said aloud (punctuation aside).
    expect(await axeViolations(page)).toEqual([]);
    const g = await arrowGraph(page);
    expect(g.start).toBeGreaterThanOrEqual(0);
    expect(unreachable(g)).toEqual([]);
    const shown = (await dialog.locator('.dialog-title, .dialog-text').allInnerTexts()).join('。').match(/\p{Script=Han}+/gu) ?? [];
    const spoken = said.join('').replace(/[^\p{Script=Han}]/gu, '');
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.filter((w) => !spoken.includes(w))).toEqual([]);
    // Then the resident answers: heard in a later turn of listening (the kiosk listens again after silence).
    const asked = said.length;
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
    mic.silence();
    // Still the same resident, on the same screen.
    expect(await page.locator('[data-testid="greeting"]').count()).toBe(1);
    // Where were we? The screen says its question again, and listens after it.
    await page.locator('[data-testid="listening"]').waitFor({ timeout: 20_000 });
    expect(said.slice(asked).join('')).toContain('您要办什么事');
    expect(await dialog.count()).toBe(0);
    await context.close();
  });

  it('继续 pressed while the warning is still being said: the question is said in full, and only then listened for', async () => {
    const { page, context } = await freshPage();
    const said = recordSpeech(page);
    const dialog = await idleWarning(page);
    await watchOverlap(page);
    await untilPromptPlays(page);
    const asked = said.length;
    const mark = (await timeline(page)).length;
    await dialog.getByRole('button', { name: '继续' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The resident answers the question once it has been asked; nobody presses the microphone.
    mic.play(CLIP);
    await page.locator('[data-testid="listening"]').waitFor({ timeout: 30_000 });
    await heardThenListened(page, mark);
    expect(said.slice(asked).join('')).toContain('您要办什么事');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('最低生活保障'), null, { timeout: 60_000 });
    mic.silence();
    await context.close();
  });

  it('a button pressed while the question is being read: the next question is read in full, and only then listened for', async () => {
    const { page, context } = await freshPage();
    await insertCardAtHome(page);
    await watchOverlap(page);
    await page.locator('[data-service="medical-insurance-payment"]').click();
    // The service's first page is being read; the resident does not wait for the end.
    await page.locator('[data-action="start"]').waitFor();
    await untilPromptPlays(page);
    const mark = (await timeline(page)).length;
    await page.locator('[data-action="start"]').click();
    await page.locator('.question-view[data-field-id="payFor"]').waitFor();
    await page.locator('[data-testid="listening"]').waitFor({ timeout: 30_000 });
    await heardThenListened(page, mark);
    await context.close();
  });

  it('the Voice key goes to the warning while it shows, and back to the screen once it is gone', async () => {
    const { page, context } = await freshPage();
    const dialog = await idleWarning(page);
    // Held down while the warning is being said: the warning stops and listens.
    mic.say('我要继续');
    await page.keyboard.down('F1');
    await dialog.locator('[data-testid="listening"]').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(4_000);
    await page.keyboard.up('F1');
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    mic.silence();
    // The screen asks again and listens by itself; once that turn is over, the Voice key is the screen's again.
    const listening = page.locator('[data-testid="listening"]');
    await listening.waitFor({ timeout: 20_000 });
    await page.keyboard.down('F1');
    await page.keyboard.up('F1');
    await listening.waitFor({ state: 'detached', timeout: 15_000 });
    await page.keyboard.down('F1');
    await listening.waitFor({ timeout: 5_000 });
    await page.keyboard.up('F1');
    expect(await dialog.count()).toBe(0);
    await context.close();
  });
});

/** A fresh home screen, its service tiles shown. */
async function atHome(page: Page): Promise<void> {
  await page.goto(await kiosk.launchUrl());
  await page.waitForSelector('.tile');
}

/** The big microphone button pressed with the keyboard (focus, OK), as a resident would. */
async function pressMic(page: Page): Promise<void> {
  await page.locator('[data-action="mic"]').focus();
  await page.keyboard.press('Enter');
}

/** At home, the microphone pressed and UNSURE said: the kiosk asks about it. Returns what the page has had spoken. */
async function askedAboutPension(page: Page): Promise<string[]> {
  const said = recordSpeech(page);
  await atHome(page);
  mic.play(UNSURE);
  await pressMic(page);
  await expect.poll(() => said.some((s) => s.includes('我听着像是“养老认证”，对吗？')), { timeout: 30_000 }).toBe(true);
  return said;
}

/**
 * Gets the kiosk to ask 我听着像是“养老认证”，对吗？ and answers `answer` until `answered` sees what that answer
 * leads to. Recognition is the weak part here (espeak's voice through PocketSphinx and the browser's
 * gain, which varies run to run; a fresh-clone run once missed a 是 this way), and a missed answer
 * rightly starts over (confirm-again.ts): so, as a resident would, the whole exchange is tried again,
 * at most three times. Returns what the page had spoken in the exchange that was answered.
 */
async function answerAskedAboutPension(page: Page, answer: string, answered: (said: string[]) => Promise<boolean>): Promise<string[]> {
  const log: string[] = [];
  for (let tries = 1; tries <= 3; tries++) {
    const said = await askedAboutPension(page);
    mic.say(answer);
    if (await answered(said)) {
      console.log(`${answer} to 对吗？ taken after ${tries} tries`);
      return said;
    }
    log.push(said.slice(-3).join(' | '));
    mic.silence();
  }
  throw new Error(`${answer} to 我听着像是“养老认证”，对吗？ was not taken three times; the kiosk said: ${log.join(' || ')}`);
}

/** From now on, notes each change of whether a prompt plays and whether the kiosk listens (see heardThenListened()). */
async function watchOverlap(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { overlap: boolean; timeline: string[] };
    w.overlap = false;
    w.timeline = [];
    let was = '';
    const check = () => {
      const playing = document.querySelector('[data-nav="read-aloud"]')?.getAttribute('aria-pressed') === 'true';
      const listening = document.querySelector('[data-testid="listening"]') !== null;
      const now = `${playing ? 'playing' : 'quiet'}|${listening ? 'listening' : 'idle'}`;
      if (now === was) return;
      for (const part of now.split('|')) if (!was.includes(part)) w.timeline.push(part);
      was = now;
      if (playing && listening) w.overlap = true;
    };
    check();
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

const overlapped = (page: Page) => page.evaluate(() => (window as unknown as { overlap: boolean }).overlap);
const timeline = (page: Page) => page.evaluate(() => [...(window as unknown as { timeline: string[] }).timeline]);

/**
 * Since `mark` (a timeline length): the kiosk first listened only once a prompt had played to its
 * end (the prompt cannot be checked to be the right one here; the callers check what was said).
 */
async function heardThenListened(page: Page, mark: number): Promise<void> {
  const t = (await timeline(page)).slice(mark);
  const listen = t.indexOf('listening');
  expect(listen).toBeGreaterThan(0);
  expect(t.slice(0, listen)).toContain('playing');
  expect(t.slice(0, listen).lastIndexOf('quiet')).toBeGreaterThan(t.slice(0, listen).lastIndexOf('playing'));
  expect(await overlapped(page)).toBe(false);
}

/** Until a prompt is playing (the 朗读 button shows it as pressed). */
const untilPromptPlays = (page: Page) => page.waitForFunction(() => document.querySelector('[data-nav="read-aloud"]')?.getAttribute('aria-pressed') === 'true');

/** A resident puts their card in at home and then touches nothing: after the station's idle time, the 您还在吗 warning. */
async function idleWarning(page: Page): Promise<Locator> {
  await insertCardAtHome(page);
  const dialog = page.locator('[role="alertdialog"]');
  await dialog.waitFor({ timeout: 40_000 });
  return dialog;
}

/** A resident puts their card in at the home screen: the screen now holds personal data, so the idle guard runs. */
async function insertCardAtHome(page: Page): Promise<void> {
  await atHome(page);
  const cards = await kiosk.control<Record<string, Record<string, unknown>>>('idcard-simulator', 'sampleCards');
  await kiosk.control('idcard-simulator', 'insertCard', cards.wangJie);
  await page.waitForSelector('[data-testid="greeting"]', { timeout: 20_000 });
}
