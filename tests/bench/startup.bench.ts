// bench:startup — cold start of the web host and Chromium to the home screen
// being interactive (the first tile focused and answering a key), median of 5
// runs, and the memory of the kiosk's processes once settled (speech engine
// loaded, then private memory within 1 MB for 5 s: proc-memory.ts's
// memorySettled; bare Chromium measured the same way). Both browsers draw on a
// 1920×1080 screen, the display a headless Chromium stands in for
// (main/webhost/chromium.ts). The kiosk is started exactly as `npm start` starts it: the built
// host (dist/host), which starts its own Chromium with the kiosk's flags in its
// first milliseconds (`--headless-browser`: without a window, since there is no
// display here, and with its DevTools port printed for the probe).
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
// Two kiosks are timed: `npm start`'s default (the card reader and printer
// simulated on socat ptys, the embedded sync server in the host), and a TV
// box's config (no reader, no printer, the province's server remote and, as
// after a power cut before the link is back, unreachable). The simulators and
// the embedded server are development parts no station runs; the box is what
// the 1 GB figure is for.
//
// Every timed run is a start again on the data folder of an earlier one, as a
// kiosk starts after every power cut: its store is there, and so is the first
// screen's answer kept at its last start (main/webhost/first-screen-cache.ts),
// so its station starts once the page asks for it. The very first start of
// each config (a new store, nothing kept) is timed once before, and printed.
//
// Last line: {"interactiveMs":…,"bareInteractiveMs":…,"ratio":…,"totalRssMb":…,"totalPssMb":…,"barePssMb":…,"hostRssMb":…,"runs":5,"box":{…}}
// (the top-level figures are `npm start`'s default; "box" the same for the TV box's config)
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { startKiosk, type KioskProcess } from '../support/kiosk-process.js';
import { CHROMIUM } from '../support/browser.js';
import { launchChromium } from '../../main/webhost/chromium.js';
import { devtoolsPort, PageProbe } from '../support/cdp-probe.js';
import { commandLineHas, descendants, hostMemory, memorySettled, treeMemoryMb } from './proc-memory.js';
import { TV_BOX_CONFIG } from '../support/open-kiosk.js';
import { freePort } from '../support/postgres-cluster.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The one harness both are timed with: the page at `origin`, in the Chromium
 * whose DevTools answer on `port`, waited for until `isFirst` (an expression)
 * is true, then a key pressed and waited for until focus has moved. Returns the
 * moment it answered. The probe (tests/support/cdp-probe.ts) only observes: it
 * pauses nothing.
 */
async function interactive(port: number, origin: string, isFirst: string): Promise<number> {
  const probe = await PageProbe.open(port, origin);
  try {
    await probe.waitFor(isFirst);
    // Interactive means it answers a key press, not just that it painted.
    await probe.press('ArrowDown');
    await probe.waitFor(`!(${isFirst})`);
    return performance.now();
  } finally {
    probe.close();
  }
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

/** A TV box's station config: TV_BOX_CONFIG (no reader, no printer) syncing to a remote server, pinned, unreachable. */
async function tvBoxConfig(): Promise<Record<string, unknown>> {
  const serverPublicKey = crypto.generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
  // A port free now, that nothing listens on: the province's server with the link down.
  return { ...TV_BOX_CONFIG, sync: { server: `http://127.0.0.1:${await freePort()}`, serverPublicKey } };
}

async function runKiosk(dataDir: string, config?: Record<string, unknown>) {
  const t0 = performance.now();
  // The host starts its own Chromium, as `npm start` does: in its first
  // milliseconds, before its own code loads (main/webhost/early-start.ts).
  const kiosk = await startKiosk({ entry: 'built', browser: 'headless', dataDir, ...(config ? { config } : {}) });
  const tHost = performance.now();
  const at = await interactive(kiosk.browser!.devtoolsPort, kiosk.origin, `document.activeElement?.getAttribute('data-service') === 'pension-certification'`);
  await speechSettled(kiosk);
  // The kiosk's processes: the host and everything below it, its Chromium
  // included (not this benchmark's own tooling); the host alone leaves Chromium out.
  const pid = kiosk.child.pid!;
  const settle = await memorySettled(() => [pid, ...descendants(pid)]);
  const mem = treeMemoryMb([pid, ...descendants(pid)]);
  // (Chromium's processes are those on the profile folder main/webhost/chromium.ts makes.)
  const hostPids = [pid, ...descendants(pid, (p) => commandLineHas(p, '--user-data-dir=' + path.join(os.tmpdir(), 'xiangyin-chromium-')))];
  const host = treeMemoryMb(hostPids);
  const inside = await kiosk.control<{ heapUsed: number; heapTotal: number; external: number; arrayBuffers: number }>('process', 'memory');
  const native = hostMemory(kiosk.child.pid!);
  const phases = hostPhases(kiosk);
  await kiosk.stop();
  return {
    ms: at - t0,
    hostUpMs: tHost - t0,
    rssMb: mem.rssMb,
    pssMb: mem.pssMb,
    hostRssMb: host.rssMb,
    hostPssMb: host.pssMb,
    heapMb: Math.round(inside.heapUsed / 1048576),
    externalMb: Math.round(inside.external / 1048576),
    nativeMb: native.nativeCodeMb,
    phases,
    settle,
  };
}

async function runBare(origin: string) {
  const t0 = performance.now();
  // Through the same launchChromium() as the kiosk's, hence exactly its flags.
  const browser = launchChromium(CHROMIUM, `${origin}/`, { kiosk: true, headless: true, extraArgs: ['--remote-debugging-port=0'] });
  const at = await interactive(await devtoolsPort(browser.child), origin, `document.activeElement?.id === 'a'`);
  const tree = () => [browser.child.pid!, ...descendants(browser.child.pid!)];
  const settle = await memorySettled(tree);
  const mem = treeMemoryMb(tree());
  await browser.dispose();
  return { ms: at - t0, rssMb: mem.rssMb, pssMb: mem.pssMb, settle };
}

/** The host with recognition off, settled: the difference to a normal host is the speech model. */
async function hostWithoutSpeech(): Promise<{ rssMb: number; pssMb: number }> {
  const kiosk = await startKiosk({ entry: 'built', config: { speech: { recognition: { engine: 'none' } } } });
  // The page is served and a session opened, as in a real start, so the two hosts differ only in the model.
  await kiosk.ipc('app:info', {}).catch(() => undefined);
  await memorySettled(() => [kiosk.child.pid!, ...descendants(kiosk.child.pid!)]);
  const mem = treeMemoryMb([kiosk.child.pid!, ...descendants(kiosk.child.pid!)]);
  await kiosk.stop();
  return mem;
}

const bareServer = await startBarePageServer();
const boxConfig = await tvBoxConfig();
const kioskDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiangyin-bench-kiosk-'));
const boxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiangyin-bench-box-'));
// The first start of each: a new store, and nothing kept yet.
const firstKiosk = await runKiosk(kioskDir);
const firstBox = await runKiosk(boxDir, boxConfig);
console.log(`first start (a new store, nothing kept): kiosk interactive ${Math.round(firstKiosk.ms)} ms, TV box ${Math.round(firstBox.ms)} ms`);
type KioskRun = Awaited<ReturnType<typeof runKiosk>>;
const kioskRuns: KioskRun[] = [];
const boxRuns: KioskRun[] = [];
const bareRuns: Awaited<ReturnType<typeof runBare>>[] = [];
for (let i = 0; i < RUNS; i++) {
  // Rotate the order every run: whichever goes later meets a warmer page cache.
  const order = [0, 1, 2].map((k) => (k + i) % 3);
  let k!: KioskRun, box!: KioskRun, b!: Awaited<ReturnType<typeof runBare>>;
  for (const which of order) {
    if (which === 0) k = await runKiosk(kioskDir);
    else if (which === 1) b = await runBare(bareServer.origin);
    else box = await runKiosk(boxDir, boxConfig);
  }
  kioskRuns.push(k);
  boxRuns.push(box);
  bareRuns.push(b);
  const phases = (r: KioskRun) => [...r.phases].map(([p, ms]) => `${p} ${ms}`).join(', ');
  console.log(
    `run ${i + 1}: kiosk interactive ${Math.round(k.ms)} ms (host up ${Math.round(k.hostUpMs)} ms), TV box ${Math.round(box.ms)} ms, bare ${Math.round(b.ms)} ms, ratios ${(k.ms / b.ms).toFixed(2)} / ${(box.ms / b.ms).toFixed(2)}; ` +
      `PSS kiosk ${k.pssMb} MB / box ${box.pssMb} MB / bare ${b.pssMb} MB (+${k.pssMb - b.pssMb} / +${box.pssMb - b.pssMb}), RSS kiosk ${k.rssMb} MB / bare ${b.rssMb} MB; host RSS ${k.hostRssMb} / ${box.hostRssMb} MB`,
  );
  const settled = (s: { afterMs: number; settled: boolean }) => `${(s.afterMs / 1000).toFixed(1)} s${s.settled ? '' : ' (not settled: measured at 60 s)'}`;
  console.log(`  memory measured once settled (private memory within 1 MB for 5 s): kiosk after ${settled(k.settle)}, TV box ${settled(box.settle)}, bare ${settled(b.settle)}`);
  console.log(`  kiosk host phases (ms since its process started): ${phases(k)}`);
  console.log(`  TV box host phases: ${phases(box)}`);
}
await bareServer.close();
fs.rmSync(kioskDir, { recursive: true, force: true });
fs.rmSync(boxDir, { recursive: true, force: true });
const noSpeech = await hostWithoutSpeech();

const summary = (runs: KioskRun[], bareMs: number, barePss: number) => {
  const interactiveMs = Math.round(median(runs.map((r) => r.ms)));
  const totalPssMb = median(runs.map((r) => r.pssMb));
  return {
    interactiveMs,
    ratio: Number((interactiveMs / bareMs).toFixed(2)),
    totalRssMb: median(runs.map((r) => r.rssMb)),
    totalPssMb,
    overBarePssMb: totalPssMb - barePss,
    hostRssMb: median(runs.map((r) => r.hostRssMb)),
    hostPssMb: median(runs.map((r) => r.hostPssMb)),
  };
};
const bareInteractiveMs = Math.round(median(bareRuns.map((r) => r.ms)));
const barePssMb = median(bareRuns.map((r) => r.pssMb));
const bareRssMb = median(bareRuns.map((r) => r.rssMb));
const kiosk = summary(kioskRuns, bareInteractiveMs, barePssMb);
const box = summary(boxRuns, bareInteractiveMs, barePssMb);
const phaseLine = (runs: KioskRun[]) => {
  const names = [...new Set(runs.flatMap((r) => [...r.phases.keys()]))];
  return names.map((p) => `${p} ${median(runs.map((r) => r.phases.get(p) ?? NaN))}`).join(', ');
};
console.log(`median: interactive kiosk ${kiosk.interactiveMs} ms, TV box ${box.interactiveMs} ms, bare Chromium ${bareInteractiveMs} ms, ratios ${kiosk.ratio} / ${box.ratio} (goal ≤ 1.3); host up ${Math.round(median(kioskRuns.map((r) => r.hostUpMs)))} ms`);
console.log(`median kiosk host phases: ${phaseLine(kioskRuns)}`);
console.log(`median TV box host phases: ${phaseLine(boxRuns)}`);
console.log(`memory: PSS kiosk ${kiosk.totalPssMb} MB, TV box ${box.totalPssMb} MB, bare ${barePssMb} MB, over bare +${kiosk.overBarePssMb} / +${box.overBarePssMb} MB (goal ≤ 100); RSS kiosk ${kiosk.totalRssMb} MB, bare ${bareRssMb} MB`);
console.log(
  `host alone: RSS ${kiosk.hostRssMb} MB, PSS ${kiosk.hostPssMb} MB (TV box: ${box.hostRssMb} / ${box.hostPssMb} MB); Node heap used ${median(kioskRuns.map((r) => r.heapMb))} MB, external ${median(kioskRuns.map((r) => r.externalMb))} MB, ` +
    `native code mapped ${median(kioskRuns.map((r) => r.nativeMb))} MB; speech model ≈ ${kiosk.hostRssMb - noSpeech.rssMb} MB RSS (host without recognition: RSS ${noSpeech.rssMb} MB, PSS ${noSpeech.pssMb} MB)`,
);
console.log(
  JSON.stringify({
    interactiveMs: kiosk.interactiveMs,
    bareInteractiveMs,
    ratio: kiosk.ratio,
    totalRssMb: kiosk.totalRssMb,
    totalPssMb: kiosk.totalPssMb,
    barePssMb,
    hostRssMb: kiosk.hostRssMb,
    runs: RUNS,
    box: { interactiveMs: box.interactiveMs, ratio: box.ratio, totalPssMb: box.totalPssMb, hostRssMb: box.hostRssMb },
  }),
);
