// What the first screen waits for, in real Chromium through the real web host:
// the tiles' catalogue:list is asked for at once (not after App's app:info has
// been answered), and answered before anything that is for later is
// asked for — the speech model (speech:status loads it, holding the station's
// thread) and the other screens' code (chunks of their own, fetched once the
// tiles are up). Read from the order of the page's own socket frames and requests.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startKiosk, type KioskProcess } from '../support/kiosk-process.js';
import { launchBrowser, newKioskPage } from '../support/browser.js';

let kiosk: KioskProcess;
let browser: Browser;
let page: Page;

/** Everything the page did, in order: socket frames sent and received, and requests for scripts, stylesheets and fonts. */
const events: { kind: 'sent' | 'received' | 'script' | 'stylesheet' | 'font'; channel?: string; id?: number; url?: string }[] = [];

beforeAll(async () => {
  kiosk = await startKiosk();
  browser = await launchBrowser();
  ({ page } = await newKioskPage(browser));
  page.on('websocket', (ws) => {
    ws.on('framesent', (f) => {
      const m = JSON.parse(String(f.payload)) as { type: string; id: number; channel?: string };
      if (m.type === 'call') events.push({ kind: 'sent', channel: m.channel!, id: m.id });
    });
    ws.on('framereceived', (f) => {
      const m = JSON.parse(String(f.payload)) as { type: string; id: number };
      if (m.type === 'result') events.push({ kind: 'received', id: m.id });
    });
  });
  page.on('request', (r) => {
    const kind = r.resourceType();
    if (kind === 'script' || kind === 'stylesheet' || kind === 'font') events.push({ kind, url: r.url() });
  });
  await page.goto(await kiosk.launchUrl());
  await page.waitForSelector('.tile');
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

/** Whether fontconfig knows Noto Sans CJK SC (Debian's fonts-noto-cjk). */
function hasSystemCjkFont(): boolean {
  try {
    return execFileSync('fc-list', [':family=Noto Sans CJK SC'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

/** Waits until the page has done `pred` (a state, not a time; generous for a busy machine). */
async function until(pred: () => boolean, what: string): Promise<void> {
  await expect.poll(pred, { message: `never happened: ${what}`, timeout: 90_000, interval: 100 }).toBe(true);
}

describe('the first screen', () => {
  it('asks for the speech model only after the tiles’ catalogue has been answered', async () => {
    await until(() => events.some((e) => e.channel === 'speech:status'), 'speech:status sent');
    const catalogue = events.findIndex((e) => e.kind === 'sent' && e.channel === 'catalogue:list');
    const answered = events.findIndex((e) => e.kind === 'received' && e.id === events[catalogue]!.id);
    const speech = events.findIndex((e) => e.channel === 'speech:status');
    expect(catalogue).toBeGreaterThanOrEqual(0);
    expect(answered).toBeGreaterThan(catalogue);
    expect(speech).toBeGreaterThan(answered);
  });

  it('asks for the tiles together with app:info, not once App has its answer', async () => {
    const info = events.findIndex((e) => e.kind === 'sent' && e.channel === 'app:info');
    const infoAnswered = events.findIndex((e) => e.kind === 'received' && e.id === events[info]!.id);
    const catalogue = events.findIndex((e) => e.kind === 'sent' && e.channel === 'catalogue:list');
    expect(info).toBeGreaterThanOrEqual(0);
    expect(catalogue).toBeGreaterThanOrEqual(0);
    expect(catalogue).toBeLessThan(infoAnswered);
  });

  it('loads only its own code before the tiles, and the other screens’ code after them', async () => {
    await until(() => events.some((e) => e.kind === 'script' && /FlowService-/.test(e.url!)), 'the flow screens fetched');
    const catalogue = events.findIndex((e) => e.kind === 'sent' && e.channel === 'catalogue:list');
    const before = events.slice(0, catalogue).filter((e) => e.kind === 'script').map((e) => new URL(e.url!).pathname);
    expect(before).toHaveLength(1);
    expect(before[0]).toMatch(/\/assets\/index-[\w-]+\.js$/);
    const later = events.slice(catalogue).filter((e) => e.kind === 'script').map((e) => new URL(e.url!).pathname);
    for (const screen of ['FlowService', 'DeskScreen', 'PolicyQa', 'CertificatePrint']) expect(later.some((u) => u.includes(`/${screen}-`))).toBe(true);
  });

  it('draws with the station’s own Noto Sans CJK and fetches no web font, in either weight', async (ctx) => {
    // fonts-noto-cjk is a kiosk package (build/apt-packages.txt) and comes first
    // in the font stack: each web font subset that arrived relaid the first
    // screen out. (A box without the package falls back to the web font; its
    // bold weight's stylesheet is still fetched only once the tiles are up.)
    if (!hasSystemCjkFont()) ctx.skip();
    await until(() => events.some((e) => e.kind === 'stylesheet' && /\/assets\/700-[\w-]+\.css$/.test(e.url!)), 'the bold weight’s stylesheet fetched');
    await expect.poll(() => page.evaluate(() => document.fonts.status), { timeout: 90_000 }).toBe('loaded');
    const firstSheet = events.findIndex((e) => e.kind === 'stylesheet');
    const boldSheet = events.findIndex((e) => e.kind === 'stylesheet' && /\/assets\/700-[\w-]+\.css$/.test(e.url!));
    expect(boldSheet).toBeGreaterThan(firstSheet);
    expect(events.filter((e) => e.kind === 'font').map((e) => new URL(e.url!).pathname)).toEqual([]);
  });
});
