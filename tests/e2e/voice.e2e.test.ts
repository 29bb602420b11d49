// Voice through the real capture path: Chromium's fake microphone plays a
// recorded command into getUserMedia → AudioWorklet (resampled to 16 kHz) → the
// station's recognizer, and the kiosk goes to that service. Both the big
// microphone button and the remote's Voice key (F1 on keyboard-like remotes).
// Recognition here is PocketSphinx, chosen by name: these clips and espeak phrases were made for
// it and test the dialogue, which is the same whatever the engine; the station's default engine
// (the keyword spotter) hears espeak's voice unevenly (see voice-service and voice-real).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { repoRoot, type KioskProcess } from '../support/kiosk-process.js';
import { axeViolations, newKioskPage, screenshot } from '../support/browser.js';
import { kioskWithMicrophone, type MicrophoneRig } from '../support/fake-microphone.js';

const CLIP = path.join(repoRoot, 'tests/fixtures/speech/e2e/home-subsistence-allowance.wav'); // says 低保申请

let rig: MicrophoneRig;
let kiosk: KioskProcess;
let browser: Browser;

beforeAll(async () => {
  rig = await kioskWithMicrophone({ config: { speech: { recognition: { engine: 'pocketsphinx' } } } });
  ({ kiosk, browser } = rig);
  rig.mic.play(CLIP); // every microphone open in this file hears it
});

afterAll(async () => {
  await rig?.close();
});

describe('home screen by voice', () => {
  it('the microphone button hears 低保申请 and opens that service', async () => {
    const { page, context } = await newKioskPage(browser);
    await page.goto(await kiosk.launchUrl());
    await page.waitForSelector('.tile');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-action="mic"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="listening"]');
    await screenshot(page, 'voice-home-listening');
    await page.waitForSelector('[data-screen="identify-card"]', { timeout: 30_000 });
    expect(await page.innerText('h1')).toContain('最低生活保障');
    await context.close();
  });

  it('the Voice key (push-to-talk) does the same', async () => {
    const { page, context } = await newKioskPage(browser);
    await page.goto(await kiosk.launchUrl());
    await page.waitForSelector('.tile');
    await page.keyboard.down('F1');
    await page.waitForSelector('[data-testid="listening"]');
    await page.waitForTimeout(4500); // the clip is 3.9 s long
    await page.keyboard.up('F1');
    await page.waitForSelector('[data-screen="identify-card"]', { timeout: 30_000 });
    expect(await page.innerText('h1')).toContain('最低生活保障');
    await context.close();
  });
});
