// Session bookkeeping with the real recognizer: timeouts free the microphone
// session when a page goes away or nobody speaks, and a new session replaces an
// open one (one microphone).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListenManager, type ResultEvent } from '../../../speech/session/listen-manager.js';
import { createPocketSphinxRecognizer } from '../../../speech/recognition/pocketsphinx-recognizer.js';
import type { Recognizer } from '../../../speech/recognition/recognizer.js';
import { RecognizerError } from '../../../speech/recognition/recognizer.js';
import { provisionedModelDir } from './helpers.js';

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
