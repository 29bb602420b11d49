// bench:startup — cold start of the web host and Chromium to the home screen
// being interactive (the first tile focused and answering a key), median of 5
// runs, and the memory of the kiosk's processes once settled. Both are started
// exactly as `npm start` starts them: the built host (dist/host) and Chromium
// with the kiosk's own flags (headless here; there is no display).
// Last line: {"interactiveMs":…,"totalRssMb":…,"runs":5}
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { startKiosk } from '../support/kiosk-process.js';
import { CHROMIUM } from '../support/browser.js';
import { launchChromium } from '../../main/webhost/chromium.js';
import { descendants, treeMemoryMb } from './proc-memory.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function devtoolsUrl(child: ReturnType<typeof launchChromium>['child']): Promise<string> {
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no DevTools endpoint:\n${err}`)), 30_000);
    child.stderr!.on('data', (c: Buffer) => {
      err += c.toString();
      const m = /DevTools listening on (ws:\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
}

const times: number[] = [];
const hostMs: number[] = [];
const rss: number[] = [];
const pss: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const kiosk = await startKiosk({ entry: 'built' });
  const tHost = performance.now();
  const browser = launchChromium(CHROMIUM, await kiosk.launchUrl(), { kiosk: true, headless: true, extraArgs: ['--remote-debugging-port=0'] });
  // Measuring needs a DevTools connection; it is attached after launch and only observes.
  const cdp = await chromium.connectOverCDP(await devtoolsUrl(browser.child));
  const page = await (async () => {
    for (;;) {
      const p = cdp.contexts().flatMap((c) => c.pages()).find((pg) => pg.url().startsWith(kiosk.origin));
      if (p) return p;
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  await page
    .waitForFunction(() => document.activeElement?.getAttribute('data-service') === 'pension-certification', undefined, { polling: 20, timeout: 30_000 })
    .catch(async (e: Error) => {
      throw new Error(`${e.message}\nfocused: ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))}`);
    });
  // Interactive means it answers a key press, not just that it painted. (A
  // headless window has no OS focus; DevTools gives it, as a display would.)
  await page.bringToFront();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-service') !== 'pension-certification', undefined, { polling: 20 });
  const t1 = performance.now();
  await new Promise((r) => setTimeout(r, 1500));
  // The kiosk's processes: the host and its children, Chromium and its children
  // (not this benchmark's own tooling).
  const pids = [kiosk.child.pid!, ...descendants(kiosk.child.pid!), browser.child.pid!, ...descendants(browser.child.pid!)];
  const mem = treeMemoryMb(pids);
  times.push(t1 - t0);
  hostMs.push(tHost - t0);
  rss.push(mem.rssMb);
  pss.push(mem.pssMb);
  console.log(`run ${i + 1}: interactive ${Math.round(t1 - t0)} ms (host up ${Math.round(tHost - t0)} ms), RSS ${mem.rssMb} MB, PSS ${mem.pssMb} MB`);
  await cdp.close();
  await browser.dispose();
  await kiosk.stop();
}

const interactiveMs = Math.round(median(times));
const totalRssMb = median(rss);
console.log(`median: interactive ${interactiveMs} ms (goal ≤ 2000, ratio ${(interactiveMs / 2000).toFixed(2)}), host start ${Math.round(median(hostMs))} ms`);
console.log(`memory: RSS ${totalRssMb} MB (goal ≤ 250, ratio ${(totalRssMb / 250).toFixed(2)}), PSS ${median(pss)} MB`);
console.log(JSON.stringify({ interactiveMs, totalRssMb, runs: RUNS }));
