import { describe, expect, it } from 'vitest';
import { confidenceOf, decide, defaultThresholds, type DecodeEvidence } from '../../../speech/recognition/decision.js';

const t = { ...defaultThresholds, accept: 0.5, confirmYes: 0.6, digits: 0.8, gapScale: 40 };
const ev = (o: Partial<DecodeEvidence>): DecodeEvidence => ({ words: ['是的'], garbageWords: 0, speechFrames: 50, commandScore: -1000, freeScore: -1000, voicedFrames: 30, ...o });

describe('accept / reject decision', () => {
  it('confidence falls with the score gap to the free phone loop, per frame of speech', () => {
    expect(confidenceOf(ev({}), t)).toBe(1);
    expect(confidenceOf(ev({ freeScore: -1000 + 40 * 50 }), t)).toBeCloseTo(Math.exp(-1));
    // Same gap over more speech is a smaller gap per frame: higher confidence.
    expect(confidenceOf(ev({ freeScore: 0, speechFrames: 200 }), t)).toBeGreaterThan(confidenceOf(ev({ freeScore: 0, speechFrames: 50 }), t));
  });

  it('rejects garbage, silence and clicks', () => {
    expect(decide('home', ev({ words: [], garbageWords: 0 }), null, t).reason).toBe('no-speech');
    expect(decide('home', ev({ garbageWords: 3 }), { intent: 'back', exact: true }, t).reason).toBe('out-of-grammar');
    expect(decide('home', ev({ speechFrames: 5 }), { intent: 'back', exact: true }, t).reason).toBe('no-speech');
    expect(decide('digits', ev({}), null, t, 'bad-length').reason).toBe('bad-length');
    // Hiss decoded as 是 has no voiced vowel in it.
    expect(decide('confirm', ev({ voicedFrames: 0 }), { intent: 'yes', exact: true }, t)).toMatchObject({ kind: 'rejected', reason: 'no-speech' });
  });

  it('rejects what a loop of hesitation sounds explains better than the command, where the engine has one', () => {
    const yes = { intent: 'yes', exact: true } as const;
    // A miss at a confirm step (asked again at once): the check also takes real 可以 for a 嗯 there.
    expect(decide('confirm', ev({ hesitationScore: -990 }), yes, t)).toMatchObject({ kind: 'rejected', reason: 'out-of-grammar' });
    expect(decide('confirm', ev({ hesitationScore: -1010 }), yes, t)).toMatchObject({ kind: 'final', intent: 'yes' });
    expect(decide('confirm', ev({}), yes, t)).toMatchObject({ kind: 'final', intent: 'yes' });
  });

  it('with the check everywhere: a short command the loop explains better is a hesitation, and a long sound other speech', () => {
    const back = { intent: 'back', exact: true } as const;
    const hes = (words: string[], voicedFrames: number) => decide('home', ev({ words, hesitationScore: -990, voicedFrames }), back, t, 'out-of-grammar', 'everywhere');
    expect(hes(['返回'], 30)).toMatchObject({ kind: 'rejected', reason: 'hesitation', confidence: 0 });
    expect(hes(['上一步'], t.hesitationMaxVoicedFrames)).toMatchObject({ kind: 'rejected', reason: 'hesitation' });
    // Over 0.8 s of voiced sound: speech, just not a command (今天天气很好 said nearby) — a miss, not a pause.
    expect(hes(['返回'], t.hesitationMaxVoicedFrames + 1)).toMatchObject({ kind: 'rejected', reason: 'out-of-grammar' });
    // Four syllables heard mean four were said: the check leaves it to the confidence.
    expect(hes(['我要', '回去', '吧'], 30)).toMatchObject({ kind: 'final', intent: 'back' });
    // 是 / 不是 answering 对吗？ away from a confirm step are answers, 嗯 included.
    expect(decide('home', ev({ words: ['是'], hesitationScore: -990 }), { intent: 'yes', exact: true }, t, 'out-of-grammar', 'everywhere')).toMatchObject({ kind: 'final', intent: 'yes' });
    expect(decide('confirm', ev({ words: ['是的'], hesitationScore: -990 }), { intent: 'yes', exact: true }, t, 'out-of-grammar', 'everywhere')).toMatchObject({ kind: 'rejected' });
    expect(decide('confirm', ev({ words: ['不'], hesitationScore: -990 }), { intent: 'no', exact: true }, t, 'out-of-grammar', 'everywhere')).toMatchObject({ kind: 'rejected', reason: 'out-of-grammar' });
    // Off (only a yes at a confirm step is checked): the short command is taken.
    expect(decide('home', ev({ words: ['返回'], hesitationScore: -990 }), back, t)).toMatchObject({ kind: 'final', intent: 'back' });
  });

  it('never takes a one-syllable yes at a confirm step on one hearing: a lone 啊 is heard as 好 at up to 0.99', () => {
    const yes = { intent: 'yes', exact: true } as const;
    for (const w of ['是', '对', '好']) expect(decide('confirm', ev({ words: [w] }), yes, t)).toMatchObject({ kind: 'rejected', reason: 'confirm-again', intent: 'yes' });
    for (const w of ['是的', '好的', '可以']) expect(decide('confirm', ev({ words: [w] }), yes, t)).toMatchObject({ kind: 'final', intent: 'yes' });
    // Only at a confirm step, and only a yes: 不 is a final no, 是 at a yes/no question on a form is an answer.
    expect(decide('confirm', ev({ words: ['不'] }), { intent: 'no', exact: true }, t)).toMatchObject({ kind: 'final', intent: 'no' });
    expect(decide('choice', ev({ words: ['是'] }), yes, t)).toMatchObject({ kind: 'final', intent: 'yes' });
    // Heard poorly, still low-confidence rather than asked about.
    expect(decide('confirm', ev({ words: ['是'], freeScore: -1000 + 40 * 50 * 2 }), yes, t)).toMatchObject({ kind: 'rejected', reason: 'low-confidence' });
  });

  it('demands more confidence for yes at a confirm step than for anything else', () => {
    const gap = (c: number) => ev({ freeScore: -1000 - 40 * 50 * Math.log(c) });
    const mid = gap(0.55);
    expect(decide('confirm', mid, { intent: 'no', exact: true }, t).kind).toBe('final');
    // Between confirmAgain and confirmYes: not final, but marked as a yes worth asking about again.
    expect(decide('confirm', mid, { intent: 'yes', exact: true }, t)).toMatchObject({ kind: 'rejected', reason: 'confirm-again', intent: 'yes' });
    expect(decide('confirm', gap(0.7), { intent: 'yes', exact: true }, t)).toMatchObject({ kind: 'final', intent: 'yes' });
    expect(decide('home', gap(0.3), { intent: 'back', exact: true }, t).kind).toBe('rejected');
  });

  it('asks again about a command only above confirmAgain, and never about digits', () => {
    const gap = (c: number) => ev({ freeScore: -1000 - 40 * 50 * Math.log(c) });
    const low = decide('confirm', gap(0.45), { intent: 'yes', exact: true }, t);
    expect(low).toMatchObject({ kind: 'rejected', reason: 'low-confidence' });
    expect(low.intent).toBeUndefined();
    expect(decide('confirm', gap(0.45), { intent: 'no', exact: true }, t)).toMatchObject({ kind: 'rejected', reason: 'low-confidence' });
    // Any command between confirmAgain and its own bar is worth asking about.
    expect(decide('home', gap(0.55), { intent: 'back', exact: true }, { ...t, accept: 0.62 })).toMatchObject({ kind: 'rejected', reason: 'confirm-again', intent: 'back' });
    expect(decide('digits', ev({ words: ['幺'], freeScore: -1000 - 40 * 50 * Math.log(0.7) }), { digits: '1' }, t).reason).toBe('low-confidence');
  });

  it('below confirmAgain, down to sameTwice, names the command it heard faintly (never a yes at a confirm step)', () => {
    const gap = (c: number) => ev({ freeScore: -1000 - 40 * 50 * Math.log(c) });
    expect(decide('choice', gap(0.45), { intent: 'cash', exact: true }, t)).toMatchObject({ kind: 'rejected', reason: 'low-confidence', intent: 'cash' });
    expect(decide('confirm', gap(0.45), { intent: 'no', exact: true }, t)).toMatchObject({ reason: 'low-confidence', intent: 'no' });
    expect(decide('confirm', gap(0.45), { intent: 'yes', exact: true }, t).intent).toBeUndefined();
    expect(decide('choice', gap(0.3), { intent: 'cash', exact: true }, t).intent).toBeUndefined();
    expect(decide('digits', gap(0.45), { digits: '1' }, t).intent).toBeUndefined();
  });

  it('returns digit strings at a digits step', () => {
    expect(decide('digits', ev({ words: ['幺', '二'] }), { digits: '12' }, t)).toMatchObject({ kind: 'final', digits: '12', text: '幺二' });
    // A digit loop fits almost any speech: a middling confidence is not enough.
    expect(decide('digits', ev({ words: ['幺', '二'], freeScore: -1000 + 50 * 40 * 0.3 }), { digits: '12' }, t)).toMatchObject({ kind: 'rejected', reason: 'low-confidence' });
  });
});
