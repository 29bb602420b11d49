// What Chromium's fake microphone says. Chromium opens the file given by
// --use-file-for-fake-audio-capture afresh on every getUserMedia (checked with a
// tone swapped between two opens), so a test can change the resident's words
// between turns: write the next phrase before the kiosk opens the microphone for
// it. The file is replaced by a rename, so Chromium never reads half a file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startKiosk, type KioskProcess } from './kiosk-process.js';
import { espeakWav, type EspeakOptions } from './espeak.js';

export class FakeMicrophone {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiangyin-mic-'));
  /** The path Chromium is pointed at. */
  readonly file = path.join(this.dir, 'mic.wav');
  private n = 0;

  constructor() {
    this.silence();
  }

  /** The flags that route this file into getUserMedia (played once per open, not looped). */
  chromiumFlags(): string[] {
    return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${this.file}%noloop`];
  }

  /**
   * From the next microphone open on, the resident says `text` (espeak-ng, 16 kHz) after `leadS`
   * seconds of room (default one). A long lead is a resident who answers only after a while: the
   * kiosk's listening turns that end in silence go on reading the same file, as a real microphone
   * goes on hearing the room, so the words come in a later turn.
   */
  say(text: string, o: Pick<EspeakOptions, 'leadS' | 'wordsPerMinute'> = {}): void {
    fs.renameSync(this.render(text, { ...o, tailS: 1.5 }), this.file);
  }

  /**
   * From the next microphone open on, the resident says `text`, stops for `pauseS` seconds, then
   * says what `wav` holds — all in one file, as a pause in one stretch of talk. (Chromium goes on
   * reading the file it has open when the kiosk listens again straight away, as a real microphone
   * goes on hearing the room; a phrase swapped in between would not be heard.)
   */
  sayThenPlay(text: string, pauseS: number, wav: string): void {
    const next = path.join(this.dir, `next-${++this.n}.wav`);
    execFileSync('sox', [this.render(text, { tailS: pauseS }), wav, next]);
    fs.renameSync(next, this.file);
  }

  /** `text` in espeak-ng's voice at 16 kHz, with room around it; returns the file. */
  private render(text: string, o: EspeakOptions): string {
    const out = path.join(this.dir, `said-${++this.n}.wav`);
    espeakWav(text, out, o);
    return out;
  }

  /** From the next microphone open on, the resident says what `wav` holds (a recording, 16 kHz mono). */
  play(wav: string): void {
    const next = path.join(this.dir, `next-${++this.n}.wav`);
    fs.copyFileSync(wav, next);
    fs.renameSync(next, this.file);
  }

  /** Nobody speaking. */
  silence(): void {
    const next = path.join(this.dir, `next-${++this.n}.wav`);
    execFileSync('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', next, 'trim', '0', '3']);
    fs.renameSync(next, this.file);
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface MicrophoneRig {
  readonly kiosk: KioskProcess;
  readonly mic: FakeMicrophone;
  readonly browser: Browser;
  /** Closes the browser, stops the kiosk and removes the microphone's files. */
  close(): Promise<void>;
}

/** A kiosk, and a Chromium whose microphone is a FakeMicrophone the test speaks through. */
export async function kioskWithMicrophone(opts: Parameters<typeof startKiosk>[0] = {}): Promise<MicrophoneRig> {
  const kiosk = await startKiosk(opts);
  const mic = new FakeMicrophone();
  const browser = await launchBrowser(mic.chromiumFlags());
  return {
    kiosk,
    mic,
    browser,
    async close() {
      await browser.close();
      await kiosk.stop();
      mic.dispose();
    },
  };
}
