// The renderer's capture resampler (renderer/src/voice/resampler.ts) is pure, so
// it is tested here in Node: frequency and level preserved, aliasing removed,
// and block boundaries invisible.
import { describe, expect, it } from 'vitest';
import { Resampler, pcmToBase64 } from '../../../renderer/src/voice/resampler.js';

const sine = (hz: number, rate: number, seconds: number, amp = 0.5) => Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / rate));
const rms = (x: Int16Array, from = 0) => Math.sqrt(x.subarray(from).reduce((a, v) => a + v * v, 0) / (x.length - from)) / 32768;

function zeroCrossingsPerSecond(x: Int16Array, rate: number): number {
  let n = 0;
  for (let i = 1; i < x.length; i++) if ((x[i - 1]! < 0) !== (x[i]! < 0)) n++;
  return n / 2 / (x.length / rate);
}

describe('capture resampler', () => {
  it('turns 48 kHz into 16 kHz, keeping a 1 kHz tone at its frequency and level', () => {
    const out = new Resampler(48_000).push(sine(1000, 48_000, 1));
    expect(Math.abs(out.length - 16_000)).toBeLessThan(20);
    expect(zeroCrossingsPerSecond(out.subarray(400), 16_000)).toBeCloseTo(1000, -1);
    expect(rms(out, 400)).toBeCloseTo(0.5 / Math.SQRT2, 2);
  });

  it('removes what would alias: a 12 kHz tone (above the 8 kHz limit) nearly vanishes', () => {
    const out = new Resampler(48_000).push(sine(12_000, 48_000, 1));
    expect(rms(out, 400)).toBeLessThan(0.01);
    const out441 = new Resampler(44_100).push(sine(11_000, 44_100, 1));
    expect(rms(out441, 400)).toBeLessThan(0.01);
  });

  it('gives the same samples however the audio graph splits the blocks', () => {
    const input = sine(440, 44_100, 0.5);
    const whole = new Resampler(44_100).push(input);
    const r = new Resampler(44_100);
    const parts: number[] = [];
    for (let i = 0; i < input.length; i += 128) parts.push(...r.push(input.subarray(i, i + 128)));
    expect(parts.length).toBe(whole.length);
    expect(parts).toEqual([...whole]);
  });

  it('clips instead of wrapping around, and refuses to upsample', () => {
    const loud = new Resampler(16_000).push(Float32Array.from({ length: 200 }, () => 3));
    expect(Math.max(...loud)).toBe(32767);
    expect(() => new Resampler(8000)).toThrow(RangeError);
  });

  it('encodes little-endian s16 as base64', () => {
    expect(pcmToBase64(Int16Array.from([1, -2]))).toBe(Buffer.from([1, 0, 0xfe, 0xff]).toString('base64'));
  });

  it('encodes a chunk longer than one String.fromCharCode batch', () => {
    const samples = Int16Array.from({ length: 40_000 }, (_, i) => (i * 7) % 30_000);
    const back = Buffer.from(pcmToBase64(samples), 'base64');
    expect(back.length).toBe(80_000);
    expect(back.readInt16LE(2 * 39_999)).toBe(samples[39_999]);
  });
});
