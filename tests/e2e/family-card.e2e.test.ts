// Issue 19.3: 养老认证 for a family member asked for their name typed in Chinese,
// impossible on a touch kiosk with no keyboard and no input method. Now the
// family member's identity comes from their own ID card: 请把家人的身份证放上来.
// While that question is on screen the reader is captured: the resident's own
// card may leave the reader without ending their visit, the next card read is
// the family member (not a new resident), and taking that card away returns to
// the flow. The applicant stays the resident of the first card; the family
// member is stored with the application as its subject. When the family card
// cannot be read, a specialist keys number and name after their PIN (代办).
// Real Chromium, the real web host, the simulated reader on a pseudo-terminal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { KioskProcess } from '../support/kiosk-process.js';
import { openKiosk, type OpenKiosk } from '../support/open-kiosk.js';
import { takeCardAway } from '../support/card-reader.js';
import { axeViolations, pressEnter, screenshot, whereIs } from '../support/browser.js';
import { readAloud, recordSpeech } from '../support/read-aloud-check.js';
import { arrowGraph, trapsIn, unreachable } from '../support/dpad-reach.js';
import { familyIdNumber } from '../support/flow-driver.js';
import { sampleCards } from '../../drivers/idcard/samples.js';

let kiosk: KioskProcess;
let page: Page;
let opened: OpenKiosk | undefined;
let said: string[];
const applicant = sampleCards.wangJie;
const member = sampleCards.zhangXiuying;
const desk = { asSpecialist: { specialistId: 'dev', pin: '135790' } };

interface Detail {
  applicantName: string | null;
  onBehalfOf: { specialistId: string } | null;
  formData: Record<string, string | number | boolean | null> | null;
}
interface AuditRecord {
  action: string;
  actor: { kind: string; id?: string | null };
  detail?: string | null;
}

beforeAll(async () => {
  opened = await openKiosk({
    config: { ui: { idleSeconds: 600, warningSeconds: 20 } },
    beforeHome: ({ page }) => {
      said = recordSpeech(page);
    },
  });
  ({ kiosk, page } = opened);
});

afterAll(() => opened?.close());

async function screen(id: string): Promise<void> {
  await page.waitForSelector(`[data-screen="${id}"]`, { timeout: 30_000 }).catch(async (e: Error) => {
    throw new Error(`screen ${id} never showed (${e.message.split('\n')[0]}); ${await whereIs(page)}`, { cause: e });
  });
}

function press(selector: string): Promise<void> {
  return pressEnter(page, selector);
}

const memberCardScreen = 'service-pension-certification-member-card';

const removeCard = () => takeCardAway(kiosk);

/** From the home screen with the applicant's card read, to the family member's card question. */
async function toMemberCard(): Promise<void> {
  await press('[data-service="pension-certification"]');
  await page.waitForSelector('[data-screen^="service-pension-certification"]', { timeout: 30_000 });
  // Still asking the store whether this was filed before: wait for its answer (the intro's 开始, or
  // 这件事您已经办过了), not for the question screen to go, which may not have come yet.
  await page.locator('[data-action="start"], [data-action="already-continue"]').first().waitFor({ timeout: 30_000 });
  if (await page.locator('[data-action="already-continue"]').count()) await press('[data-action="already-continue"]');
  await press('[data-action="start"]');
  await screen('service-pension-certification-for-whom');
  await press('[data-option="family"]');
  await screen('service-pension-certification-relationship');
  await press('[data-option="parent"]');
  await screen(memberCardScreen);
}

/** From 家人在身边吗 to the read-back: not present (a home visit), no phone. Returns what the read-back shows. */
async function finish(): Promise<string> {
  await screen('service-pension-certification-member-present');
  await press('[data-option="no"]');
  await screen('service-pension-certification-home-visit');
  await press('[data-action="next"]');
  await screen('service-pension-certification-phone');
  await press('[data-action="skip"]');
  await page.waitForSelector('[data-testid="summary"]', { timeout: 30_000 });
  return allPages();
}

/** The whole text of a paged screen (the summary pages at large sizes, or under the 代办 banner): every page, then back to the first. */
async function allPages(): Promise<string> {
  const parts = [await page.locator('main').innerText()];
  const where = () => page.innerText('[data-testid="pager-where"]');
  const turn = async (action: 'page-next' | 'page-prev') => {
    const before = await where();
    await page.locator(`[data-action="${action}"]`).click();
    await expect.poll(where, { timeout: 10_000 }).not.toBe(before);
  };
  const next = page.locator('[data-action="page-next"]');
  let turned = 0;
  while ((await next.count()) > 0 && (await next.isEnabled())) {
    await turn('page-next');
    parts.push(await page.locator('main').innerText());
    turned++;
  }
  for (; turned > 0; turned--) await turn('page-prev');
  return parts.join('\n');
}

async function submitted(): Promise<Detail> {
  await press('[data-answer="yes"]');
  await page.waitForSelector('[data-testid="tracking-number"]', { timeout: 30_000 });
  const tracking = (await page.innerText('[data-testid="tracking-number"]')).replace(/^.*[：:]\s*/, '').trim();
  const list = await kiosk.ipc<{ applications: { id: string; localTrackingNumber: string }[] }>('store:list-applications', { statuses: ['queued', 'sending', 'accepted', 'completed'] }, desk);
  const mine = list.ok ? list.value.applications.find((a) => a.localTrackingNumber === tracking) : undefined;
  expect(mine, tracking).toBeDefined();
  const detail = await kiosk.ipc<Detail>('store:get-application', { id: mine!.id }, desk);
  if (!detail.ok) throw new Error(detail.error.message);
  return detail.value;
}

describe('a family member taken from their own ID card', () => {
  it('asks for the family member\'s card, with nothing to type', async () => {
    await kiosk.control('idcard-simulator', 'insertCard', 'wangJie');
    await expect.poll(() => page.getByTestId('greeting').count(), { timeout: 30_000 }).toBe(1);
    await toMemberCard();
    const text = await page.locator('main').innerText();
    expect(text).toContain('请把家人的身份证放上来');
    expect(await page.locator('main input, main textarea').count()).toBe(0);
    await expect.poll(() => said.join('')).toContain('请把家人的身份证放上来');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'family-card-waiting');
  });

  it('is read aloud whole, reachable with a D-pad, and fits 1080p at every text size', async () => {
    const { unread } = await readAloud(page, said);
    expect(unread).toEqual([]);
    const g = await arrowGraph(page);
    expect(unreachable(g)).toEqual([]);
    expect(trapsIn(g)).toEqual([]);
    for (const size of ['standard', 'large', 'xlarge']) {
      await page.locator(`[data-text-size="${size}"]`).first().click();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.textSize)).toBe(size);
      const outside = await page.evaluate(() =>
        // The screen's own content; the footer's fit at every size is issue 19.5's (every-screen).
        [...document.querySelectorAll('h1, .question-view .question, .question-view button')]
          .filter((el) => el.getBoundingClientRect().width > 0)
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.top < 0 || r.bottom > window.innerHeight;
          })
          .map((el) => el.textContent),
      );
      expect(outside, size).toEqual([]);
      await screenshot(page, `family-card-waiting-${size}`);
    }
    await page.locator('[data-text-size="standard"]').first().click();
    await screen(memberCardScreen);
  });

  it('the resident takes their own card away: the visit goes on', async () => {
    await removeCard();
    // Nothing to wait for but the absence of a change: the reader's next event proves this one was handled.
    await kiosk.control('idcard-simulator', 'insertCard', 'liJianguoBadCheckDigit');
    await expect.poll(() => page.getByTestId('family-card-problem').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.innerText('[data-testid="family-card-problem"]')).toContain('号码核对不上');
    await screen(memberCardScreen);
    await removeCard();
  });

  it('the resident\'s own card again is not taken for the family member, nor ends the visit', async () => {
    await kiosk.control('idcard-simulator', 'insertCard', 'wangJie');
    await expect.poll(() => page.locator('[data-testid="family-card-problem"]').innerText(), { timeout: 30_000 }).toContain('这是您自己的身份证');
    await screen(memberCardScreen);
    await removeCard();
  });

  it('the next card read is the family member, not a new resident; taking it away returns to the flow', async () => {
    await kiosk.control('idcard-simulator', 'insertCard', 'zhangXiuying');
    await page.getByTestId('family-card-read').waitFor({ timeout: 30_000 });
    expect(await page.innerText('[data-testid="family-card-read"]')).toContain(member.name);
    expect(await page.innerText('[data-testid="family-card-read"]')).toContain('1101**********0028');
    await expect.poll(() => said.join('')).toContain('请把家人的身份证拿走');
    // Still the same question, for the same resident: nobody new was greeted.
    await screen(memberCardScreen);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'family-card-read');
    expect((await readAloud(page, said)).unread).toEqual([]);
    await removeCard();
    const summary = await finish();
    expect(summary).toContain(applicant.name);
    expect(summary).toContain(`${member.name}（${member.idNumber}）`);
    await screenshot(page, 'family-card-summary');
  });

  it('files it for the card\'s resident, with the family member attached as the subject', async () => {
    const detail = await submitted();
    expect(detail.applicantName).toBe(applicant.name);
    expect(detail.onBehalfOf).toBeNull();
    expect(detail.formData).toMatchObject({
      forWhom: 'family',
      relationship: 'parent',
      'member.idNumber': member.idNumber,
      'member.name': member.name,
      'member.identitySource': 'card',
    });
    await page.keyboard.press('Home');
    await page.waitForSelector('.tile', { timeout: 30_000 });
  });
});

describe('a family card that cannot be read', () => {
  it('a specialist keys number and name after their PIN; the visit becomes a 代办', async () => {
    // The applicant puts their card back for a second application (their visit also went on
    // without it, but the reader's empty polls are left out of this one).
    await kiosk.control('idcard-simulator', 'insertCard', 'wangJie');
    await expect.poll(() => page.getByTestId('greeting').innerText(), { timeout: 30_000 }).toContain(applicant.name);
    await toMemberCard();
    await kiosk.control('idcard-simulator', 'setFault', 'read-failed');
    await kiosk.control('idcard-simulator', 'insertCard', 'bateer');
    await expect.poll(() => page.locator('[data-testid="family-card-problem"]').innerText(), { timeout: 30_000 }).toContain('没有读出来');
    // The unreadable card stays on the reader while the specialist keys (it is taken away below).
    await press('[data-action="key-family"]');
    await page.waitForSelector('[data-testid="keyed-pin-dots"]', { timeout: 30_000 });
    await page.keyboard.type('135790');
    await press('[data-action="pin-login"]');
    await page.getByTestId('family-keyed-number').waitFor({ timeout: 30_000 });
    const keyedNumber = familyIdNumber('051');
    await page.keyboard.type(keyedNumber);
    await press('[data-action="confirm-id"]');
    await press('[data-answer="yes"]');
    await page.getByTestId('family-keyed-name').waitFor({ timeout: 30_000 });
    // The specialist types the name (their keyboard); never the resident.
    // The entry has the focus as it appears: the specialist just types.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), { timeout: 30_000 }).toBe('text-entry');
    await page.keyboard.type('李桂兰');
    await press('[data-action="confirm-text"]');
    await page.waitForSelector('[data-testid="onbehalf-banner"]', { timeout: 30_000 });
    expect(await page.innerText('[data-testid="onbehalf-banner"]')).toContain('开发测试员');
    // Only now, with the family card question gone, is the unreadable card taken away. It was never
    // the resident's: their visit goes on (it used to end here, taking the keyed answers with it).
    // Taken away before the fault is cleared: a reader retries a failed card on every poll, so
    // with the fault gone first the card could read at the next poll (and rightly be a new resident).
    await screen('service-pension-certification-member-present');
    await removeCard();
    await kiosk.control('idcard-simulator', 'setFault', 'none');
    const summary = await finish();
    expect(summary).toContain(`李桂兰（${keyedNumber}）`);

    const detail = await submitted();
    expect(detail.applicantName).toBe(applicant.name);
    expect(detail.onBehalfOf?.specialistId).toBe('dev');
    expect(detail.formData).toMatchObject({ 'member.idNumber': keyedNumber, 'member.name': '李桂兰', 'member.identitySource': 'keyed' });
    const audit = await kiosk.control<AuditRecord[]>('store', 'recentAudit', [20]);
    const keyed = audit.find((a) => a.action === 'specialist.keyed-id' && a.detail?.includes('为家人'));
    expect(keyed?.actor).toMatchObject({ kind: 'specialist', id: 'dev' });
    expect(JSON.stringify(audit)).not.toContain(keyedNumber);
  });
});
