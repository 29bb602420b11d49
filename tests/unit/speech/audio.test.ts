import { describe, expect, it } from 'vitest';
import { encodeWav, parseWav, WavError } from '../../../speech/audio/wav.js';
import { Endpointer } from '../../../speech/audio/endpointer.js';
import { fixWavSizes, wavDurationMs } from '../../../speech/speaker.js';

const tone = (ms: number, amp: number) => Int16Array.from({ length: ms * 16 }, (_, i) => Math.round(amp * Math.sin(i / 3)));
const noise = (ms: number, amp: number, seed = 1) => {
  let s = seed;
  return Int16Array.from({ length: ms * 16 }, () => ((s = (s * 1103515245 + 12345) & 0x7fffffff), Math.round(((s / 0x7fffffff) * 2 - 1) * amp)));
};
const concat = (...parts: Int16Array[]) => Int16Array.from(parts.flatMap((p) => [...p]));

describe('wav', () => {
  it('round-trips 16 kHz mono PCM', () => {
    const pcm = tone(100, 8000);
    const back = parseWav(encodeWav(pcm));
    expect(back.sampleRate).toBe(16000);
    expect([...back.samples]).toEqual([...pcm]);
    expect(wavDurationMs(encodeWav(pcm))).toBe(100);
  });

  it('refuses what the recognizer cannot take, with a clear error', () => {
    expect(() => parseWav(Buffer.from('hello world, not a wav'))).toThrow(WavError);
    const stereo = encodeWav(tone(10, 100));
    stereo.writeUInt16LE(2, 22);
    expect(() => parseWav(stereo)).toThrow(/mono/);
  });

  it('fixes the sizes a streaming writer leaves as 0x7fffffff', () => {
    const wav = encodeWav(tone(50, 100));
    wav.writeUInt32LE(0x7fffffff, 40);
    wav.writeUInt32LE(0x7fffffff, 4);
    const fixed = fixWavSizes(wav);
    expect(fixed.readUInt32LE(40)).toBe(wav.length - 44);
    expect(fixed.readUInt32LE(4)).toBe(wav.length - 8);
  });
});

describe('end-of-speech detection', () => {
  it('ends after speech followed by trailing silence, not before', () => {
    const e = new Endpointer({ trailingSilenceMs: 500, minSpeechMs: 150, marginDb: 12 });
    expect(e.push(noise(400, 60))).toBe(false); // background hum sets the floor
    expect(e.push(tone(600, 9000))).toBe(false);
    expect(e.heardSpeech).toBe(true);
    expect(e.push(noise(300, 60, 7))).toBe(false);
    expect(e.push(noise(300, 60, 9))).toBe(true);
  });

  it('a click is not speech, and a noisy room is not speech', () => {
    const e = new Endpointer({ trailingSilenceMs: 300, minSpeechMs: 150, marginDb: 12 });
    e.push(concat(noise(300, 2000), tone(40, 20000), noise(2000, 2000, 3)));
    expect(e.heardSpeech).toBe(false);
    expect(e.ended).toBe(false);
  });

  it('handles chunks split at any sample boundary the same way', () => {
    const audio = concat(noise(300, 50), tone(500, 9000), noise(900, 50, 5));
    const whole = new Endpointer();
    whole.push(audio);
    const split = new Endpointer();
    for (let i = 0; i < audio.length; i += 333) split.push(audio.subarray(i, i + 333));
    expect(split.ended).toBe(whole.ended);
    expect(split.totalMs).toBe(whole.totalMs);
  });
});

describe('voicing', () => {
  it('finds the pitch of a vowel-like sound and none in hiss or rumble', async () => {
    const { VoicingCounter } = await import('../../../speech/audio/voicing.js');
    // A 150 Hz buzz with harmonics, like a vowel.
    const vowel = Int16Array.from({ length: 16000 }, (_, i) => Math.round(6000 * Math.sin((2 * Math.PI * 150 * i) / 16000) + 3000 * Math.sin((2 * Math.PI * 300 * i) / 16000)));
    const v = new VoicingCounter();
    v.push(vowel);
    expect(v.voicedFrames).toBeGreaterThan(v.frames * 0.9);
    const hiss = new VoicingCounter();
    hiss.push(noise(1000, 12000));
    expect(hiss.voicedFrames).toBe(0);
    // Brown noise: integrated white noise, strongly correlated at short lags.
    let acc = 0;
    const brown = Int16Array.from(noise(1000, 3000, 11), (x) => (acc = Math.max(-30000, Math.min(30000, acc * 0.995 + x))));
    const rumble = new VoicingCounter();
    rumble.push(brown);
    expect(rumble.voicedFrames).toBeLessThan(5);
  });
});
