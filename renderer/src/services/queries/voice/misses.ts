// Consecutive voice misses at one question, counted the way the screens' own
// voice (voice/useVoice.ts) counts them: a rejected answer is one more miss, an
// understood answer clears the count, a new question starts again at zero, and
// a cancelled listen (the resident pressed a button instead) changes nothing.
// At the second miss the specialist is called, once per run of misses.
import type { SpeechResultEvent, StepSpecInput } from '../../../../../common/ipc/channels/speech.js';
import { t } from '../../../i18n/zh-CN.js';

/** Misses in a row after which the resident is offered the buttons and the specialist is called. */
export const HELP_AFTER_MISSES = 2;

export interface Misses {
  /** The question the count is for (its grammar, as JSON). */
  readonly stepKey: string | null;
  readonly count: number;
}

export const noMisses: Misses = { stepKey: null, count: 0 };

export function stepKeyOf(step: StepSpecInput): string {
  return JSON.stringify(step);
}

/** The count after `result` was heard at `step`. */
export function countMiss(prev: Misses, stepKey: string, result: SpeechResultEvent): Misses {
  const before = prev.stepKey === stepKey ? prev.count : 0;
  if (result.kind === 'final') return { stepKey, count: 0 };
  if (result.reason === 'cancelled') return { stepKey, count: before };
  return { stepKey, count: before + 1 };
}

/** True exactly when this result made the run of misses reach the threshold: call for help now. */
export function shouldCallForHelp(prev: Misses, next: Misses): boolean {
  return next.count === HELP_AFTER_MISSES && prev.count < HELP_AFTER_MISSES;
}

/** The words for one miss: 没听清 for words not understood, 没听到您说话 when nothing was heard. */
export function missWords(result: SpeechResultEvent): string {
  return result.reason === 'no-speech' ? t.queries.voice.notHeardSilence : t.queries.voice.notHeard;
}
