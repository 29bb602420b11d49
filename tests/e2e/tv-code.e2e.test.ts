// Issue 19, item 1 on the TV, with the remote only: a number keyed at home is
// checked by a one-time code texted to the phone on file before anything
// personal is shown. Key the number → its read-back → the code screen says where
// the code went (138****5678) → a wrong code is refused in plain words → the code
// from the simulated SMS outbox (as the family reads their phone) shows the
// record. A number with no phone on file is sent to the village station; without
// the link the TV says that looking up personal records needs the network.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { KioskProcess } from '../support/kiosk-process.js';
import { TV_BOX_CONFIG, openKiosk, type OpenKiosk } from '../support/open-kiosk.js';
import { axeViolations, newKioskPage, pressByArrows, screenshot } from '../support/browser.js';
import { enterTvCode, latestCode } from '../support/tv-code.js';
import { TEXT_SIZES, fitProblems, setTextSize } from '../support/fit-check.js';
import { recordSpeech } from '../support/read-aloud-check.js';

let kiosk: KioskProcess;
let browser: Browser;
let page: Page;
let opened: OpenKiosk | undefined;

beforeAll(async () => {
  opened = await openKiosk({ config: TV_BOX_CONFIG });
  ({ kiosk, browser, page } = opened);
});

afterAll(() => opened?.close());

async function keyNumber(idNumber: string): Promise<void> {
  await pressByArrows(page, 'data-service', 'social-insurance-query'); // arrows to the tile, then OK
  await page.waitForSelector('[data-screen="identify-keyed"]');
  await page.keyboard.type(idNumber);
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-action') === 'confirm-id');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="id-readback"]');
  await page.keyboard.press('Enter'); // 是, focused
}

it('shows the record only after the code texted to the phone on file; a wrong code is refused plainly', async () => {
  await keyNumber('110101194303050028');
  await page.waitForSelector('[data-screen="identify-code"] [data-testid="code-sent"]', { timeout: 60_000 });
  expect(await page.innerText('[data-testid="code-sent"]')).toContain('验证码已经发到 138****5678 的手机上，请输入6位数字');
  expect(await page.innerText('[data-testid="code-sent"]')).toContain('5分钟内有效');
  // 重新发送 waits its minute, and says so.
  expect(await page.locator('[data-action="resend-code"]').isDisabled()).toBe(true);
  expect(await page.innerText('[data-testid="resend-wait"]')).toMatch(/\d+ 秒后可以重新发送/);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, 'tv-code-sent');
  // Nothing personal on screen yet.
  expect(await page.locator('main').innerText()).not.toContain('张秀英');

  const code = await latestCode(kiosk);
  const wrong = code === '000000' ? '000001' : '000000';
  await page.keyboard.type(wrong);
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-action') === 'confirm-code');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="code-notice"]', { timeout: 30_000 });
  expect(await page.innerText('[data-testid="code-notice"]')).toBe('验证码不对，请再输入一次。还可以试4次。');
  expect(await page.innerText('[data-testid="code-display"]')).not.toMatch(/\d/); // emptied for the next try
  await screenshot(page, 'tv-code-wrong');
  // With the refusal on it too, the screen fits inside the overscan-safe area at every text size.
  for (const size of TEXT_SIZES) {
    await setTextSize(page, size);
    expect(await fitProblems(page, { safeMargin: 0.05 }), size).toEqual([]);
  }
  await setTextSize(page, 'standard');
  await page.locator('[data-key="1"]').focus();

  await enterTvCode(page, kiosk);
  await page.waitForSelector('[data-screen="si-record"]', { timeout: 30_000 });
  expect(await page.locator('main').innerText()).toContain('张秀英的参保信息');
});

it('a number with no phone on file is sent to the village station, and 返回首页 has the focus', async () => {
  // A new visit (a fresh page, holding no identity): the number is asked again.
  await page.context().close();
  ({ page } = await newKioskPage(browser, { width: 1920, height: 1080 }));
  await page.goto(await kiosk.launchUrl());
  await page.waitForSelector('.tile');
  await keyNumber('110102195006010311');
  await page.waitForSelector('[data-testid="code-stop"]', { timeout: 60_000 });
  expect(await page.innerText('[data-testid="code-stop"]')).toContain('请到村里的服务站办理');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-action') === 'code-home');
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, 'tv-code-no-phone');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-screen="home"]');
});

it('without the link, says plainly that looking up personal records needs the network, and offers 返回首页', async () => {
  await page.context().close();
  ({ page } = await newKioskPage(browser, { width: 1920, height: 1080 }));
  await page.goto(await kiosk.launchUrl());
  await page.waitForSelector('.tile');
  await kiosk.control('embedded-sync-server', 'stop');
  try {
    await keyNumber('110101194303050028');
    await page.waitForSelector('[data-testid="code-stop"]', { timeout: 60_000 });
    expect(await page.innerText('[data-testid="code-stop"]')).toBe('查询个人信息要连上网络。现在连不上服务站，请稍后再试。');
    expect(await page.locator('[data-action="code-try-again"]').count()).toBe(1);
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-action') === 'code-home');
    expect(await page.locator('main').innerText()).not.toContain('张秀英');
    await screenshot(page, 'tv-code-offline');
  } finally {
    await kiosk.control('embedded-sync-server', 'start');
  }
});

it('says aloud a minute before the code runs out that it will, and how to get another', async () => {
  // The page's clock is driven here: five minutes pass in a moment. Someone keeps pressing the remote
  // (as a family waiting for the text would), or the visit's own idle limit would end it first.
  await page.context().close();
  ({ page } = await newKioskPage(browser, { width: 1920, height: 1080 }));
  const said = recordSpeech(page);
  await page.clock.install();
  await page.goto(await kiosk.launchUrl());
  await page.waitForSelector('.tile');
  await keyNumber('130624193808120037'); // 李德福: a phone on file, no code asked before in this run
  await page.waitForSelector('[data-screen="identify-code"] [data-testid="code-sent"]', { timeout: 60_000 });
  const warning = '验证码还有1分钟就过期了';
  for (let s = 0; s < 8; s++) {
    await page.clock.runFor(25_000);
    await page.keyboard.press('ArrowUp');
  }
  expect(said.join('')).not.toContain(warning); // not yet: 3 min 20 s of its 5 (and the seconds this test took)
  for (let s = 0; s < 30 && !said.join('').includes(warning); s += 5) {
    await page.clock.runFor(5_000);
    await page.keyboard.press('ArrowUp');
  }
  await expect.poll(() => said.join(''), { timeout: 20_000 }).toContain('验证码还有1分钟就过期了。过期了，可以按“重新发送”。');
  // Still the code screen, with 重新发送 ready (its minute long past).
  expect(await page.locator('[data-screen="identify-code"]').count()).toBe(1);
  expect(await page.locator('[data-action="resend-code"]').isDisabled()).toBe(false);
});
