// A confirm step's "yes" heard, but not surely enough to submit an application
// on one hearing (the recognizer's 'confirm-again'). The screen asks 您是说…吗？
// and listens again; a second such yes in a row is taken as yes. One stray
// sound therefore never confirms, while a resident whose 可以 the small model
// hears only fairly well is not sent to the buttons. Anything else in between —
// a no, a miss, another screen — starts over.
import type { SpeechResultEvent } from '../../../common/ipc/channels/speech.js';

export type ConfirmAgainVerdict =
  /** Act on this result (a sure result, or the second unsure yes, now final). */
  | { readonly kind: 'result'; readonly result: SpeechResultEvent }
  /** The first unsure yes: ask again, not a miss. */
  | { readonly kind: 'ask-again'; readonly heard: string }
  /** A miss, as before. */
  | { readonly kind: 'miss'; readonly result: SpeechResultEvent };

export interface ConfirmAgain {
  /** Classifies the end of one listening turn. */
  judge(r: SpeechResultEvent): ConfirmAgainVerdict;
  /** A new question on screen: nothing heard before counts. */
  reset(): void;
}

export function createConfirmAgain(): ConfirmAgain {
  let unsureYes = false;
  return {
    judge(r) {
      if (r.kind === 'rejected' && r.reason === 'confirm-again' && r.intent === 'yes') {
        if (unsureYes) {
          unsureYes = false;
          return { kind: 'result', result: { ...r, kind: 'final', reason: undefined } };
        }
        unsureYes = true;
        return { kind: 'ask-again', heard: r.text };
      }
      unsureYes = false;
      return r.kind === 'final' ? { kind: 'result', result: r } : { kind: 'miss', result: r };
    },
    reset() {
      unsureYes = false;
    },
  };
}
