// The same command heard unsurely twice in a row is taken; anything between starts over.
import { describe, expect, it } from 'vitest';
import type { SpeechResultEvent, StepSpecInput } from '../../../common/ipc/channels/speech.js';
import { createConfirmAgain } from '../../../renderer/src/voice/confirm-again.js';
import { askAgain } from '../../../renderer/src/voice/reprompts.js';

const unsure = (intent = 'yes', text = '可以'): SpeechResultEvent => ({ sessionId: 's', kind: 'rejected', text, intent, confidence: 0.55, reason: 'confirm-again' });
const miss: SpeechResultEvent = { sessionId: 's', kind: 'rejected', text: '', confidence: 0, reason: 'no-speech' };
const no: SpeechResultEvent = { sessionId: 's', kind: 'final', text: '不是', intent: 'no', confidence: 0.9 };
const yes: SpeechResultEvent = { sessionId: 's', kind: 'final', text: '对', intent: 'yes', confidence: 0.8 };
const CONFIRM: StepSpecInput = { kind: 'confirm' };
const HOME: StepSpecInput = { kind: 'home' };
const PAY_FOR: StepSpecInput = { kind: 'choice', options: [{ id: 'self', label: '只给自己' }, { id: 'family', label: '只给家人' }] };

describe('confirm again', () => {
  it('asks about the first unsure hearing and takes the second of the same command as final', () => {
    const c = createConfirmAgain();
    expect(c.judge(unsure(), CONFIRM)).toEqual({ kind: 'ask-again', intent: 'yes' });
    const second = c.judge(unsure('yes', '是'), CONFIRM);
    expect(second.kind).toBe('result');
    if (second.kind !== 'result') return;
    expect(second.result).toMatchObject({ kind: 'final', intent: 'yes', text: '是' });
    expect(second.result.reason).toBeUndefined();
    // And the pair is used up: a third starts a new pair.
    expect(c.judge(unsure(), CONFIRM).kind).toBe('ask-again');
  });

  it('needs the same command twice: a different one asks about itself instead', () => {
    const c = createConfirmAgain();
    c.judge(unsure('self', '只给自己'), CONFIRM);
    expect(c.judge(unsure('family', '只给家人'), CONFIRM)).toEqual({ kind: 'ask-again', intent: 'family' });
    expect(c.judge(unsure('family', '只给家人'), PAY_FOR).kind).toBe('result');
  });

  it('a command heard faintly is a miss; heard the same way on the very next try, it is asked about', () => {
    const faint = (intent: string, text: string): SpeechResultEvent => ({ sessionId: 's', kind: 'rejected', text, intent, confidence: 0.45, reason: 'low-confidence' });
    const PAY_BY: StepSpecInput = { kind: 'choice', options: [{ id: 'qr-phone', label: '手机扫码' }, { id: 'cash', label: '到村委会交' }] };
    const c = createConfirmAgain();
    expect(c.judge(faint('cash', '到村委会交'), PAY_BY).kind).toBe('miss');
    expect(c.judge(faint('cash', '到村委会交'), PAY_BY)).toEqual({ kind: 'ask-again', intent: 'cash' });
    // Asked about, it is taken by 对 as any unsure hearing is.
    expect(c.judge(yes, { ...PAY_BY, checking: 'cash' })).toMatchObject({ kind: 'result', result: { intent: 'cash' } });
    // Two different faint commands, or anything between two faint ones, is two misses.
    expect(c.judge(faint('cash', '到村委会交'), PAY_BY).kind).toBe('miss');
    expect(c.judge(faint('qr-phone', '手机扫码'), PAY_BY).kind).toBe('miss');
    expect(c.judge(miss, PAY_BY).kind).toBe('miss');
    expect(c.judge(faint('qr-phone', '手机扫码'), PAY_BY).kind).toBe('miss');
    c.reset(); // a new question
    expect(c.judge(faint('qr-phone', '手机扫码'), PAY_BY).kind).toBe('miss');
    // A faint 对 added while asking is no command to ask about.
    const d = createConfirmAgain();
    d.judge(faint('yes', '对'), { ...PAY_BY, checking: 'cash' });
    expect(d.judge(faint('yes', '对'), { ...PAY_BY, checking: 'cash' }).kind).toBe('miss');
  });

  it('starts over after a miss, a sure answer, or a new question', () => {
    const c = createConfirmAgain();
    c.judge(unsure(), CONFIRM);
    expect(c.judge(miss, CONFIRM)).toEqual({ kind: 'miss', result: miss });
    expect(c.judge(unsure(), CONFIRM).kind).toBe('ask-again');
    expect(c.judge(no, CONFIRM)).toEqual({ kind: 'result', result: no });
    expect(c.judge(unsure(), CONFIRM).kind).toBe('ask-again');
    c.reset();
    expect(c.judge(unsure(), CONFIRM).kind).toBe('ask-again');
  });

  it('a lone 嗯 in between is neither a miss nor a new start: the answer after it still settles what was asked', () => {
    const c = createConfirmAgain();
    const hm: SpeechResultEvent = { sessionId: 's', kind: 'rejected', text: '好', confidence: 0, reason: 'hesitation' };
    expect(c.judge(unsure('self', '只给自己'), PAY_FOR).kind).toBe('ask-again');
    expect(c.judge(hm, PAY_FOR)).toEqual({ kind: 'hesitation', result: hm });
    expect(c.listenStep(PAY_FOR)).toMatchObject({ checking: 'self' }); // still hears 对 / 不是
    const settled = c.judge(yes, PAY_FOR);
    expect(settled).toMatchObject({ kind: 'result', result: { intent: 'self' } });
  });

  it('never turns a low-confidence rejection into a result', () => {
    const c = createConfirmAgain();
    const low: SpeechResultEvent = { sessionId: 's', kind: 'rejected', text: '可以', confidence: 0.3, reason: 'low-confidence' };
    expect(c.judge(low, CONFIRM).kind).toBe('miss');
    expect(c.judge(low, CONFIRM).kind).toBe('miss');
  });
});

describe('对 and 不是 to 我听着像是…，对吗？', () => {
  it('listens with 对 / 不是 added only while asking, and only where the step has no yes/no of its own', () => {
    const c = createConfirmAgain();
    expect(c.listenStep(HOME)).toEqual(HOME);
    c.judge(unsure('subsistence-allowance', '低保'), HOME);
    expect(c.listenStep(HOME)).toEqual({ kind: 'home', checking: 'subsistence-allowance' });
    expect(c.listenStep(PAY_FOR)).toEqual({ ...PAY_FOR, checking: 'subsistence-allowance' });
    expect(c.listenStep(CONFIRM)).toEqual(CONFIRM);
    c.reset();
    expect(c.listenStep(HOME)).toEqual(HOME);
  });

  it('a sure 对 takes what was asked about', () => {
    const c = createConfirmAgain();
    c.judge(unsure('subsistence-allowance', '低保'), HOME);
    const v = c.judge(yes, HOME);
    expect(v).toMatchObject({ kind: 'result', result: { kind: 'final', intent: 'subsistence-allowance', text: '对' } });
    // Used up: another 对 is not a service.
    expect(c.judge(yes, HOME)).toMatchObject({ kind: 'result', result: { intent: 'yes' } });
  });

  it('at a confirm step, 对 to 我听着像是“不是”，对吗？ is a 不是: it never submits', () => {
    const c = createConfirmAgain();
    c.judge(unsure('no', '不是'), CONFIRM);
    expect(c.judge(yes, CONFIRM)).toMatchObject({ kind: 'result', result: { intent: 'no' } });
    c.judge(unsure('back', '返回'), CONFIRM);
    expect(c.judge(yes, CONFIRM)).toMatchObject({ kind: 'result', result: { intent: 'back' } });
  });

  it('不是 drops the guess where the step has no 不是 of its own; at a confirm step it is the answer 不是', () => {
    const c = createConfirmAgain();
    c.judge(unsure('self', '只给自己'), PAY_FOR);
    expect(c.judge(no, PAY_FOR)).toEqual({ kind: 'denied', intent: 'self' });
    expect(c.listenStep(PAY_FOR)).toEqual(PAY_FOR);
    c.judge(unsure('yes', '是'), CONFIRM);
    expect(c.judge(no, CONFIRM)).toEqual({ kind: 'result', result: no });
  });

  it('an unsure 对 to a guess heard unsurely is its second hearing; an unsure 不是 drops it', () => {
    const c = createConfirmAgain();
    c.judge(unsure('self', '只给自己'), PAY_FOR);
    expect(c.judge(unsure('yes', '对'), PAY_FOR)).toMatchObject({ kind: 'result', result: { kind: 'final', intent: 'self', text: '对' } });
    expect(c.listenStep(PAY_FOR)).toEqual(PAY_FOR);
    c.judge(unsure('self', '只给自己'), PAY_FOR);
    expect(c.judge(unsure('no', '不是'), PAY_FOR)).toEqual({ kind: 'denied', intent: 'self' });
  });

  it('at a confirm step an unsure answer to 我听着像是…，对吗？ is not asked about in turn: 不是 to a yes drops it, 是 to a 不是 takes the 不是', () => {
    const c = createConfirmAgain();
    c.judge(unsure('yes', '对的'), CONFIRM);
    expect(c.judge(unsure('no', '不是'), CONFIRM)).toEqual({ kind: 'denied', intent: 'yes' });
    c.judge(unsure('no', '不要'), CONFIRM);
    expect(c.judge(unsure('yes', '是'), CONFIRM)).toMatchObject({ kind: 'result', result: { kind: 'final', intent: 'no' } });
  });

  it('what is asked about because it cannot be undone (首页 on a half-filled form) still needs a sure 对', () => {
    const c = createConfirmAgain();
    c.ask('home');
    expect(c.judge(unsure('yes', '对'), PAY_FOR).kind).toBe('miss');
    c.ask('home');
    expect(c.judge(yes, PAY_FOR)).toMatchObject({ kind: 'result', result: { intent: 'home' } });
    c.ask('home');
    expect(c.judge(unsure('no', '不是'), PAY_FOR)).toEqual({ kind: 'denied', intent: 'home' });
  });

  it('a yes/no question keeps its own 是 and 不是: 是 after 我听着像是“不是”，对吗？ still means that 不是 was right', () => {
    const YES_NO: StepSpecInput = { kind: 'choice', options: [{ id: 'yes', label: '是' }, { id: 'no', label: '不是' }] };
    const c = createConfirmAgain();
    c.judge(unsure('no', '不是'), YES_NO);
    expect(c.judge(yes, YES_NO)).toMatchObject({ kind: 'result', result: { intent: 'no' } });
    c.judge(unsure('yes', '是'), YES_NO);
    expect(c.judge(no, YES_NO)).toEqual({ kind: 'result', result: no });
  });
});

describe('asking about a command heard surely (首页 in the middle of an application)', () => {
  it('ask() makes the next turn a check: 是 or the same command takes it, and the step hears 对 / 不是 meanwhile', () => {
    const c = createConfirmAgain();
    c.ask('home');
    expect(c.listenStep(PAY_FOR)).toEqual({ ...PAY_FOR, checking: 'home' });
    expect(c.judge(yes, PAY_FOR)).toMatchObject({ kind: 'result', result: { intent: 'home' } });
    c.ask('home');
    const again: SpeechResultEvent = { sessionId: 's', kind: 'final', text: '首页', intent: 'home', confidence: 0.9 };
    expect(c.judge(again, PAY_FOR)).toEqual({ kind: 'result', result: again });
    c.ask('home');
    expect(c.judge(no, PAY_FOR)).toEqual({ kind: 'denied', intent: 'home' });
  });
});

describe('what is asked', () => {
  it('names the command in its plain words, never the words misheard', () => {
    expect(askAgain('yes', { kind: 'confirm' })).toContain('“是”');
    expect(askAgain('self', { kind: 'choice', options: [{ id: 'self', label: '只给自己' }] })).toBe('我听着像是“只给自己”，对吗？');
    expect(askAgain('medical-insurance-payment', { kind: 'home' })).toContain('医保');
    expect(askAgain('back', { kind: 'confirm' })).toContain('返回');
  });
});
