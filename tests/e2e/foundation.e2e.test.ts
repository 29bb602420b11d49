// The foundation journey in real Chromium through the real web host: home → a
// tile → back with the keyboard only, the text-size switch, the inactivity guard
// (warned, extended, then timed out), read-aloud, and axe on every screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startKiosk, type KioskProcess } from '../support/kiosk-process.js';
import { axeViolations, focused, launchBrowser, newKioskPage, screenshot, untilCountdownRuns } from '../support/browser.js';
import { recordSpeech } from '../support/read-aloud-check.js';

let kiosk: KioskProcess;
let browser: Browser;
let page: Page;
/** What the page asked the station to say, in order. */
let said: string[];

beforeAll(async () => {
  kiosk = await startKiosk();
  browser = await launchBrowser();
  ({ page } = await newKioskPage(browser));
  said = recordSpeech(page);
  await page.clock.install();
  await page.goto(await kiosk.launchUrl());
  await page.waitForSelector('.tile');
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

async function waitForFocus(pred: (f: Awaited<ReturnType<typeof focused>>) => boolean): Promise<Awaited<ReturnType<typeof focused>>> {
  for (let i = 0; i < 50; i++) {
    const f = await focused(page);
    if (pred(f)) return f;
    await page.clock.runFor(100);
    await page.waitForTimeout(20);
  }
  return focused(page);
}

describe('home screen', () => {
  it('shows the service tiles with focus on the first, and passes axe', async () => {
    expect(await page.locator('.tile').count()).toBe(8);
    const f = await waitForFocus((x) => x.service !== null);
    expect(f.service).toBe('pension-certification');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'home');
  });

  it('keeps no launch code in the address bar, and its code is dead', async () => {
    expect(page.url()).not.toContain('launch=');
    // The page got its session; opening the same one-time URL again elsewhere gets nothing.
    const url = await kiosk.launchUrl();
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(303);
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(403);
  });

  it('tells a browser that opened the bare URL, without a launch code, what to do', async () => {
    const { context, page: bare } = await newKioskPage(browser);
    await bare.goto(`${kiosk.origin}/`);
    await bare.locator('.fatal').waitFor();
    expect(await bare.locator('.fatal').textContent()).toContain('无法连接本机服务');
    await context.close();
  });

  it('meets the size rules: body ≥ 32 px, headings ≥ 48 px, targets ≥ 96 px with ≥ 16 px gaps', async () => {
    const m = await page.evaluate(() => {
      const px = (el: Element | null) => parseFloat(getComputedStyle(el!).fontSize);
      const lh = (el: Element | null) => parseFloat(getComputedStyle(el!).lineHeight) / px(el);
      const tiles = [...document.querySelectorAll('.tile')].map((t) => t.getBoundingClientRect());
      const buttons = [...document.querySelectorAll('button')].filter((b) => b.getBoundingClientRect().width > 0).map((b) => b.getBoundingClientRect());
      return {
        body: px(document.querySelector('.lead')),
        bodyLineHeight: lh(document.querySelector('.lead')),
        h1: px(document.querySelector('h1')),
        minW: Math.min(...buttons.map((r) => r.width)),
        minH: Math.min(...buttons.map((r) => r.height)),
        gapX: tiles[1]!.left - tiles[0]!.right,
        gapY: tiles[4]!.top - tiles[0]!.bottom,
        ring: parseFloat(getComputedStyle(document.activeElement!).outlineWidth),
      };
    });
    expect(m.body).toBeGreaterThanOrEqual(32);
    expect(m.bodyLineHeight).toBeGreaterThanOrEqual(1.5);
    expect(m.h1).toBeGreaterThanOrEqual(48);
    expect(m.minW).toBeGreaterThanOrEqual(96);
    expect(m.minH).toBeGreaterThanOrEqual(96);
    expect(m.gapX).toBeGreaterThanOrEqual(16);
    expect(m.gapY).toBeGreaterThanOrEqual(16);
    expect(m.ring).toBeGreaterThanOrEqual(4);
  });
});

describe('keyboard-only journey', () => {
  it('moves spatially: right, then down to the tile below', async () => {
    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).service).toBe('social-insurance-query');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).service).toBe('application-status');
    await page.keyboard.press('ArrowLeft');
    expect((await focused(page)).service).toBe('subsistence-allowance');
    await page.keyboard.press('ArrowUp');
    expect((await focused(page)).service).toBe('pension-certification');
  });

  it('opens a tile with Enter and comes back with Escape', async () => {
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-screen="service-social-insurance-query"]');
    await waitForFocus((f) => f.tag === 'BUTTON');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'service-social-insurance-query');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-screen="home"]');
  });

  it('treats Backspace and the TV Back codes 461 and 10009 as Back', async () => {
    for (const back of ['Backspace', 461, 10009] as const) {
      await page.locator('[data-service="certificate-print"]').focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-screen="service-certificate-print"]');
      if (typeof back === 'string') await page.keyboard.press(back);
      else await page.evaluate((code) => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Unidentified', keyCode: code } as KeyboardEventInit)), back);
      await page.waitForSelector('[data-screen="home"]');
    }
  });

  it('reaches 返回 and 首页 with arrows and uses them with Enter', async () => {
    await page.locator('[data-service="policy-qa"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-screen="service-policy-qa"]');
    await waitForFocus((f) => f.tag === 'BUTTON');
    // Walk up and left until 首页 is focused: spatial movement must get there.
    for (let i = 0; i < 6 && (await focused(page)).nav !== 'home'; i++) {
      await page.keyboard.press('ArrowUp');
      if ((await focused(page)).nav !== 'home') await page.keyboard.press('ArrowLeft');
      if ((await focused(page)).nav === 'back') await page.keyboard.press('ArrowRight');
    }
    expect((await focused(page)).nav).toBe('home');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-screen="home"]');
  });
});

describe('text size', () => {
  it('switches 标准 → 大 → 特大 and back, growing the text', async () => {
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.lead')!).fontSize));
    expect(await size()).toBe(32);
    await page.locator('button[data-text-size="large"]').click();
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('large');
    expect(await size()).toBe(40);
    await page.locator('button[data-text-size="xlarge"]').click();
    expect(await size()).toBe(48);
    expect(await page.locator('button[data-text-size="xlarge"]').getAttribute('aria-pressed')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'home-text-xlarge');
    await page.locator('button[data-text-size="standard"]').click();
    expect(await size()).toBe(32);
  });
});

describe('inactivity guard', () => {
  it('warns after 60 s idle, aloud and on screen, and 继续 extends', async () => {
    await page.locator('[data-service="medical-insurance-payment"]').click();
    // Without a card, the service first asks for one: a screen of the resident's session, and says so.
    await page.waitForSelector('[data-screen="identify-card"]');
    await expect.poll(() => said.some((l) => l.startsWith('请把您的身份证放在读卡器上')), { timeout: 15_000 }).toBe(true);
    await page.clock.runFor(59_000);
    expect(await page.locator('[role="alertdialog"]').count()).toBe(0);
    await page.clock.runFor(2_000);
    const dialog = page.locator('[role="alertdialog"]');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('20 秒后');
    // The seconds are the resident's to answer in: they run once the warning has been said, or
    // after 30 s if playing it never ends.
    await page.clock.runFor(3_000);
    expect(await dialog.innerText()).toContain('20 秒后');
    await untilCountdownRuns(page);
    const left = Number(/(\d+) 秒后/.exec(await dialog.innerText())?.[1]);
    await page.clock.runFor(3_000);
    expect(await dialog.innerText()).toContain(`${left - 3} 秒后`);
    // The warning is spoken: the read-aloud control reports playback or the prompt was rendered.
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'inactivity-warning');
    // Focus is trapped on 继续; Enter extends and the resident stays where they were.
    expect((await focused(page)).text).toBe('继续');
    await page.keyboard.press('ArrowLeft');
    expect((await focused(page)).text).toBe('继续');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('[data-screen="identify-card"]').count()).toBe(1);
  });

  it('Back during the warning extends too, and stays on the screen instead of leaving it', async () => {
    expect(await page.locator('[data-screen="identify-card"]').count()).toBe(1);
    await page.clock.runFor(61_000);
    const dialog = page.locator('[role="alertdialog"]');
    await dialog.waitFor();
    await page.keyboard.press('Backspace');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('[data-screen="identify-card"]').count()).toBe(1);
    // The clock starts again from zero: no warning until another minute has passed.
    await page.clock.runFor(30_000);
    expect(await dialog.count()).toBe(0);
  });

  it('counts speech as presence: a resident who only talks is not warned while talking', async () => {
    expect(await page.locator('[data-screen="identify-card"]').count()).toBe(1);
    await page.keyboard.press('Shift'); // start the clock from zero
    await page.clock.runFor(50_000);
    // What VoiceSession sends when the station heard words (renderer/src/session/resident-activity.ts);
    // the microphone path to it is driven in the voice e2es.
    await page.evaluate(() => window.dispatchEvent(new Event('xiangyin:resident-activity')));
    await page.clock.runFor(50_000);
    const dialog = page.locator('[role="alertdialog"]');
    expect(await dialog.count()).toBe(0);
    // And still warns once the talking stops.
    await page.clock.runFor(12_000);
    await dialog.waitFor();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
  });

  it('clears the session and returns home when the countdown runs out', async () => {
    await page.locator('button[data-text-size="xlarge"]').click();
    await page.clock.runFor(61_000);
    await page.locator('[role="alertdialog"]').waitFor();
    await untilCountdownRuns(page);
    await page.clock.runFor(21_000);
    await page.waitForSelector('[data-screen="home"]');
    expect(await page.locator('[role="alertdialog"]').count()).toBe(0);
    // The next resident starts with the station's default text size.
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('standard');
    // And the one who walked away (or turns back) hears that their data is gone.
    await expect.poll(() => said.at(-1), { timeout: 15_000 }).toBe('您的信息已清除。');
  });

  it('a card left on the reader when the countdown runs out is asked for, after 已清除', async () => {
    await kiosk.control('idcard-simulator', 'insertCard', 'zhangXiuying');
    await page.getByTestId('greeting').waitFor({ timeout: 20_000 });
    await page.clock.runFor(61_000);
    await page.locator('[role="alertdialog"]').waitFor();
    await untilCountdownRuns(page);
    await page.clock.runFor(21_000);
    await expect.poll(() => page.getByTestId('greeting').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => said.at(-1), { timeout: 15_000 }).toBe('您的信息已清除。请取走身份证。');
    await kiosk.control('idcard-simulator', 'removeCard');
  });

  it('greets whoever walks up and touches the home screen, once, and asks for the card', async () => {
    await page.waitForSelector('[data-screen="home"]');
    const before = said.length;
    // A touch on the screen, not on a control. While 已清除 is still being said the greeting gives way
    // to it, and the next touch greets: touch until it is said.
    await expect
      .poll(
        async () => {
          await page.locator('.lead').click();
          return said.slice(before);
        },
        { timeout: 20_000, interval: 500 },
      )
      .toContain('您好！请把您的身份证放在读卡器上。');
    await page.locator('.lead').click();
    await page.keyboard.press('ArrowRight');
    expect(said.slice(before).filter((l) => l.startsWith('您好！'))).toHaveLength(1);
  });

  it('never runs on the home screen', async () => {
    await page.clock.runFor(200_000);
    expect(await page.locator('[role="alertdialog"]').count()).toBe(0);
  });
});

describe('read aloud', () => {
  it('renders the screen text to speech and plays it', async () => {
    const btn = page.locator('[data-nav="read-aloud"]');
    await btn.click();
    await expect.poll(async () => btn.getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('true');
    await btn.click();
    expect(await btn.getAttribute('aria-pressed')).toBe('false');
  });
});
