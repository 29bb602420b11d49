// The queries' voice path counts misses the way the screens' voice does, and
// calls the specialist exactly once per run of misses, at the second.
import { describe, expect, it } from 'vitest';
import { countMiss, missWords, noMisses, shouldCallForHelp, stepKeyOf, type Misses } from '../../../renderer/src/services/queries/voice/misses.js';
import type { SpeechResultEvent, StepSpecInput } from '../../../common/ipc/channels/speech.js';

const topics: StepSpecInput = { kind: 'choice', options: [{ id: 'medical', label: '医疗保险' }, { id: 'pension', label: '养老保险' }] };
const faces: StepSpecInput = { kind: 'choice', options: [{ id: '5', label: '满意' }, { id: '1', label: '不满意' }] };
const rejected: SpeechResultEvent = { sessionId: 's', kind: 'rejected', text: '', confidence: 0.1, reason: 'out-of-grammar' };
const cancelled: SpeechResultEvent = { sessionId: 's', kind: 'rejected', text: '', confidence: 0, reason: 'cancelled' };
const understood: SpeechResultEvent = { sessionId: 's', kind: 'final', text: '医疗保险', intent: 'medical', confidence: 0.9 };

/** Feeds results at steps in turn; returns the counts and when help was called. */
function run(events: [StepSpecInput, SpeechResultEvent][]): { counts: number[]; calls: number[] } {
  let m: Misses = noMisses;
  const counts: number[] = [];
  const calls: number[] = [];
  events.forEach(([step, r], i) => {
    const next = countMiss(m, stepKeyOf(step), r);
    if (shouldCallForHelp(m, next)) calls.push(i);
    counts.push(next.count);
    m = next;
  });
  return { counts, calls };
}

describe('voice misses on the query screens', () => {
  it('calls for help at the second miss in a row, and not again at the third', () => {
    expect(run([[topics, rejected], [topics, rejected], [topics, rejected]])).toEqual({ counts: [1, 2, 3], calls: [1] });
  });

  it('starts again after an understood answer, so a later second miss calls again', () => {
    expect(run([[topics, rejected], [topics, understood], [topics, rejected], [topics, rejected]])).toEqual({ counts: [1, 0, 1, 2], calls: [3] });
  });

  it('starts again at a new question', () => {
    expect(run([[topics, rejected], [faces, rejected], [faces, rejected]])).toEqual({ counts: [1, 1, 2], calls: [2] });
  });

  it('does not count a cancelled listen (the resident pressed a button instead), nor call again on it', () => {
    expect(run([[topics, rejected], [topics, cancelled], [topics, rejected], [topics, cancelled]])).toEqual({ counts: [1, 1, 2, 2], calls: [2] });
  });
});

describe('the words for a miss', () => {
  it('say 没听清 for words not understood, and 没听到您说话 when nothing was heard', () => {
    expect(missWords(rejected)).toMatch(/^没听清/);
    expect(missWords({ ...rejected, reason: 'no-speech' })).toMatch(/^没听到您说话/);
  });
});
