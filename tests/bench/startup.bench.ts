// bench:startup — cold start of the web host and Chromium to the home screen
// being interactive (the first tile focused and answering a key), median of 5
// runs, and the memory of the kiosk's processes once settled (speech engine
// loaded). Both are started exactly as `npm start` starts them: the built host
// (dist/host) and Chromium with the kiosk's own flags (headless here; there is
// no display).
//
// The anchor: in the same runs, interleaved with the kiosk (the order swaps
// every run, so neither always meets a warmer cache or a busier machine), bare
// Chromium is started through the same launchChromium() — hence exactly the
// kiosk's flags — on a static page with two buttons, and timed by the same
// harness. The ratio kiosk / bare is what the project adds on top of the browser
// it cannot avoid; on a busy machine the absolute figures wander, the ratio much less.
//
// The host alone: its RSS and PSS, Node's heap (from the host, test controls
// only), the native modules' mapped code, and what the speech model costs (one
// extra host run with recognition off, measured the same way).
//
// Last line: {"interactiveMs":…,"bareInteractiveMs":…,"ratio":…,"totalRssMb":…,"totalPssMb":…,"barePssMb":…,"hostRssMb":…,"runs":5}
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { startKiosk, type KioskProcess } from '../support/kiosk-process.js';
import { CHROMIUM } from '../support/browser.js';
import { launchChromium } from '../../main/webhost/chromium.js';
import { devtoolsPort, PageProbe } from './startup/cdp-probe.js';
import { descendants, hostMemory, treeMemoryMb } from './proc-memory.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The one harness both are timed with: Chromium launched with the kiosk's
 * flags on `launchUrl`, then the page at `origin` waited for until `isFirst`
 * (an expression) is true, then a key pressed and waited for until focus has
 * moved. Returns the moment it answered and the open browser (for its memory).
 * The probe (startup/cdp-probe.ts) only observes: it pauses nothing.
 */
async function openInteractive(launchUrl: string, origin: string, isFirst: string) {
  const browser = launchChromium(CHROMIUM, launchUrl, { kiosk: true, headless: true, extraArgs: ['--remote-debugging-port=0'] });
  const probe = await PageProbe.open(await devtoolsPort(browser.child), origin);
  await probe.waitFor(isFirst);
  // Interactive means it answers a key press, not just that it painted.
  await probe.press('ArrowDown');
  await probe.waitFor(`!(${isFirst})`);
  const at = performance.now();
  return {
    at,
    browser,
    async close() {
      probe.close();
      await browser.dispose();
    },
  };
}

/** The anchor's page: two large buttons, the first focused, arrow keys move between them. */
const BARE_PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>bare</title>
<style>button{display:block;font-size:48px;margin:24px;padding:24px}</style>
<button id="a" autofocus>养老认证</button><button id="b">社保查询</button>
<script>addEventListener('keydown',e=>{if(e.key==='ArrowDown')document.getElementById('b').focus();if(e.key==='ArrowUp')document.getElementById('a').focus();});</script></html>`;

async function startBarePageServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(BARE_PAGE));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise((r) => server.close(() => r())) };
}

/** Waits until the host says its recognizer is loaded (or unavailable): memory is measured with the model in. */
async function speechSettled(kiosk: KioskProcess): Promise<void> {
  const t0 = performance.now();
  while (!/recognizer loaded|recognition unavailable/.test(kiosk.stderr())) {
    if (performance.now() - t0 > 60_000) throw new Error(`the recognizer did not load in 60 s\n${kiosk.stderr()}`);
    await sleep(50);
  }
}

/** The host's phases as it logged them ("startup" lines; ms since its process started). */
function hostPhases(kiosk: KioskProcess): Map<string, number> {
  const phases = new Map<string, number>();
  for (const m of kiosk.stderr().matchAll(/\] startup \{"phase":"([^"]+)","ms":(\d+)/g)) if (!phases.has(m[1]!)) phases.set(m[1]!, Number(m[2]));
  return phases;
}

async function runKiosk() {
  const t0 = performance.now();
  const kiosk = await startKiosk({ entry: 'built' });
  const tHost = performance.now();
  // Chromium is started as soon as the host's port is bound, as `npm start` starts it.
  const open = await openInteractive(kiosk.startUrl, kiosk.origin, `document.activeElement?.getAttribute('data-service') === 'pension-certification'`);
  await speechSettled(kiosk);
  await sleep(1500);
  // The kiosk's processes: the host and its children, Chromium and its children
  // (not this benchmark's own tooling).
  const hostPids = [kiosk.child.pid!, ...descendants(kiosk.child.pid!)];
  const mem = treeMemoryMb([...hostPids, open.browser.child.pid!, ...descendants(open.browser.child.pid!)]);
  const host = treeMemoryMb(hostPids);
  const inside = await kiosk.control<{ heapUsed: number; heapTotal: number; external: number; arrayBuffers: number }>('process', 'memory');
  const native = hostMemory(kiosk.child.pid!);
  const phases = hostPhases(kiosk);
  await open.close();
  await kiosk.stop();
  return {
    ms: open.at - t0,
    hostUpMs: tHost - t0,
    rssMb: mem.rssMb,
    pssMb: mem.pssMb,
    hostRssMb: host.rssMb,
    hostPssMb: host.pssMb,
    heapMb: Math.round(inside.heapUsed / 1048576),
    externalMb: Math.round(inside.external / 1048576),
    nativeMb: native.nativeCodeMb,
    phases,
  };
}

async function runBare(origin: string) {
  const t0 = performance.now();
  const open = await openInteractive(`${origin}/`, origin, `document.activeElement?.id === 'a'`);
  await sleep(1500);
  const mem = treeMemoryMb([open.browser.child.pid!, ...descendants(open.browser.child.pid!)]);
  await open.close();
  return { ms: open.at - t0, rssMb: mem.rssMb, pssMb: mem.pssMb };
}

/** The host with recognition off, settled: the difference to a normal host is the speech model. */
async function hostWithoutSpeech(): Promise<{ rssMb: number; pssMb: number }> {
  const kiosk = await startKiosk({ entry: 'built', config: { speech: { recognition: { engine: 'none' } } } });
  // The page is served and a session opened, as in a real start, so the two hosts differ only in the model.
  await kiosk.ipc('app:info', {}).catch(() => undefined);
  await sleep(1500);
  const mem = treeMemoryMb([kiosk.child.pid!, ...descendants(kiosk.child.pid!)]);
  await kiosk.stop();
  return mem;
}

const bareServer = await startBarePageServer();
const kioskRuns: Awaited<ReturnType<typeof runKiosk>>[] = [];
const bareRuns: Awaited<ReturnType<typeof runBare>>[] = [];
for (let i = 0; i < RUNS; i++) {
  // Swap the order every run: whichever goes second meets a warmer page cache.
  const k = i % 2 === 0 ? await runKiosk() : undefined;
  const b = await runBare(bareServer.origin);
  const kk = k ?? (await runKiosk());
  kioskRuns.push(kk);
  bareRuns.push(b);
  const phases = [...kk.phases].map(([p, ms]) => `${p} ${ms}`).join(', ');
  console.log(
    `run ${i + 1}: kiosk interactive ${Math.round(kk.ms)} ms (host up ${Math.round(kk.hostUpMs)} ms), bare ${Math.round(b.ms)} ms, ratio ${(kk.ms / b.ms).toFixed(2)}; ` +
      `PSS kiosk ${kk.pssMb} MB / bare ${b.pssMb} MB (+${kk.pssMb - b.pssMb}), RSS kiosk ${kk.rssMb} MB / bare ${b.rssMb} MB; host RSS ${kk.hostRssMb} MB`,
  );
  console.log(`  host phases (ms since its process started): ${phases}`);
}
await bareServer.close();
const noSpeech = await hostWithoutSpeech();

const interactiveMs = Math.round(median(kioskRuns.map((r) => r.ms)));
const bareInteractiveMs = Math.round(median(bareRuns.map((r) => r.ms)));
const ratio = Number((interactiveMs / bareInteractiveMs).toFixed(2));
const totalRssMb = median(kioskRuns.map((r) => r.rssMb));
const totalPssMb = median(kioskRuns.map((r) => r.pssMb));
const barePssMb = median(bareRuns.map((r) => r.pssMb));
const bareRssMb = median(bareRuns.map((r) => r.rssMb));
const hostRssMb = median(kioskRuns.map((r) => r.hostRssMb));
const hostPssMb = median(kioskRuns.map((r) => r.hostPssMb));
const phaseNames = [...new Set(kioskRuns.flatMap((r) => [...r.phases.keys()]))];
console.log(`median: interactive kiosk ${interactiveMs} ms, bare Chromium ${bareInteractiveMs} ms, ratio ${ratio} (goal ≤ 1.3); host up ${Math.round(median(kioskRuns.map((r) => r.hostUpMs)))} ms`);
console.log(`median host phases: ${phaseNames.map((p) => `${p} ${median(kioskRuns.map((r) => r.phases.get(p) ?? NaN))}`).join(', ')}`);
console.log(`memory: PSS kiosk ${totalPssMb} MB, bare ${barePssMb} MB, kiosk − bare ${totalPssMb - barePssMb} MB (goal ≤ 100); RSS kiosk ${totalRssMb} MB, bare ${bareRssMb} MB`);
console.log(
  `host alone: RSS ${hostRssMb} MB, PSS ${hostPssMb} MB; Node heap used ${median(kioskRuns.map((r) => r.heapMb))} MB, external ${median(kioskRuns.map((r) => r.externalMb))} MB, ` +
    `native code mapped ${median(kioskRuns.map((r) => r.nativeMb))} MB; speech model ≈ ${hostRssMb - noSpeech.rssMb} MB RSS (host without recognition: RSS ${noSpeech.rssMb} MB, PSS ${noSpeech.pssMb} MB)`,
);
console.log(JSON.stringify({ interactiveMs, bareInteractiveMs, ratio, totalRssMb, totalPssMb, barePssMb, hostRssMb, runs: RUNS }));
