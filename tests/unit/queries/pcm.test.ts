// Microphone samples to the station's 16 kHz s16le: rates, block boundaries,
// clipping, and the base64 the channel carries.
import { describe, expect, it } from 'vitest';
import { Downsampler, pcmToBase64 } from '../../../renderer/src/services/queries/voice/pcm.js';

describe('Downsampler', () => {
  it('turns 48 kHz into a third as many samples, whatever the block sizes', () => {
    const whole = new Downsampler(48_000).push(new Float32Array(4800).fill(0.5));
    const split = new Downsampler(48_000);
    const parts = [1000, 1, 2047, 1752].map((n) => split.push(new Float32Array(n).fill(0.5)));
    expect(whole.length).toBe(1600);
    expect(parts.reduce((n, p) => n + p.length, 0)).toBe(1600);
    expect([...whole].every((s) => s === Math.round(0.5 * 0x7fff))).toBe(true);
  });

  it('handles rates that are not a whole multiple (44.1 kHz)', () => {
    const d = new Downsampler(44_100);
    const out = d.push(new Float32Array(44_100));
    expect(out.length).toBeGreaterThanOrEqual(15_999);
    expect(out.length).toBeLessThanOrEqual(16_000);
  });

  it('averages over each output sample, so a 24 kHz tone (above the new Nyquist) cancels out', () => {
    const tone = Float32Array.from({ length: 480 }, (_, i) => (i % 2 === 0 ? 0.8 : -0.8));
    const out = new Downsampler(48_000).push(tone);
    expect(Math.max(...[...out].map(Math.abs))).toBeLessThan(0.3 * 0x7fff);
  });

  it('clips out-of-range input instead of wrapping', () => {
    const out = new Downsampler(16_000).push(Float32Array.from([2, -2, 1, -1]));
    expect([...out]).toEqual([32767, -32768, 32767, -32768]);
  });

  it('refuses a capture rate below 16 kHz', () => {
    expect(() => new Downsampler(8_000)).toThrow(RangeError);
  });
});

describe('pcmToBase64', () => {
  it('writes little-endian 16-bit samples', () => {
    const b64 = pcmToBase64(Int16Array.from([1, -2, 0x1234]));
    expect([...Buffer.from(b64, 'base64')]).toEqual([0x01, 0x00, 0xfe, 0xff, 0x34, 0x12]);
  });

  it('copes with a long chunk (more than one String.fromCharCode batch)', () => {
    const samples = Int16Array.from({ length: 40_000 }, (_, i) => (i * 7) % 30_000);
    const back = Buffer.from(pcmToBase64(samples), 'base64');
    expect(back.length).toBe(80_000);
    expect(back.readInt16LE(2 * 39_999)).toBe(samples[39_999]);
  });
});
