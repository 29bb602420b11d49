import { describe, expect, it } from 'vitest';
import { SpeechStretches, type StretchEvent } from '../../../speech/kws/speech-stretches.js';
import { concat } from '../../../speech/audio/frames.js';

const tone = (seconds: number, amplitude: number) => Int16Array.from({ length: Math.round(seconds * 16000) }, (_, i) => Math.round(amplitude * Math.sin((2 * Math.PI * 200 * i) / 16000)));
const room = (seconds: number) => tone(seconds, 20);
const cat = (...parts: Int16Array[]) => concat(parts);

/** Feeds `pcm` in 100 ms chunks; returns the stretches as [start s, samples heard]. */
function stretchesOf(pcm: Int16Array, s = new SpeechStretches()): { atS: number; samples: number }[] {
  const events: StretchEvent[] = [];
  for (let i = 0; i < pcm.length; i += 1600) events.push(...s.push(pcm.subarray(i, i + 1600)));
  events.push(...s.flush());
  const out: { atS: number; samples: number }[] = [];
  let open = false;
  for (const e of events) {
    if (e.kind === 'start') {
      expect(open, 'a stretch starts only after the last one ended').toBe(false);
      out.push({ atS: e.atS, samples: 0 });
      open = true;
    } else if (e.kind === 'audio') {
      expect(open, 'audio only inside a stretch').toBe(true);
      out.at(-1)!.samples += e.pcm.length;
    } else {
      open = false;
    }
  }
  expect(open, 'every stretch is ended').toBe(false);
  return out;
}

describe('cutting a listening session into stretches of speech', () => {
  it('starts a stretch a pre-roll before the voice, however long the room before it', () => {
    for (const pause of [0.5, 1, 3]) {
      const [only, ...rest] = stretchesOf(cat(room(pause), tone(0.6, 8000), room(0.2)));
      expect(rest).toEqual([]);
      expect(only!.atS).toBeCloseTo(pause - 0.3, 1);
      // The pre-roll, the voice and what followed it: never the long room before.
      expect(only!.samples / 16000).toBeCloseTo(0.3 + 0.6 + 0.2, 1);
    }
  });

  it('ends a stretch after half a second of room, and starts another at the next words', () => {
    const got = stretchesOf(cat(room(1), tone(0.5, 8000), room(1.5), tone(0.5, 8000), room(0.1)));
    expect(got.map((g) => Math.round(g.atS * 10) / 10)).toEqual([0.7, 2.7]);
  });

  it('keeps one stretch across a short pause inside the words', () => {
    expect(stretchesOf(cat(room(1), tone(0.3, 8000), room(0.2), tone(0.3, 8000), room(0.1)))).toHaveLength(1);
  });

  it('finds no stretch in a room, nor in digital silence', () => {
    expect(stretchesOf(room(3))).toEqual([]);
    expect(stretchesOf(new Int16Array(48000))).toEqual([]);
  });
});
