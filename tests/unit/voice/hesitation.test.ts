// What a listen after a hesitation settles on: silence there turns the 嗯 back into the
// resident's (not understood) answer; anything else said is taken as it comes.
import { describe, expect, it } from 'vitest';
import type { SpeechResultEvent } from '../../../common/ipc/channels/speech.js';
import { afterHesitation, isHesitation } from '../../../renderer/src/voice/hesitation.js';

const ev = (e: Omit<SpeechResultEvent, 'sessionId'>): SpeechResultEvent => ({ sessionId: 's', ...e });
const hesitation = ev({ kind: 'rejected', text: '人工', confidence: 0, reason: 'hesitation' });

describe('after a hesitation', () => {
  it('silence next means the hesitation was the answer: it stands, as a miss', () => {
    const r = afterHesitation(hesitation, ev({ kind: 'rejected', text: '', confidence: 0, reason: 'no-speech' }));
    expect(r).toBe(hesitation);
    expect(isHesitation(r)).toBe(true);
  });

  it('words next are the answer, heard or not; a cancel stays a cancel', () => {
    const final = ev({ kind: 'final', text: '低保申请', intent: 'subsistence-allowance', confidence: 0.9 });
    expect(afterHesitation(hesitation, final)).toBe(final);
    const garbled = ev({ kind: 'rejected', text: '今天', confidence: 0, reason: 'out-of-grammar' });
    expect(afterHesitation(hesitation, garbled)).toBe(garbled);
    const cancelled = ev({ kind: 'rejected', text: '', confidence: 0, reason: 'cancelled' });
    expect(afterHesitation(hesitation, cancelled)).toBe(cancelled);
  });
});
