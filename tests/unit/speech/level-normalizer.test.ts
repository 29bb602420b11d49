// The level normaliser in front of the recognizer: one gain per utterance, chosen
// once the resident has spoken for a moment, never clipping, and never fooled by
// a microphone that delivers digital silence.
import { describe, expect, it } from 'vitest';
import { LevelNormalizer, defaultLevelNormalizer } from '../../../speech/audio/level-normalizer.js';

const RATE = 16_000;
const tone = (ms: number, amp: number, hz = 220) => Int16Array.from({ length: (RATE * ms) / 1000 }, (_, i) => Math.round(amp * 32767 * Math.sin((2 * Math.PI * hz * i) / RATE)));
const zeros = (ms: number) => new Int16Array((RATE * ms) / 1000);
const peak = (chunks: Int16Array[]) => Math.max(0, ...chunks.flatMap((c) => [...c].map(Math.abs)));
const total = (chunks: Int16Array[]) => chunks.reduce((n, c) => n + c.length, 0);
/** Feeds 100 ms chunks, as the kiosk's capture path sends them. */
function feed(n: LevelNormalizer, pcm: Int16Array): Int16Array[] {
  const out: Int16Array[] = [];
  for (let i = 0; i < pcm.length; i += 1600) out.push(...n.push(pcm.subarray(i, i + 1600)));
  return out;
}

describe('LevelNormalizer', () => {
  it('holds audio back until 300 ms of speech, then lifts a quiet voice to the target peak', () => {
    const n = new LevelNormalizer();
    expect(feed(n, zeros(500))).toEqual([]);
    const out = feed(n, tone(1000, 0.02));
    expect(n.gain).toBeCloseTo(defaultLevelNormalizer.targetPeak / 0.02, 0);
    expect(total(out)).toBe(RATE * 1.5); // nothing lost, nothing added
    expect(peak(out) / 32767).toBeCloseTo(defaultLevelNormalizer.targetPeak, 2);
    expect(n.flush()).toEqual([]);
  });

  it('brings a loud voice down, so every utterance reaches the decoder at one level', () => {
    const quiet = new LevelNormalizer();
    const loud = new LevelNormalizer();
    const a = feed(quiet, Int16Array.from([...zeros(200), ...tone(800, 0.03)]));
    const b = feed(loud, Int16Array.from([...zeros(200), ...tone(800, 0.9)]));
    expect(peak(a)).toBeCloseTo(peak(b), -2);
  });

  it('does not count rounding noise after digital silence as speech', () => {
    // A fake or muted microphone: exact zeros, then ±1 from a resampler. Relative to
    // a -120 dB "room" that is +30 dB; it must still not decide the gain.
    const n = new LevelNormalizer();
    feed(n, zeros(300));
    const fuzz = Int16Array.from({ length: RATE }, (_, i) => (i % 3) - 1);
    expect(feed(n, fuzz)).toEqual([]);
    expect(n.gain).toBeNull();
    // The real voice then decides it, and is not driven into clipping.
    const out = feed(n, tone(600, 0.4));
    expect(n.gain).toBeCloseTo(defaultLevelNormalizer.targetPeak / 0.4, 1);
    expect(peak(out)).toBeLessThan(32767);
  });

  it('turns the gain down rather than clip a louder syllable later on', () => {
    const n = new LevelNormalizer();
    feed(n, Int16Array.from([...zeros(200), ...tone(400, 0.01)]));
    const chosen = n.gain!;
    const out = feed(n, tone(200, 0.2));
    expect(n.gain).toBeLessThan(chosen);
    expect(peak(out)).toBeLessThanOrEqual(Math.ceil(0.95 * 32767));
  });

  it('an utterance too short to decide on is released at the end, with a capped gain', () => {
    const n = new LevelNormalizer();
    expect(feed(n, Int16Array.from([...zeros(100), ...tone(100, 0.0005)]))).toEqual([]);
    const out = n.flush();
    expect(total(out)).toBe(RATE * 0.2);
    expect(n.gain).toBe(defaultLevelNormalizer.maxGain);
    expect(new LevelNormalizer().flush()).toEqual([]);
  });
});
