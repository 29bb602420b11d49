// What the first screen waits for, in real Chromium through the real web host:
// its data (app:info and the tiles' catalogue) comes with the page, preloaded
// by its HTML from the host (FIRST_SCREEN_PATH), so the tiles wait for no
// socket; and it is in before anything that is for later is asked for — the
// speech model (speech:status loads it, holding the station's thread) and the
// other screens' code (chunks of their own, fetched once the tiles are up).
// When the host cannot give that data, the page asks over its socket, the
// tiles' catalogue:list at once (not after App's app:info has been answered).
// Read from the order of the page's own socket frames and requests.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startKiosk, type KioskProcess } from '../support/kiosk-process.js';
import { launchBrowser, newKioskPage } from '../support/browser.js';
import { FIRST_SCREEN_PATH } from '../../common/ipc/paths.js';

let kiosk: KioskProcess;
let browser: Browser;

type PageEvent = { kind: 'sent' | 'received' | 'script' | 'stylesheet' | 'font' | 'first-screen' | 'first-screen-answered'; channel?: string; id?: number; url?: string };

/** Opens the kiosk in a fresh page, recording everything it does in order: socket frames sent and received, and requests for its data, scripts, stylesheets and fonts. */
async function openRecorded(opts: { refuseFirstScreen?: boolean } = {}): Promise<{ page: Page; events: PageEvent[] }> {
  const { page } = await newKioskPage(browser);
  const events: PageEvent[] = [];
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
  const isFirstScreen = (url: string) => new URL(url).pathname === FIRST_SCREEN_PATH;
  page.on('request', (r) => {
    const kind = r.resourceType();
    if (isFirstScreen(r.url())) events.push({ kind: 'first-screen', url: r.url() });
    else if (kind === 'script' || kind === 'stylesheet' || kind === 'font') events.push({ kind, url: r.url() });
  });
  page.on('requestfinished', (r) => {
    if (isFirstScreen(r.url())) events.push({ kind: 'first-screen-answered' });
  });
  // When the first tile is in the page, on the page's own clock (its resource timings are on it too).
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('.tile')) return;
      (window as unknown as { tilesAt: number }).tilesAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
    // What has the focus in the first frame that shows tiles: read in that frame's
    // animation callback, which runs after every task before it and before it is painted.
    const frame = () => {
      if (!document.querySelector('.tile')) return void requestAnimationFrame(frame);
      (window as unknown as { focusInFirstFrame: string | null }).focusInFirstFrame = document.activeElement?.getAttribute('data-service') ?? null;
    };
    requestAnimationFrame(frame);
  });
  // A host that cannot give the first screen's data (503, as when the station cannot answer both channels).
  if (opts.refuseFirstScreen) await page.route(`**${FIRST_SCREEN_PATH}`, (route) => route.fulfill({ status: 503, headers: { 'Cache-Control': 'no-store' } }));
  await page.goto(await kiosk.launchUrl());
  await page.waitForSelector('.tile');
  return { page, events };
}

let page: Page;
let events: PageEvent[];

beforeAll(async () => {
  kiosk = await startKiosk();
  browser = await launchBrowser();
  ({ page, events } = await openRecorded());
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
  it('draws its tiles from the data that came with the page: one preloaded request, and no call over the socket for them', async () => {
    // One request: the HTML's preload, which the page's own fetch then used.
    expect(events.filter((e) => e.kind === 'first-screen')).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'sent' && (e.channel === 'app:info' || e.channel === 'catalogue:list'))).toEqual([]);
    expect(await page.evaluate(() => location.pathname)).toBe('/');
  });

  it('shows its tiles with the first one focused in their very first frame: a D-pad answers as they appear', async () => {
    const inFirstFrame = () => page.evaluate(() => (window as unknown as { focusInFirstFrame?: string | null }).focusInFirstFrame);
    // Recorded once that frame has run (the tiles may be in the page a moment before it).
    await expect.poll(async () => (await inFirstFrame()) !== undefined, { timeout: 90_000, interval: 100 }).toBe(true);
    expect(await inFirstFrame()).toBe('pension-certification');
  });

  it('asks for the speech model only once its data is in', async () => {
    await until(() => events.some((e) => e.channel === 'speech:status'), 'speech:status sent');
    const answered = events.findIndex((e) => e.kind === 'first-screen-answered');
    const speech = events.findIndex((e) => e.channel === 'speech:status');
    expect(answered).toBeGreaterThanOrEqual(0);
    expect(speech).toBeGreaterThan(answered);
  });

  it('loads only its own code before the tiles, and the other screens’ code after them', async () => {
    // Read on the page's own clock: when the first tile went in, and when each script was asked for
    // (a script's timing entry is there once it has arrived: waited for, every screen's).
    const screens = ['FlowService', 'DeskScreen', 'PolicyQa', 'CertificatePrint'];
    const timings = () =>
      page.evaluate(() => ({
        tilesAt: (window as unknown as { tilesAt: number }).tilesAt,
        scripts: performance
          .getEntriesByType('resource')
          .filter((e) => new URL(e.name).pathname.endsWith('.js'))
          .map((e) => ({ path: new URL(e.name).pathname, at: e.startTime, bytes: (e as PerformanceResourceTiming).decodedBodySize })),
      }));
    const arrived = async () => {
      const { scripts } = await timings();
      return screens.filter((screen) => scripts.some((s) => s.path.includes(`/${screen}-`))).length;
    };
    await expect.poll(arrived, { message: 'every screen’s code arrived', timeout: 90_000, interval: 100 }).toBe(screens.length);
    const { tilesAt, scripts } = await timings();
    expect(tilesAt).toBeGreaterThan(0);
    const before = scripts.filter((s) => s.at < tilesAt);
    expect(before).toHaveLength(1);
    expect(before[0]!.path).toMatch(/\/assets\/index-[\w-]+\.js$/);
    // And that code is small: a set-top box's slow cores parse and run all of it before the
    // first screen. With Preact under the React API it is ≈ 94 KB; with React it was 297 KB.
    expect(before[0]!.bytes).toBeGreaterThan(0);
    expect(before[0]!.bytes).toBeLessThan(128 * 1024);
    const later = scripts.filter((s) => s.at > tilesAt).map((s) => s.path);
    for (const screen of screens) expect(later.some((u) => u.includes(`/${screen}-`))).toBe(true);
  });

  it('without that data, asks over its socket: the tiles together with app:info, and the speech model only after the tiles', async () => {
    const fallback = await openRecorded({ refuseFirstScreen: true });
    await until(() => fallback.events.some((e) => e.channel === 'speech:status'), 'speech:status sent');
    const ev = fallback.events;
    const info = ev.findIndex((e) => e.kind === 'sent' && e.channel === 'app:info');
    const infoAnswered = ev.findIndex((e) => e.kind === 'received' && e.id === ev[info]!.id);
    const catalogue = ev.findIndex((e) => e.kind === 'sent' && e.channel === 'catalogue:list');
    const catalogueAnswered = ev.findIndex((e) => e.kind === 'received' && e.id === ev[catalogue]!.id);
    const speech = ev.findIndex((e) => e.channel === 'speech:status');
    expect(info).toBeGreaterThanOrEqual(0);
    expect(catalogue).toBeGreaterThanOrEqual(0);
    expect(catalogue).toBeLessThan(infoAnswered);
    expect(speech).toBeGreaterThan(catalogueAnswered);
    await fallback.page.context().close();
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
