// The capture path end to end in Node: the committed e2e command clip played at the
// browser's 48 or 44.1 kHz (resampled by sox), brought back to 16 kHz by the renderer's
// resampler in 128-sample render quanta, sent as base64 chunks the way
// speech:listen-audio carries them, and recognised as the same service.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Resampler, pcmToBase64 } from '../../../renderer/src/voice/resampler.js';
import { parseWav } from '../../../speech/audio/wav.js';
import { createPocketSphinxRecognizer } from '../../../speech/recognition/pocketsphinx-recognizer.js';
import type { Recognizer } from '../../../speech/recognition/recognizer.js';
import { fixturesDir, provisionedModelDir, tempDir } from './helpers.js';

let rec: Recognizer;
beforeAll(async () => {
  rec = createPocketSphinxRecognizer({ modelDir: await provisionedModelDir() });
});
afterAll(() => rec?.dispose());

describe('renderer capture path into the recognizer', () => {
  it.each<[string, string, number]>([
    ['home-subsistence-allowance', 'subsistence-allowance', 48_000],
    ['home-subsistence-allowance', 'subsistence-allowance', 44_100],
  ])('%s (%s) at %i Hz is recognised', (name, intent, rate) => {
    const wavHi = path.join(tempDir('capture'), `${name}-${rate}.wav`);
    execFileSync('sox', [path.join(fixturesDir, 'e2e', `${name}.wav`), '-r', String(rate), wavHi]);
    const hi = parseWav(fs.readFileSync(wavHi));
    expect(hi.sampleRate).toBe(rate);
    const float = Float32Array.from(hi.samples, (s) => s / 32768);
    const resampler = new Resampler(rate);
    const session = rec.start({ kind: 'home' });
    let pending: number[] = [];
    for (let i = 0; i < float.length; i += 128) {
      pending.push(...resampler.push(float.subarray(i, i + 128)));
      if (pending.length >= 1600) {
        // Through base64 and back, as the channel carries it.
        const bytes = Buffer.from(pcmToBase64(Int16Array.from(pending)), 'base64');
        session.accept(new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2));
        pending = [];
      }
    }
    if (pending.length) session.accept(Int16Array.from(pending));
    expect(session.end()).toMatchObject({ kind: 'final', intent });
  });
});
