// A command heard, but not surely enough to act on from one hearing (the
// recognizer's 'confirm-again': at a confirm step that is a yes below the bar
// for submitting). The screen says what it thinks it heard and listens again;
// the same command heard so a second time in a row is taken. One stray sound
// therefore never confirms, while a resident whose 可以 or 只给自己 the small
// model hears only fairly well is not sent to the buttons. Anything else in
// between — another command, a miss, a new question — starts over.
import type { SpeechResultEvent } from '../../../common/ipc/channels/speech.js';

export type ConfirmAgainVerdict =
  /** Act on this result (a sure result, or the second unsure hearing, now final). */
  | { readonly kind: 'result'; readonly result: SpeechResultEvent }
  /** The first unsure hearing of `intent`: ask again; not a miss. */
  | { readonly kind: 'ask-again'; readonly intent: string }
  /** A miss, as before. */
  | { readonly kind: 'miss'; readonly result: SpeechResultEvent };

export interface ConfirmAgain {
  /** Classifies the end of one listening turn. */
  judge(r: SpeechResultEvent): ConfirmAgainVerdict;
  /** A new question on screen: nothing heard before counts. */
  reset(): void;
}

export function createConfirmAgain(): ConfirmAgain {
  let unsure: string | null = null;
  return {
    judge(r) {
      if (r.kind === 'rejected' && r.reason === 'confirm-again' && r.intent) {
        if (unsure === r.intent) {
          unsure = null;
          return { kind: 'result', result: { ...r, kind: 'final', reason: undefined } };
        }
        unsure = r.intent;
        return { kind: 'ask-again', intent: r.intent };
      }
      unsure = null;
      return r.kind === 'final' ? { kind: 'result', result: r } : { kind: 'miss', result: r };
    },
    reset() {
      unsure = null;
    },
  };
}
