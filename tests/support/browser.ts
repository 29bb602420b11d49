// Debian's Chromium driven by playwright-core (the test tool's own browser
// download is impossible here). Screenshots go to test-results/.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { repoRoot } from './kiosk-process.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const BASE_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--autoplay-policy=no-user-gesture-required'];

/**
 * The shared face material (`../shared/faces`, beside the repository; never copied
 * into it), or null when it is absent: tests that need it skip and say so.
 */
export function faceMaterialDir(): string | null {
  const dir = path.resolve(repoRoot, '..', 'shared', 'faces');
  return fs.existsSync(path.join(dir, 'video')) ? dir : null;
}

/** Chromium's fake camera playing `file` (a .y4m or .mjpeg), with the permission prompt answered yes. */
export function fakeCameraFlags(file: string): string[] {
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${path.resolve(file)}`];
}

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...BASE_FLAGS, ...extraArgs] });
}

export async function newKioskPage(browser: Browser, opts: { width?: number; height?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1920, height: opts.height ?? 1080 }, locale: 'zh-CN' });
  const page = await context.newPage();
  return { context, page };
}

const resultsDir = path.join(repoRoot, 'test-results');

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Runs axe-core (WCAG 2.x A/AA/AAA rules) and returns the violations, compactly described. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag2aaa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The element that has focus, described by its data attributes and text. */
export async function focused(page: Page): Promise<{ tag: string; text: string; service: string | null; nav: string | null }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName ?? '',
      text: (el?.innerText ?? '').trim(),
      service: el?.getAttribute('data-service') ?? null,
      nav: el?.getAttribute('data-nav') ?? null,
    };
  });
}

/** Where the page is, for a failure message: the screen, what has focus, the start of its main text. */
export async function whereIs(page: Page): Promise<string> {
  return page
    .evaluate(() => {
      const screen = [...document.querySelectorAll('[data-screen]')].map((e) => e.getAttribute('data-screen')).join(' > ');
      const a = document.activeElement as HTMLElement | null;
      const focus = a ? `${a.tagName.toLowerCase()}${[...a.attributes].filter((x) => x.name.startsWith('data-')).map((x) => `[${x.name}="${x.value}"]`).join('')}` : 'none';
      const dialogs = [...document.querySelectorAll('[role="dialog"], [role="alertdialog"], dialog[open]')].map((d) => (d as HTMLElement).innerText.slice(0, 80));
      const main = (document.querySelector('main') as HTMLElement | null)?.innerText.replace(/\s+/g, ' ').slice(0, 240) ?? '';
      return `screen ${screen || 'none'}; focus ${focus}; dialogs ${JSON.stringify(dialogs)}; main "${main}"`;
    })
    .catch((e: Error) => `page not readable: ${e.message}`);
}

/**
 * Focuses the first element matching `selector` once it is shown and enabled,
 * then presses Enter (the remote's OK). A failure names the screen the page was
 * on instead: a CI log kept only by its tail still says what happened.
 */
export async function pressEnter(page: Page, selector: string, timeout = 30_000): Promise<void> {
  const el = page.locator(selector).first();
  try {
    await el.waitFor({ timeout });
    await page.waitForFunction((s) => !(document.querySelector(s) as HTMLButtonElement | null)?.disabled, selector, { timeout });
  } catch (e) {
    throw new Error(`${selector} never became pressable (${(e as Error).message.split('\n')[0]}); ${await whereIs(page)}`, { cause: e });
  }
  await el.focus();
  await page.keyboard.press('Enter');
}

/**
 * Walks focus with the arrow keys only, one step at a time towards the element
 * with `attr="value"`, then presses Enter: what a D-pad user does.
 */
export async function pressByArrows(p: Page, attr: string, value: string): Promise<void> {
  const selector = `[${attr}="${value}"]`;
  await p.locator(selector).first().waitFor();
  for (let i = 0; i < 30; i++) {
    const step = await p.evaluate((sel) => {
      const t = document.querySelector(sel)!;
      const a = document.activeElement;
      if (a === t) return 'here';
      if (!a || a === document.body) return 'ArrowDown';
      const tr = t.getBoundingClientRect();
      const ar = a.getBoundingClientRect();
      const dy = (tr.top + tr.bottom) / 2 - (ar.top + ar.bottom) / 2;
      const dx = (tr.left + tr.right) / 2 - (ar.left + ar.right) / 2;
      if (Math.abs(dy) > Math.min(tr.height, ar.height) / 2) return dy > 0 ? 'ArrowDown' : 'ArrowUp';
      return dx > 0 ? 'ArrowRight' : 'ArrowLeft';
    }, selector);
    if (step === 'here') return p.keyboard.press('Enter');
    await p.keyboard.press(step);
  }
  throw new Error(`arrow keys never reached ${selector}`);
}

/**
 * With the page's clock faked: runs it a second at a time until the 您还在吗 countdown
 * runs (it is held while the warning is being said, for at most 30 s), so a test
 * does not depend on when the guard's timers were set.
 */
export async function untilCountdownRuns(page: Page): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if ((await page.locator('[data-countdown="running"]').count()) > 0) return;
    await page.clock.runFor(1_000);
  }
  throw new Error('the countdown never started');
}
