// Walks a catalogue-driven service flow in the browser with the keyboard only
// (focus + Enter, digits typed), answering from a table keyed by field id and
// falling back to a sensible answer for each field kind. Two answers are actions:
// 'skip' presses 跳过 (optional questions), 'retake' on a photo takes it, presses
// 重拍, and takes it again; 'early' presses 拍照 before the camera runs (and
// fails if it already did). Every photo taken is checked to hold a picture. A face
// photo is the liveness check: it waits for its decision ('fallback' waits for the
// fallback after three failed attempts). A family member's card (请把家人的身份证放上来)
// is put on the reader and taken away again through `opts.familyCard`.
import type { Page } from 'playwright-core';
import { idCheckDigit } from '../../common/domain/id-number.js';
import { axeViolations, pressEnter, screenshot } from './browser.js';

export type Answers = Record<string, string>;

/** What puts a family member's card on the simulated reader, and takes it away. */
export interface FamilyCardHand {
  put(): Promise<void>;
  take(): Promise<void>;
}

/**
 * The family member's card `card` (a sample's name) through a kiosk's simulator controls: the
 * resident's own card is taken first, and put back (`residentCard`, when the visit has one) once
 * the family member's is taken away, as a resident would, so that what follows which asks about
 * the card on the reader (办件进度, 同样的事已经办过) still finds theirs.
 */
export function familyCardOn(kiosk: { control(area: string, action: string, ...args: unknown[]): Promise<unknown> }, card: string, residentCard?: unknown): FamilyCardHand {
  return {
    put: async () => {
      await kiosk.control('idcard-simulator', 'removeCard');
      await kiosk.control('idcard-simulator', 'insertCard', card);
    },
    take: async () => {
      await kiosk.control('idcard-simulator', 'removeCard');
      if (residentCard !== undefined) await kiosk.control('idcard-simulator', 'insertCard', residentCard);
    },
  };
}

/** A valid ID number of another person (a family member), born 1950-06-01. */
export function familyIdNumber(seq = '031'): string {
  const first17 = `11010219500601${seq}`;
  return first17 + idCheckDigit(first17);
}

const DEFAULTS: Record<string, string> = {
  phone: '13812345678',
  'bank-account': '6228480012345678901',
  count: '1',
  amount: '800',
  text: '李桂兰',
};

async function snapshot(page: Page): Promise<string> {
  return page.evaluate(() => `${document.querySelector('[data-screen]')?.getAttribute('data-screen')}|${document.querySelector('main')?.innerText.length}|${document.querySelector('main')?.innerText.slice(0, 200)}`);
}

const press = (page: Page, selector: string): Promise<void> => pressEnter(page, selector);

/** Whether the photo question's preview shows the camera yet. */
function cameraRuns(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const v = document.querySelector('video.photo-preview') as HTMLVideoElement | null;
    return !!v?.srcObject && v.readyState >= 2;
  });
}

/** Waits for the taken photo and checks it is a picture, not the empty frame of a camera that had not started. */
async function expectPicture(page: Page, screen: string): Promise<void> {
  await page.waitForSelector('[data-action="use-photo"]');
  const width = await page.evaluate(() => (document.querySelector('img.photo-preview') as HTMLImageElement | null)?.naturalWidth ?? 0);
  if (width < 64) throw new Error(`the photo taken at ${screen} is ${width} px wide: no picture`);
}

export interface DriveResult {
  screens: string[];
  axe: Record<string, string[]>;
}

/** Drives from the service's intro to the submitted screen. Records axe results and screenshots per screen. */
export async function driveFlow(page: Page, answers: Answers, opts: { shotPrefix: string; maxSteps?: number; onScreen?: (id: string) => Promise<void>; familyCard?: FamilyCardHand }): Promise<DriveResult> {
  const screens: string[] = [];
  const axe: Record<string, string[]> = {};
  for (let i = 0; i < (opts.maxSteps ?? 30); i++) {
    await page.waitForSelector('[data-screen]');
    await page.waitForTimeout(150);
    // Still asking the store whether this was filed before: wait for its answer.
    await page.waitForFunction(() => !document.querySelector('[data-screen$="-checking"]'));
    const id = (await page.getAttribute('[data-screen]', 'data-screen')) ?? '?';
    const seen = screens.includes(id);
    screens.push(id);
    if (!seen) {
      axe[id] = await axeViolations(page);
      await screenshot(page, `${opts.shotPrefix}-${String(screens.length).padStart(2, '0')}-${id}`);
    }
    await opts.onScreen?.(id);
    // Saving can take a while on a busy machine: the submitted screen gets its tracking number then.
    if (id.endsWith('-submitted')) await page.waitForSelector('[data-testid="tracking-number"]', { timeout: 90_000 });
    if (await page.locator('[data-testid="tracking-number"]').count()) return { screens, axe };
    if (await page.locator('[data-testid="ineligible"]').count()) throw new Error(`flow stopped as ineligible at ${id}: ${await page.innerText('[data-testid="ineligible"]')}`);
    const before = await snapshot(page);
    // The same kind of application already filed this period: these drives file again on purpose.
    if (await page.locator('[data-action="already-continue"]').count()) await press(page, '[data-action="already-continue"]');
    else if (await page.locator('[data-action="start"]').count()) await press(page, '[data-action="start"]');
    else if (await page.locator('[data-testid="summary"]').count()) await press(page, '[data-answer="yes"]');
    else if (await page.locator('[data-testid="number-readback"]').count()) await press(page, '[data-answer="yes"]');
    else if (await page.locator('[data-action="use-photo"]').count()) await press(page, '[data-action="use-photo"]');
    else if (await page.locator('.question-view').count()) {
      const kind = (await page.getAttribute('.question-view', 'data-field-kind'))!;
      const field = (await page.getAttribute('.question-view', 'data-field-id'))!;
      const wanted = answers[field];
      if (wanted === 'skip') {
        await press(page, '[data-action="skip"]');
      } else if (kind === 'choice' || kind === 'relationship' || kind === 'yes-no') {
        await press(page, wanted ? `[data-option="${wanted}"]` : '[data-option]');
      } else if (kind === 'family-card') {
        if (!opts.familyCard) throw new Error(`${id} asks for a family member's card: pass opts.familyCard`);
        await opts.familyCard.put();
        await page.waitForSelector('[data-testid="family-card-read"]', { timeout: 30_000 });
        // Taking the family member's card away answers the question: the flow moves on.
        await opts.familyCard.take();
        await page.waitForFunction((f) => document.querySelector('.question-view')?.getAttribute('data-field-id') !== f, field, { timeout: 30_000 });
        continue;
      } else if (kind === 'photo' && (await page.locator('[data-testid="face-check"]').count())) {
        // The face check decides by itself (the fake camera plays its file): wait for the photo to
        // review, or for the fallback after three failed attempts ('fallback' in the answers).
        const end = wanted === 'fallback' ? '[data-face-state="fallback"]' : '[data-face-state="review"]';
        for (;;) {
          await page.waitForSelector('[data-face-state="review"], [data-face-state="failed"], [data-face-state="fallback"]', { timeout: 180_000 });
          if (await page.locator(end).count()) break;
          const reason = await page.getAttribute('[data-face-state]', 'data-face-reason');
          if (wanted !== 'fallback' || !(await page.locator('[data-face-state="failed"]').count())) throw new Error(`the face check ended at ${id} with ${reason}`);
          await press(page, '[data-action="face-try-again"]');
        }
        await press(page, wanted === 'fallback' ? '[data-action="face-fallback"]' : '[data-action="use-photo"]');
      } else if (kind === 'photo') {
        if (wanted === 'early') {
          // Pressed at once, without waiting for the button to be ready: as an impatient resident would.
          await page.locator('[data-action="take-photo"]').focus();
          if (await cameraRuns(page)) throw new Error(`the camera already ran at ${id}: 拍照 was not early`);
          await page.keyboard.press('Enter');
        } else await press(page, '[data-action="take-photo"]');
        await expectPicture(page, id);
        if (wanted === 'retake') {
          await press(page, '[data-action="retake-photo"]');
          await press(page, '[data-action="take-photo"]');
          await expectPicture(page, id);
        }
        continue;
      } else if (kind === 'text') {
        await page.locator('[data-testid="text-entry"]').fill(wanted ?? DEFAULTS.text!);
        await press(page, '[data-action="confirm-text"]');
      } else {
        const digits = wanted ?? (kind === 'id-number' ? familyIdNumber() : DEFAULTS[kind]!);
        await page.keyboard.type(digits);
        await press(page, '[data-action="confirm-number"]');
        if (await page.locator('[data-testid="number-readback"]').count()) continue;
      }
    } else if (await page.locator('[data-action="next"]').count()) await press(page, '[data-action="next"]');
    else throw new Error(`do not know how to answer screen ${id}`);
    await page.waitForFunction((b) => `${document.querySelector('[data-screen]')?.getAttribute('data-screen')}|${document.querySelector('main')?.innerText.length}|${document.querySelector('main')?.innerText.slice(0, 200)}` !== b, before, { timeout: 15_000 });
  }
  throw new Error(`flow did not finish: ${screens.join(' → ')}`);
}
