// 求助 on a TV at home, with the remote's keys only (arrows, OK = Enter, Back =
// Escape): nobody can come to a living room, so where the kiosk has 叫工作人员
// the TV has 求助, which opens a large panel — read aloud as it opens — saying
// to call the 12345 hotline or go to the village service station (代办). Back
// closes it (without leaving the screen behind) and focus returns to 求助.
// Nothing is sent to the station. axe on the open panel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { KioskProcess } from '../support/kiosk-process.js';
import { TV_BOX_CONFIG, openKiosk, type OpenKiosk } from '../support/open-kiosk.js';
import { axeViolations, focused, pressByArrows, screenshot } from '../support/browser.js';
import { keyIdentityOnTv } from '../support/tv-code.js';

let kiosk: KioskProcess;
let page: Page;
let opened: OpenKiosk | undefined;
/** Every IPC call the page made, by channel, with its arguments: what was read aloud, and that no help call left. */
const sent: { channel: string; args: Record<string, unknown> }[] = [];

beforeAll(async () => {
  opened = await openKiosk({
    config: TV_BOX_CONFIG,
    beforeHome: ({ page }) => {
      page.on('websocket', (ws) =>
        ws.on('framesent', (f) => {
          if (typeof f.payload !== 'string') return;
          const m = JSON.parse(f.payload) as { type?: string; channel?: string; args?: Record<string, unknown> };
          if (m.type === 'call' && m.channel) sent.push({ channel: m.channel, args: m.args ?? {} });
        }),
      );
    },
  });
  ({ kiosk, page } = opened);
});

afterAll(() => opened?.close());

const panel = () => page.getByRole('dialog', { name: '要人帮忙？' });
const spoken = () => sent.filter((c) => c.channel === 'speech:synthesize').map((c) => String(c.args['text']));

async function openWithRemote(): Promise<void> {
  const before = spoken().length;
  await pressByArrows(page, 'data-nav', 'tv-help'); // arrows to 求助, then OK
  await panel().waitFor();
  // Read aloud as it opens: the hotline digit by digit, and where to go.
  await expect.poll(() => spoken().slice(before).join('|'), { timeout: 15_000 }).toContain('幺二三四五');
  expect(spoken().slice(before).join('|')).toContain('村便民服务站');
}

describe('求助 on the TV', () => {
  it('takes the place of 叫工作人员 and is a big, focusable button', async () => {
    expect(await page.locator('[data-nav="call-help"]').count()).toBe(0);
    const button = page.locator('[data-nav="tv-help"]');
    expect(await button.innerText()).toContain('求助');
    const box = (await button.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(96);
    expect(box.height).toBeGreaterThanOrEqual(96);
  });

  it('opens with the remote a readable panel: 12345, or the village service station (代办), spoken aloud', async () => {
    await openWithRemote();
    const text = await panel().innerText();
    expect(text).toContain('12345');
    expect(text).toContain('政务服务便民热线');
    expect(text).toContain('村便民服务站');
    expect(text).toContain('代办');
    // Large: the number at title size, the words at the TV's body size; all inside the overscan-safe area.
    const sizes = await page.evaluate(() => ({
      hotline: parseFloat(getComputedStyle(document.querySelector('[data-testid="help-hotline"]')!).fontSize),
      line: parseFloat(getComputedStyle(document.querySelector('.help-line')!).fontSize),
    }));
    expect(sizes.hotline).toBeGreaterThanOrEqual(60);
    expect(sizes.line).toBeGreaterThanOrEqual(40);
    const box = (await panel().boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0.05 * 1920 - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(0.95 * 1920 + 1);
    expect(box.y).toBeGreaterThanOrEqual(0.05 * 1080 - 1);
    expect(box.y + box.height).toBeLessThanOrEqual(0.95 * 1080 + 1);
    // Focus is on 知道了 and the D-pad stays inside the panel.
    expect((await focused(page)).text).toBe('知道了');
    for (const key of ['ArrowUp', 'ArrowLeft', 'ArrowRight', 'ArrowDown']) {
      await page.keyboard.press(key);
      expect((await focused(page)).text).toBe('知道了');
    }
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'tv-help-panel');
  });

  it('closes with Back, stays on the screen, and gives focus back to 求助', async () => {
    await page.keyboard.press('Escape'); // the remote's Back
    await panel().waitFor({ state: 'detached' });
    expect((await focused(page)).nav).toBe('tv-help');
    expect(await page.locator('[data-screen="home"]').count()).toBe(1);
  });

  it('on a service screen Back closes only the panel; 知道了 closes it too', async () => {
    // (Getting to the tile is tv.e2e's business: straight there.)
    await page.locator('[data-service="policy-qa"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-screen]:not([data-screen="home"])');
    const screenId = await page.getAttribute('[data-screen]', 'data-screen');
    await openWithRemote();
    // Back from a HID remote arrives through the station and is dispatched on the window (useRemoteKeys).
    await page.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await panel().waitFor({ state: 'detached' });
    expect(await page.getAttribute('[data-screen]', 'data-screen')).toBe(screenId);
    expect((await focused(page)).nav).toBe('tv-help');

    await page.keyboard.press('Enter'); // OK on 求助 again
    await panel().waitFor();
    await page.keyboard.press('Enter'); // OK on 知道了
    await panel().waitFor({ state: 'detached' });
    expect((await focused(page)).nav).toBe('tv-help');
    expect(await page.getAttribute('[data-screen]', 'data-screen')).toBe(screenId);

    // With the panel closed, Back is Back again.
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-screen="home"]');
  });

  it('when voice cannot be used (no microphone here), says to use the remote or ask the family, not staff', async () => {
    await page.locator('[data-service="pension-certification"]').focus();
    await page.keyboard.press('Enter');
    const notice = page.locator('.voice-bar .notice');
    await keyIdentityOnTv(page, kiosk, '110101194303050028');
    await page.locator('[data-action="start"]').waitFor();
    await page.locator('[data-action="start"]').focus();
    await page.keyboard.press('Enter');
    await notice.waitFor({ timeout: 30_000 }); // hands-free listening after the question tried the microphone
    const words = await notice.innerText();
    expect(words).toContain('遥控器');
    expect(words).not.toContain('工作人员');
    await page.keyboard.press('Home');
    await page.waitForSelector('[data-screen="home"]');
  });

  it('sends nothing to the station: no help call, no help indicator', async () => {
    expect(sent.filter((c) => c.channel === 'app:help-request')).toEqual([]);
    const status = await kiosk.ipc<{ help: { open: boolean } }>('station:status', {});
    expect(status.ok && status.value.help.open).toBe(false);
    expect(await page.getByTestId('help-called').count()).toBe(0);
    // And the station still refuses one from a TV.
    const r = await kiosk.ipc('app:help-request', { reason: 'asked', serviceId: null });
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
