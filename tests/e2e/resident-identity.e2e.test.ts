// Who the kiosk thinks is at the screen, and the small ways a resident could be
// misled, in real Chromium through the real web host with the simulated reader:
// every card event ends the previous resident's identity, and a card that cannot
// be read is said and shown plainly; a record in another name than the card's is
// refused; the keypad's 全部清除 and an empty 重新输入; no satisfaction rating
// nobody chose; focus back on the tile just used. axe on every screen touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { KioskProcess } from '../support/kiosk-process.js';
import { openKiosk, type OpenKiosk } from '../support/open-kiosk.js';
import { axeViolations, screenshot } from '../support/browser.js';
import { recordSpeech } from '../support/read-aloud-check.js';
import { arrowGraph, unreachable } from '../support/dpad-reach.js';
import { sampleCards } from '../../drivers/idcard/samples.js';

let kiosk: KioskProcess;
let page: Page;
let opened: OpenKiosk | undefined;
let said: string[];
/** store:rate-satisfaction calls the page made. */
const ratings: number[] = [];

beforeAll(async () => {
  opened = await openKiosk({
    config: { ui: { idleSeconds: 600, warningSeconds: 20 } },
    beforeHome: ({ page }) => {
      said = recordSpeech(page);
      page.on('websocket', (ws) =>
        ws.on('framesent', (f) => {
          const m = JSON.parse(String(f.payload)) as { type?: string; channel?: string; args?: { score: number } };
          if (m.type === 'call' && m.channel === 'store:rate-satisfaction' && m.args) ratings.push(m.args.score);
        }),
      );
    },
  });
  ({ kiosk, page } = opened);
});

afterAll(() => opened?.close());

async function screen(id: string): Promise<void> {
  await page.waitForSelector(`[data-screen="${id}"]`, { timeout: 20_000 });
}

async function check(name: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, `identity-${name}`);
}

async function waitForFocusOn(selector: string): Promise<void> {
  await expect.poll(() => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector), { timeout: 10_000 }).toBe(true);
}

async function home(): Promise<void> {
  if ((await page.locator('[data-screen="home"]').count()) === 0) await page.keyboard.press('Home');
  await screen('home');
}

const greeting = () => page.getByTestId('greeting');

describe('every card event ends the previous identity', () => {
  it('greets the resident whose card was read', async () => {
    await kiosk.control('idcard-simulator', 'insertCard', 'zhangXiuying');
    await expect.poll(() => greeting().count(), { timeout: 20_000 }).toBe(1);
    expect(await greeting().innerText()).toContain('张秀英');
  });

  it('card taken away in the middle of 养老认证: the visit ends, home with no greeting', async () => {
    await page.locator('[data-service="pension-certification"]').click();
    await page.waitForSelector('[data-screen^="service-pension-certification"]', { timeout: 20_000 });
    const before = said.length;
    await kiosk.control('idcard-simulator', 'removeCard');
    await screen('home');
    await expect.poll(() => greeting().count(), { timeout: 20_000 }).toBe(0);
    expect(await page.locator('main').innerText()).not.toContain('张秀英');
    // Said, not only done: the resident walking off hears that their data is gone.
    await expect.poll(() => said.slice(before), { timeout: 15_000 }).toContain('您的信息已清除。');
  });

  it('a card whose number does not check out: said and shown, nobody greeted, and 养老认证 asks for a card', async () => {
    const before = said.length;
    await kiosk.control('idcard-simulator', 'insertCard', 'liJianguoBadCheckDigit');
    const problem = page.getByTestId('card-problem');
    await problem.waitFor({ timeout: 20_000 });
    expect(await problem.innerText()).toBe('这张身份证的号码核对不上，请找工作人员帮忙。');
    await expect.poll(() => said.slice(before).join('')).toContain('这张身份证的号码核对不上');
    expect(await greeting().count()).toBe(0);
    await check('home-invalid-card');
    await page.locator('[data-service="pension-certification"]').click();
    await screen('identify-card');
    expect(await page.locator('main').innerText()).toContain('号码核对不上');
    expect(await page.locator('main').innerText()).not.toContain('张秀英');
    await home();
  });

  it('a card that fails to read: said and shown plainly', async () => {
    await kiosk.control('idcard-simulator', 'removeCard');
    await expect.poll(() => page.getByTestId('card-problem').count(), { timeout: 20_000 }).toBe(0);
    const before = said.length;
    await kiosk.control('idcard-simulator', 'setFault', 'read-failed');
    await kiosk.control('idcard-simulator', 'insertCard', 'wangJie');
    const problem = page.getByTestId('card-problem');
    await problem.waitFor({ timeout: 20_000 });
    expect(await problem.innerText()).toBe('没有读出来。请把身份证拿起来，再平放一次。');
    await expect.poll(() => said.slice(before).join('')).toContain('没有读出来');
    expect(await greeting().count()).toBe(0);
    await check('home-read-failed');
    // Taken away before the fault is cleared: the reader retries a failed card at every poll.
    await kiosk.control('idcard-simulator', 'removeCard');
    await expect.poll(() => page.getByTestId('card-problem').count(), { timeout: 20_000 }).toBe(0);
    await kiosk.control('idcard-simulator', 'setFault', 'none');
  });
});

describe('a reader slow to answer', () => {
  it('while the card lies there: the reader is shown as unwell, and nobody\'s visit ends', async () => {
    await kiosk.control('idcard-simulator', 'insertCard', 'zhangXiuying');
    await expect.poll(() => greeting().count(), { timeout: 20_000 }).toBe(1);
    const before = said.length;
    // Its replies come too late: the polls time out, as on a busy or noisy line.
    await kiosk.control('idcard-simulator', 'setFault', 'slow-reply');
    const footer = page.locator('footer');
    await expect.poll(() => footer.innerText(), { timeout: 20_000 }).toContain('读卡器');
    await kiosk.control('idcard-simulator', 'setFault', 'none');
    await expect.poll(() => footer.innerText(), { timeout: 20_000 }).not.toContain('读卡器');
    // Still the same resident: a lost reply is not a card event.
    expect(await greeting().innerText()).toContain('张秀英');
    expect(await page.getByTestId('card-problem').count()).toBe(0);
    expect(said.slice(before).join('')).not.toContain('没有读出来');
    await kiosk.control('idcard-simulator', 'removeCard');
    await expect.poll(() => greeting().count(), { timeout: 20_000 }).toBe(0);
  });
});

describe('a card swapped for another with no gap the reader could see', () => {
  it('ends the first resident\'s identity: an unreadable card in place of theirs greets nobody', async () => {
    await kiosk.control('idcard-simulator', 'insertCard', 'zhangXiuying');
    await expect.poll(() => greeting().count(), { timeout: 20_000 }).toBe(1);
    await page.locator('[data-service="pension-certification"]').click();
    await page.waitForSelector('[data-screen^="service-pension-certification"]', { timeout: 20_000 });
    await kiosk.control('idcard-simulator', 'insertCard', 'liJianguoBadCheckDigit');
    await screen('home');
    await page.getByTestId('card-problem').waitFor({ timeout: 20_000 });
    expect(await greeting().count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toContain('张秀英');
    await kiosk.control('idcard-simulator', 'removeCard');
    await expect.poll(() => page.getByTestId('card-problem').count(), { timeout: 20_000 }).toBe(0);
  });
});

describe('a record in another name than the card', () => {
  // 张秀英's number on a card that says 王秀英: the server's record is in 张秀英's name.
  const otherName = { ...sampleCards.zhangXiuying, name: '王秀英' };

  it('社保查询 refuses it with a clear message', async () => {
    await kiosk.control('idcard-simulator', 'insertCard', otherName);
    await expect.poll(() => greeting().count(), { timeout: 20_000 }).toBe(1);
    await page.locator('[data-service="social-insurance-query"]').click();
    await screen('si-none');
    const text = await page.locator('main').innerText();
    expect(text).toContain('姓名和您身份证上的姓名不一样');
    expect(text).not.toContain('张秀英');
    expect(text).not.toContain('236.50');
    await check('si-name-mismatch');
    await home();
  });

  it('证明打印 prints nothing in the other name', async () => {
    await kiosk.control('printer-simulator', 'clearJobs');
    await page.locator('[data-service="certificate-print"]').click();
    await screen('cert-unavailable');
    expect(await page.locator('main').innerText()).toContain('姓名和您身份证上的姓名不一样');
    expect(await kiosk.control<unknown[]>('printer-simulator', 'jobs')).toEqual([]);
    await check('cert-name-mismatch');
    await home();
    await kiosk.control('idcard-simulator', 'removeCard');
    await expect.poll(() => greeting().count(), { timeout: 20_000 }).toBe(0);
  });
});

describe('the ID-number keypad', () => {
  it('has a big 全部清除, reachable with the D-pad, that empties the number at once', async () => {
    await page.locator('[data-service="social-insurance-query"]').click();
    await screen('identify-card');
    await page.locator('[data-action="key-id"]').click();
    // At the kiosk a keyed number needs a specialist's PIN first (keyed-identity.e2e).
    await page.waitForSelector('[data-testid="keyed-pin-dots"]');
    await page.keyboard.type('135790');
    await page.locator('[data-action="pin-login"]').click();
    await screen('identify-keyed');
    await page.keyboard.type('11010119430305');
    await expect.poll(() => page.getByTestId('id-display').innerText()).toContain('110101 19430305');
    const clear = page.locator('[data-key="clear"]');
    const size = await clear.evaluate((b) => ({ h: b.getBoundingClientRect().height, w: b.getBoundingClientRect().width, font: parseFloat(getComputedStyle(b).fontSize) }));
    expect(size.h).toBeGreaterThanOrEqual(96);
    expect(size.w).toBeGreaterThanOrEqual(96);
    expect(size.font).toBeGreaterThanOrEqual(32);
    expect(await clear.innerText()).toBe('全部清除');
    const g = await arrowGraph(page);
    expect(unreachable(g)).toEqual([]);
    expect(g.controls.some((c) => c.startsWith('data-key=clear'))).toBe(true);
    await check('keypad-with-clear');
    await clear.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('id-display').innerText()).not.toMatch(/\d/);
    expect(await page.locator('[role="status"]').filter({ hasText: '已输入' }).innerText()).toContain('已输入 0 位');
  });

  it('不是，重新输入 after the read-back starts empty', async () => {
    await screen('identify-keyed');
    // Whatever the test before left on the keypad, deleted the slow way.
    while (/\d/.test(await page.getByTestId('id-display').innerText())) await page.keyboard.press('Backspace');
    await page.keyboard.type(sampleCards.zhangXiuying.idNumber);
    await page.locator('[data-action="confirm-id"]').click();
    await page.getByTestId('id-readback').waitFor();
    await page.locator('[data-answer="no"]').click();
    await page.getByTestId('id-display').waitFor();
    expect(await page.getByTestId('id-display').innerText()).not.toMatch(/\d/);
    expect(await page.locator('[data-action="confirm-id"]').isDisabled()).toBe(true);
    await check('keypad-after-no');
    await home();
  });
});

describe('satisfaction', () => {
  it('OK pressed twice after 办完了 records no rating: 不评价 has focus, no face does', async () => {
    await kiosk.control('idcard-simulator', 'insertCard', 'zhangXiuying');
    await expect.poll(() => greeting().count(), { timeout: 20_000 }).toBe(1);
    await page.locator('[data-service="social-insurance-query"]').click();
    await screen('si-record');
    await waitForFocusOn('[data-action="done"]');
    await page.keyboard.press('Enter');
    await screen('satisfaction');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-screen="satisfaction"]') !== null && document.activeElement !== document.body)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('satisfaction-skip');
    expect(await page.locator('.face[data-autofocus]').count()).toBe(0);
    await check('satisfaction-skip-focused');
    await page.keyboard.press('Enter');
    await screen('home');
    expect(ratings).toEqual([]);
    await kiosk.control('idcard-simulator', 'removeCard');
    await expect.poll(() => greeting().count(), { timeout: 20_000 }).toBe(0);
  });
});

describe('focus back home', () => {
  it('is on the tile just used, not the first', async () => {
    await home();
    await page.locator('[data-service="policy-qa"]').focus();
    await page.keyboard.press('Enter');
    await screen('policy-topics');
    await page.keyboard.press('Escape');
    await screen('home');
    await waitForFocusOn('[data-service="policy-qa"]');
    // 首页 from inside the service does the same.
    await page.keyboard.press('Enter');
    await screen('policy-topics');
    await page.locator('[data-nav="home"]').click();
    await screen('home');
    await waitForFocusOn('[data-service="policy-qa"]');
    await check('home-focus-returns');
  });

  it('is on the first tile for a new resident', async () => {
    await kiosk.control('idcard-simulator', 'insertCard', 'zhangXiuying');
    await expect.poll(() => greeting().count(), { timeout: 20_000 }).toBe(1);
    await page.locator('[data-service="certificate-print"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-screen^="cert-"]', { timeout: 20_000 });
    await page.keyboard.press('Escape');
    await screen('home');
    await waitForFocusOn('[data-service="certificate-print"]');
    await kiosk.control('idcard-simulator', 'removeCard');
    await expect.poll(() => greeting().count(), { timeout: 20_000 }).toBe(0);
    await waitForFocusOn('[data-service="pension-certification"]');
  });
});
