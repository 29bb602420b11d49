// Session bookkeeping with the real recognizer: timeouts free the microphone
// session when a page goes away or nobody speaks, and a new session replaces an
// open one (one microphone).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListenManager, type ResultEvent } from '../../../speech/session/listen-manager.js';
import { createPocketSphinxRecognizer } from '../../../speech/recognition/pocketsphinx-recognizer.js';
import type { Recognizer } from '../../../speech/recognition/recognizer.js';
import { RecognizerError } from '../../../speech/recognition/recognizer.js';
import { chunks, clip, provisionedModelDir } from './helpers.js';

let rec: Recognizer;
beforeAll(async () => {
  rec = createPocketSphinxRecognizer({ modelDir: await provisionedModelDir() });
});
afterAll(() => rec?.dispose());

const room = (ms: number) => Int16Array.from({ length: ms * 16 }, (_, i) => ((i * 7919) % 61) - 30);

describe('listen manager', () => {
  it('ends a session nobody speaks into as no-speech', () => {
    const m = new ListenManager({ recognizer: () => rec, noSpeechTimeoutMs: 1000 });
    const events: ResultEvent[] = [];
    m.subscribe((e) => events.push(e));
    const id = m.start({ kind: 'confirm' });
    for (let i = 0; i < 15; i++) m.audio(id, room(100));
    expect(events.at(-1)).toMatchObject({ sessionId: id, kind: 'rejected', reason: 'no-speech' });
    // Late chunks after the end are dropped quietly; unknown sessions are an error.
    expect(() => m.audio(id, room(100))).not.toThrow();
    expect(() => m.audio('nope', room(100))).toThrow(RecognizerError);
    m.dispose();
  });

  it('waits for speech as long as the session asked, not the station default', () => {
    const m = new ListenManager({ recognizer: () => rec, noSpeechTimeoutMs: 3000 });
    const events: ResultEvent[] = [];
    m.subscribe((e) => events.push(e));
    const short = m.start({ kind: 'confirm' }, { noSpeechTimeoutMs: 1000 });
    for (let i = 0; i < 9; i++) m.audio(short, room(100));
    expect(events).toEqual([]);
    m.audio(short, room(100));
    expect(events.at(-1)).toMatchObject({ sessionId: short, kind: 'rejected', reason: 'no-speech' });
    // The next session without its own wait has the station's 3 s again.
    const usual = m.start({ kind: 'confirm' });
    for (let i = 0; i < 29; i++) m.audio(usual, room(100));
    expect(events.at(-1)?.sessionId).toBe(short);
    m.audio(usual, room(100));
    expect(events.at(-1)).toMatchObject({ sessionId: usual, kind: 'rejected', reason: 'no-speech' });
    m.dispose();
  });

  it('a number said in groups is one utterance: at a digits step a pause between groups does not end it', () => {
    // A group of digits (the clip without its silences), a 1.2 s pause, the next group.
    const said = clip('clips/digits-0');
    const loud = [...said.keys()].filter((i) => Math.abs(said[i]!) > 1000);
    const group = said.subarray(Math.max(0, loud[0]! - 1600), loud.at(-1)! + 1600);
    const heard = (step: Parameters<ListenManager['start']>[0]) => {
      const m = new ListenManager({ recognizer: () => rec });
      const events: ResultEvent[] = [];
      m.subscribe((e) => e.kind !== 'partial' && events.push(e));
      const id = m.start(step);
      for (const c of [...chunks(group), room(1000)]) m.audio(id, c);
      const afterFirstGroup = events.length;
      for (const c of [...chunks(group), room(2000)]) m.audio(id, c);
      m.dispose();
      return { afterFirstGroup, ended: events.length };
    };
    // Elsewhere 0.8 s of silence ends what was said (a command is said in one breath) ...
    expect(heard({ kind: 'home' }).afterFirstGroup).toBe(1);
    // ... but not a number: it ends after the last group.
    expect(heard({ kind: 'digits' })).toEqual({ afterFirstGroup: 0, ended: 1 });
  });

  it('drops a session whose page stopped sending (idle timeout)', async () => {
    const m = new ListenManager({ recognizer: () => rec, idleTimeoutMs: 150 });
    const events: ResultEvent[] = [];
    m.subscribe((e) => events.push(e));
    const id = m.start({ kind: 'home' });
    m.audio(id, room(100));
    await new Promise((r) => setTimeout(r, 400));
    expect(events.at(-1)).toMatchObject({ sessionId: id, kind: 'rejected', reason: 'timeout' });
    m.dispose();
  });

  it('a new session cancels the open one', () => {
    const m = new ListenManager({ recognizer: () => rec });
    const events: ResultEvent[] = [];
    m.subscribe((e) => events.push(e));
    const first = m.start({ kind: 'home' });
    const second = m.start({ kind: 'confirm' });
    expect(events).toEqual([expect.objectContaining({ sessionId: first, reason: 'cancelled' })]);
    m.cancel(second);
    expect(m.end(second)).toMatchObject({ reason: 'cancelled' });
    m.dispose();
  });
});
