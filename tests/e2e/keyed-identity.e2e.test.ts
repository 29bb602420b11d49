// Issue 19.1, the kiosk part: 工作人员帮我输入 used to key any ID number with no
// PIN, so a passer-by could read another resident's records and file in their
// name. Now, at the kiosk, the specialist's desk PIN comes first (a dialog on
// the resident's screen, whose connection then holds the desk session); the
// keyed number is audited as 代办 under that specialist with a masked number;
// a 代办 banner with their name shows on every screen of the visit; what is
// submitted goes as 代办; and the banner and the desk session end with the
// visit. (On a TV at home the family still keys their own number: unchanged.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { KioskProcess } from '../support/kiosk-process.js';
import { openKiosk, type OpenKiosk } from '../support/open-kiosk.js';
import { axeViolations, screenshot } from '../support/browser.js';
import { driveFlow, familyCardOn } from '../support/flow-driver.js';
import { demoResidents } from '../../sync-server/demo-data.js';

let kiosk: KioskProcess;
let page: Page;
let opened: OpenKiosk | undefined;
const resident = demoResidents[0]!;
const masked = `${resident.idNumber.slice(0, 4)}**********${resident.idNumber.slice(-4)}`;

beforeAll(async () => {
  // A short idle time, so the visit ends within the test; long enough not to interrupt the flow.
  opened = await openKiosk({
    config: { ui: { idleSeconds: 30, warningSeconds: 5 } },
    browserArgs: ['--use-fake-device-for-media-stream'],
    beforeHome: async ({ context, kiosk }) => {
      // The camera (fake) for the certification photo; no microphone: keyboard only.
      await context.grantPermissions(['camera'], { origin: kiosk.origin });
    },
  });
  ({ kiosk, page } = opened);
});

afterAll(() => opened?.close());

async function pressEnterOn(selector: string): Promise<void> {
  const el = page.locator(selector).first();
  await el.waitFor();
  await page.waitForFunction((s) => !(document.querySelector(s) as HTMLButtonElement | null)?.disabled, selector);
  await el.focus();
  await page.keyboard.press('Enter');
}

interface AuditRecord {
  action: string;
  actor: { kind: string; id?: string | null };
  detail?: string | null;
}

describe('an ID number keyed at the kiosk', () => {
  it('asks for a specialist PIN before the number can be keyed', async () => {
    await pressEnterOn('[data-service="pension-certification"]');
    await page.waitForSelector('[data-screen="identify-card"]');
    await pressEnterOn('[data-action="key-id"]');
    await page.waitForSelector('[data-dialog="keyed-pin"]');
    expect(await page.locator('[data-screen="identify-keyed"]').count()).toBe(0);
    // The development specialist is the only one: the PIN keypad comes at once.
    await page.waitForSelector('[data-testid="keyed-pin-dots"]');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'keyed-pin-dialog');
  });

  it('refuses a wrong PIN and keeps the keypad closed', async () => {
    await page.keyboard.type('111111');
    await pressEnterOn('[data-action="pin-login"]');
    await expect.poll(() => page.innerText('[data-testid="keyed-pin-message"]')).toContain('密码不对');
    expect(await page.locator('[data-screen="identify-keyed"]').count()).toBe(0);
  });

  it('after the PIN, keys the number, audits it as 代办 and shows the banner', async () => {
    await page.keyboard.type('135790');
    await pressEnterOn('[data-action="pin-login"]');
    await page.waitForSelector('[data-screen="identify-keyed"]');
    // Digits faster than the screen renders (a remote's keys arrive as a burst of messages): none
    // is lost. Three key events in one task: the keypad used to build each on the last render's value.
    await page.evaluate(() => {
      for (const key of ['1', '1', '0']) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    });
    await expect.poll(() => page.innerText('[data-testid="id-display"]')).toContain('110');
    await page.locator('[data-key="clear"]').click();
    await expect.poll(() => page.innerText('[data-testid="id-display"]')).not.toContain('110');
    await page.keyboard.type(resident.idNumber);
    await pressEnterOn('[data-action="confirm-id"]');
    await pressEnterOn('[data-answer="yes"]');
    await page.waitForSelector('[data-testid="onbehalf-banner"]');
    const banner = await page.innerText('[data-testid="onbehalf-banner"]');
    expect(banner).toContain('代办');
    expect(banner).toContain('开发测试员');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'keyed-onbehalf-banner');

    const audit = await kiosk.control<AuditRecord[]>('store', 'recentAudit', [20]);
    const keyed = audit.find((a) => a.action === 'specialist.keyed-id');
    expect(keyed?.actor).toMatchObject({ kind: 'specialist', id: 'dev' });
    expect(keyed?.detail).toContain(masked);
    expect(JSON.stringify(audit)).not.toContain(resident.idNumber);
  });

  it('submits the visit as 代办, with the banner on every screen', async () => {
    const bannerless: string[] = [];
    const { screens, axe } = await driveFlow(page, { forWhom: 'family', memberPresent: 'no' }, {
      shotPrefix: 'keyed-pension',
      familyCard: familyCardOn(kiosk, 'bateer'),
      onScreen: async (id) => {
        if ((await page.locator('[data-testid="onbehalf-banner"]').count()) !== 1) bannerless.push(id);
      },
    });
    expect(screens.length).toBeGreaterThan(2);
    expect(bannerless).toEqual([]);
    for (const [s, v] of Object.entries(axe)) expect(v, s).toEqual([]);
    const tracking = (await page.innerText('[data-testid="tracking-number"]')).replace(/^.*[：:]\s*/, '').trim();
    const list = await kiosk.ipc<{ applications: { localTrackingNumber: string; onBehalfOf: { specialistId: string } | null }[] }>(
      'store:list-applications',
      { statuses: ['queued', 'sending', 'accepted', 'completed', 'rejected'] },
      { asSpecialist: { specialistId: 'dev', pin: '135790' } },
    );
    expect(list.ok).toBe(true);
    const mine = list.ok ? list.value.applications.find((a) => a.localTrackingNumber === tracking) : undefined;
    expect(mine?.onBehalfOf?.specialistId).toBe('dev');
  });

  it('ends the banner and the desk session with the visit', async () => {
    await page.waitForSelector('.tile', { timeout: 90_000 });
    await expect.poll(() => page.locator('[data-testid="onbehalf-banner"]').count(), { timeout: 10_000 }).toBe(0);
    // Only the other socket's session (the test's own desk login) may remain: not this screen's.
    await expect.poll(async () => (await page.evaluate(() => document.body.innerText)).includes('代办：')).toBe(false);
    await pressEnterOn('[data-service="pension-certification"]');
    await pressEnterOn('[data-action="key-id"]');
    // A new visit asks for the PIN again.
    await page.waitForSelector('[data-dialog="keyed-pin"]');
  }, 120_000);

  it('fits the PIN dialog on the 1080p screen at the largest text size', async () => {
    await page.locator('[data-action="pin-cancel"]').click();
    await page.locator('[data-text-size="xlarge"]').first().click();
    await pressEnterOn('[data-action="key-id"]');
    await page.waitForSelector('[data-testid="keyed-pin-dots"]');
    const box = (await page.locator('[data-dialog="keyed-pin"]').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(1080);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'keyed-pin-dialog-xlarge');
  });
});
