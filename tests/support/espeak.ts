// Espeak-ng's Mandarin, as the voice e2e tests' residents speak it: one place
// renders it, so the phrase check (tests/integration/speech/e2e-phrases.test.ts)
// hears exactly what the e2e tests put in Chromium's fake microphone.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface EspeakOptions {
  /** Espeak's rate. How well the spotter hears a phrase swings with it (see the phrase check). */
  readonly wordsPerMinute?: number;
  /** Seconds of room before the words, and after them. */
  readonly leadS?: number;
  readonly tailS?: number;
}

/** Writes `text` said by espeak-ng to `out`: 16 kHz, mono, 16-bit, with room around it. */
export function espeakWav(text: string, out: string, o: EspeakOptions = {}): void {
  const raw = fs.mkdtempSync(path.join(os.tmpdir(), 'xiangyin-espeak-'));
  try {
    const said = path.join(raw, 'raw.wav');
    execFileSync('espeak-ng', ['-v', 'cmn-latn-pinyin', '-s', String(o.wordsPerMinute ?? 130), '-w', said, text]);
    execFileSync('sox', [said, '-r', '16000', '-c', '1', '-b', '16', out, 'pad', String(o.leadS ?? 1.0), String(o.tailS ?? 1.5)]);
  } finally {
    fs.rmSync(raw, { recursive: true, force: true });
  }
}
