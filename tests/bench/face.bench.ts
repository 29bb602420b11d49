// bench:face — the face check against the shared face material (../shared/faces),
// each file played by Chromium's fake camera into the real kiosk (web host, built
// renderer): per file, pass or fail, the reason, the time from the first analysed
// frame to the decision, and the analysis frames per second; and the renderer's
// memory (PSS of Chromium's renderer processes) on the home screen and its peak while
// the check runs, for the live blink clip.
//
// Each live clip is asked the challenge it can do (the station config pins it:
// the blink clip blinks, the head-turn clip turns); every spoof and no-face file is
// asked to blink (the strongest test: no photo blinks). Only the first attempt is
// timed (a failed attempt offers 再试一次; three lead to the specialist fallback).
//
// Last line: {"clips":…,"correct":…,"falseAccepts":…,"falseRejects":…,"fps":…,"decisionP50Ms":…}
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startKiosk, type KioskProcess } from '../support/kiosk-process.js';
import { faceMaterialDir, fakeCameraFlags, launchBrowser, newKioskPage } from '../support/browser.js';
import { descendants, treeMemoryMb } from './proc-memory.js';
import { RENDERER_JS_FLAGS } from '../../main/core/renderer-memory.js';

interface Clip {
  readonly file: string;
  readonly challenge: 'blink' | 'turn-left';
  /** true: a live person doing what is asked; false: must fail; null: a live person with no challenge they do on the clip (reported, not scored). */
  readonly live: boolean | null;
}

const CLIPS: Clip[] = [
  { file: 'live_blink_tilt_640x480.y4m', challenge: 'blink', live: true },
  { file: 'live_blink_tilt_640x480.mjpeg', challenge: 'blink', live: true },
  { file: 'live_headturn_640x480.y4m', challenge: 'turn-left', live: true },
  { file: 'live_headturn_640x480.mjpeg', challenge: 'turn-left', live: true },
  { file: 'live_talking_640x480.mjpeg', challenge: 'blink', live: true },
  { file: 'live_smile_male_640x480.mjpeg', challenge: 'blink', live: null },
  { file: 'still_photo_of_live_person_640x480.y4m', challenge: 'blink', live: false },
  { file: 'still_real_person_T1_640x480.y4m', challenge: 'blink', live: false },
  { file: 'spoof_print_F1_640x480.y4m', challenge: 'blink', live: false },
  { file: 'spoof_print_F1_handheld_640x480.mjpeg', challenge: 'blink', live: false },
  { file: 'spoof_screen_F2_640x480.y4m', challenge: 'blink', live: false },
  { file: 'spoof_sequence_live_screen_print_640x480.mjpeg', challenge: 'blink', live: false },
  { file: 'spoof_print_F1_handheld_640x480.mjpeg', challenge: 'turn-left', live: false },
  { file: 'still_photo_of_live_person_640x480.y4m', challenge: 'turn-left', live: false },
  { file: 'two_faces_640x480.mjpeg', challenge: 'blink', live: false },
  { file: 'noface_room_640x480.y4m', challenge: 'blink', live: false },
  { file: 'noface_grey_640x480.y4m', challenge: 'blink', live: false },
];

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));

function rendererMemoryMb(): number {
  const pids = descendants(process.pid).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  });
  return treeMemoryMb(pids).pssMb;
}

async function toFaceStep(kiosk: KioskProcess, page: Page, card: unknown): Promise<void> {
  await page.goto(await kiosk.launchUrl());
  await page.waitForSelector('.tile');
  await kiosk.control('idcard-simulator', 'removeCard');
  await kiosk.control('idcard-simulator', 'insertCard', card);
  await page.waitForSelector('[data-testid="greeting"]', { timeout: 30_000 });
  await page.locator('[data-service="pension-certification"]').click();
  await page.locator('[data-action="already-continue"], [data-action="start"]').first().waitFor({ timeout: 30_000 });
  if (await page.locator('[data-action="already-continue"]').count()) await page.locator('[data-action="already-continue"]').click();
  await page.locator('[data-action="start"]').click();
  await page.locator('[data-option="self"]').click();
  await page.waitForSelector('[data-testid="face-check"]');
}

async function main(): Promise<void> {
  const dir = faceMaterialDir();
  if (!dir) {
    console.log('SKIPPED: bench:face needs ../shared/faces beside the repository');
    return;
  }
  const kiosks = new Map<string, KioskProcess>();
  const kioskFor = async (challenge: string) => {
    let k = kiosks.get(challenge);
    if (!k) kiosks.set(challenge, (k = await startKiosk({ config: { face: { challenges: [challenge] } } })));
    return k;
  };
  const rows: { file: string; challenge: string; live: boolean | null; outcome: string; reason: string; decisionMs: number; fps: number }[] = [];
  let memory: { homeMb: number; checkingMb: number } | null = null;
  try {
    for (const clip of CLIPS.filter((c) => only.length === 0 || only.some((o) => c.file.includes(o)))) {
      const kiosk = await kioskFor(clip.challenge);
      const cards = await kiosk.control<Record<string, unknown>>('idcard-simulator', 'sampleCards');
      // The kiosk's V8 flags for its page (main/core/renderer-memory.ts): the memory measured is what a station's runs.
      const browser = await launchBrowser([...fakeCameraFlags(path.join(dir, 'video', clip.file)), `--js-flags=${RENDERER_JS_FLAGS}`]);
      try {
        const { page, context } = await newKioskPage(browser);
        await context.grantPermissions(['camera'], { origin: kiosk.origin });
        const measureMemory = clip.file === 'live_blink_tilt_640x480.y4m' && memory === null;
        let homeMb = 0;
        if (measureMemory) {
          await page.goto(await kiosk.launchUrl());
          await page.waitForSelector('.tile');
          homeMb = rendererMemoryMb();
        }
        await toFaceStep(kiosk, page, cards['zhangXiuying']);
        // The most the renderer holds while the camera runs: sampled from the check's start to its
        // decision (memory grows as frames go through, so one early sample would flatter it).
        let peakMb = 0;
        const sampling = measureMemory
          ? (async () => {
              await page.waitForSelector('[data-face-state="checking"]', { timeout: 60_000 });
              while ((await page.locator('[data-face-state="checking"]').count()) > 0) {
                peakMb = Math.max(peakMb, rendererMemoryMb());
                await new Promise((r) => setTimeout(r, 250));
              }
            })()
          : null;
        await page.waitForSelector('[data-face-state="review"], [data-face-state="failed"], [data-face-state="fallback"]', { timeout: 180_000 });
        if (sampling) {
          await sampling;
          memory = { homeMb, checkingMb: peakMb };
        }
        const a = await page.evaluate(() => {
          const e = document.querySelector('[data-testid="face-check"]')!;
          return { state: e.getAttribute('data-face-state')!, reason: e.getAttribute('data-face-reason') ?? '', ms: Number(e.getAttribute('data-face-decision-ms') ?? 0), fps: Number(e.getAttribute('data-face-fps') ?? 0), frames: e.getAttribute('data-face-frames') ?? '?' };
        });
        const outcome = a.state === 'review' ? 'pass' : 'fail';
        rows.push({ file: clip.file, challenge: clip.challenge, live: clip.live, outcome, reason: a.reason || (outcome === 'pass' ? 'did the challenge' : a.state), decisionMs: a.ms, fps: a.fps });
        const want = clip.live === null ? 'either' : clip.live ? 'pass' : 'fail';
        console.log(`${clip.file.padEnd(50)} ${clip.challenge.padEnd(10)} ${outcome.padEnd(5)} (want ${want.padEnd(6)}) ${(a.reason || '-').padEnd(18)} ${String(a.ms).padStart(6)} ms ${a.fps.toFixed(1).padStart(5)} fps  frames from ${a.frames}`);
      } finally {
        await browser.close();
      }
    }
  } finally {
    for (const k of kiosks.values()) await k.stop();
  }
  const scored = rows.filter((r) => r.live !== null);
  const falseAccepts = scored.filter((r) => r.live === false && r.outcome === 'pass').length;
  const falseRejects = scored.filter((r) => r.live === true && r.outcome === 'fail').length;
  const sorted = rows.map((r) => r.decisionMs).sort((a, b) => a - b);
  const fpsAll = rows.map((r) => r.fps).filter((f) => f > 0);
  if (memory) console.log(`renderer memory (PSS): home ${memory.homeMb} MB, face check running (peak) ${memory.checkingMb} MB, added ${Math.round((memory.checkingMb - memory.homeMb) * 10) / 10} MB`);
  const passes = rows.filter((r) => r.outcome === 'pass').map((r) => r.decisionMs).sort((a, b) => a - b);
  if (passes.length) console.log(`live passes: median ${passes[Math.floor(passes.length / 2)]} ms to the decision, slowest ${passes.at(-1)} ms`);
  console.log(
    JSON.stringify({
      clips: scored.length,
      correct: scored.length - falseAccepts - falseRejects,
      falseAccepts,
      falseRejects,
      fps: fpsAll.length ? Math.round((fpsAll.reduce((a, b) => a + b, 0) / fpsAll.length) * 10) / 10 : null,
      decisionP50Ms: sorted.length ? sorted[Math.floor(sorted.length / 2)] : null,
      ...(memory ? { rendererAddedMb: Math.round((memory.checkingMb - memory.homeMb) * 10) / 10 } : {}),
    }),
  );
}

await main();
