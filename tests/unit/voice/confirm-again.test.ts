// The same command heard unsurely twice in a row is taken; anything between starts over.
import { describe, expect, it } from 'vitest';
import type { SpeechResultEvent } from '../../../common/ipc/channels/speech.js';
import { createConfirmAgain } from '../../../renderer/src/voice/confirm-again.js';
import { askAgain } from '../../../renderer/src/voice/reprompts.js';

const unsure = (intent = 'yes', text = '可以'): SpeechResultEvent => ({ sessionId: 's', kind: 'rejected', text, intent, confidence: 0.55, reason: 'confirm-again' });
const miss: SpeechResultEvent = { sessionId: 's', kind: 'rejected', text: '', confidence: 0, reason: 'no-speech' };
const no: SpeechResultEvent = { sessionId: 's', kind: 'final', text: '不是', intent: 'no', confidence: 0.9 };

describe('confirm again', () => {
  it('asks about the first unsure hearing and takes the second of the same command as final', () => {
    const c = createConfirmAgain();
    expect(c.judge(unsure())).toEqual({ kind: 'ask-again', intent: 'yes' });
    const second = c.judge(unsure('yes', '是'));
    expect(second.kind).toBe('result');
    if (second.kind !== 'result') return;
    expect(second.result).toMatchObject({ kind: 'final', intent: 'yes', text: '是' });
    expect(second.result.reason).toBeUndefined();
    // And the pair is used up: a third starts a new pair.
    expect(c.judge(unsure()).kind).toBe('ask-again');
  });

  it('needs the same command twice: a different one asks about itself instead', () => {
    const c = createConfirmAgain();
    c.judge(unsure('self', '只给自己'));
    expect(c.judge(unsure('family', '只给家人'))).toEqual({ kind: 'ask-again', intent: 'family' });
    expect(c.judge(unsure('family', '只给家人')).kind).toBe('result');
  });

  it('starts over after a miss, a sure answer, or a new question', () => {
    const c = createConfirmAgain();
    c.judge(unsure());
    expect(c.judge(miss)).toEqual({ kind: 'miss', result: miss });
    expect(c.judge(unsure()).kind).toBe('ask-again');
    expect(c.judge(no)).toEqual({ kind: 'result', result: no });
    expect(c.judge(unsure()).kind).toBe('ask-again');
    c.reset();
    expect(c.judge(unsure()).kind).toBe('ask-again');
  });

  it('never turns a low-confidence rejection into a result', () => {
    const c = createConfirmAgain();
    const low: SpeechResultEvent = { sessionId: 's', kind: 'rejected', text: '可以', confidence: 0.3, reason: 'low-confidence' };
    expect(c.judge(low).kind).toBe('miss');
    expect(c.judge(low).kind).toBe('miss');
  });
});

describe('what is asked', () => {
  it('names the command in its plain words, never the words misheard', () => {
    expect(askAgain('yes', { kind: 'confirm' })).toContain('“是”');
    expect(askAgain('self', { kind: 'choice', options: [{ id: 'self', label: '只给自己' }] })).toBe('我听着像是“只给自己”。对的话，请再说一遍。');
    expect(askAgain('medical-insurance-payment', { kind: 'home' })).toContain('医保');
    expect(askAgain('back', { kind: 'confirm' })).toContain('返回');
  });
});
