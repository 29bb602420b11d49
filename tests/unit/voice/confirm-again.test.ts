// Two unsure yeses in a row make a yes; anything between them starts over.
import { describe, expect, it } from 'vitest';
import type { SpeechResultEvent } from '../../../common/ipc/channels/speech.js';
import { createConfirmAgain } from '../../../renderer/src/voice/confirm-again.js';

const unsure = (text = '可以'): SpeechResultEvent => ({ sessionId: 's', kind: 'rejected', text, intent: 'yes', confidence: 0.55, reason: 'confirm-again' });
const miss: SpeechResultEvent = { sessionId: 's', kind: 'rejected', text: '', confidence: 0, reason: 'no-speech' };
const no: SpeechResultEvent = { sessionId: 's', kind: 'final', text: '不是', intent: 'no', confidence: 0.9 };

describe('confirm again', () => {
  it('asks about the first unsure yes and takes the second as a final yes', () => {
    const c = createConfirmAgain();
    expect(c.judge(unsure())).toEqual({ kind: 'ask-again', heard: '可以' });
    const second = c.judge(unsure('是'));
    expect(second.kind).toBe('result');
    if (second.kind !== 'result') return;
    expect(second.result).toMatchObject({ kind: 'final', intent: 'yes', text: '是' });
    expect(second.result.reason).toBeUndefined();
    // And the pair is used up: a third starts a new pair.
    expect(c.judge(unsure()).kind).toBe('ask-again');
  });

  it('starts over after a miss, a no, or a new question', () => {
    const c = createConfirmAgain();
    c.judge(unsure());
    expect(c.judge(miss)).toEqual({ kind: 'miss', result: miss });
    expect(c.judge(unsure()).kind).toBe('ask-again');
    expect(c.judge(no)).toEqual({ kind: 'result', result: no });
    expect(c.judge(unsure()).kind).toBe('ask-again');
    c.reset();
    expect(c.judge(unsure()).kind).toBe('ask-again');
  });

  it('never turns a low-confidence rejection into a yes', () => {
    const c = createConfirmAgain();
    const low: SpeechResultEvent = { sessionId: 's', kind: 'rejected', text: '可以', confidence: 0.3, reason: 'low-confidence' };
    expect(c.judge(low).kind).toBe('miss');
    expect(c.judge(low).kind).toBe('miss');
  });
});
