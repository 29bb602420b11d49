// A command heard, but not surely enough to act on from one hearing (the
// recognizer's 'confirm-again': at a confirm step that is a yes below the bar
// for submitting). The screen says what it thinks it heard and listens again;
// the same command heard so a second time in a row is taken. One stray sound
// therefore never confirms, while a resident whose 可以 or 只给自己 the small
// model hears only fairly well is not sent to the buttons. Anything else in
// between — another command, a miss, a new question — starts over.
//
// Below that, a command heard faintly (a 'low-confidence' result that still names
// it) is a miss; heard the same way on the very next try it is asked about too.
// Two tries agreeing is evidence one is not: 到村委会交 in espeak's voice came out
// right three times running at 0.44-0.46, and the resident was sent to the buttons.
//
// The question is put as people put it, 我听着像是“低保”，对吗？, so 对 and 不是 are
// answers too: while asking, the step also hears yes/no (StepSpec `checking`).
// A yes then takes what was asked about — at a confirm step as well, so 对 after
// 我听着像是“不是”，对吗？ is a 不是 and never submits. A 不是 the screen has no
// meaning of its own for drops the guess, and the resident is asked once more.
// The answer to our own question may be heard unsurely too (espeak's 是 at 0.6):
// after an unsure hearing, an unsure 是 is the second hearing the pair needs,
// and an unsure 不是 drops the guess, which costs nothing. Only what was asked
// about because it cannot be undone (首页 on a half-filled form, ask()) still
// needs a sure 是.
import type { SpeechResultEvent, StepSpecInput } from '../../../common/ipc/channels/speech.js';
import { isHesitation } from './hesitation.js';

export type ConfirmAgainVerdict =
  /** Act on this result (a sure result, or the second unsure hearing, now final). */
  | { readonly kind: 'result'; readonly result: SpeechResultEvent }
  /** The first unsure hearing of `intent`: ask again; not a miss. */
  | { readonly kind: 'ask-again'; readonly intent: string }
  /** 不是 to 我听着像是…，对吗？: not that; ask once more, not a miss. */
  | { readonly kind: 'denied'; readonly intent: string }
  /** A lone 嗯 or 啊: the answer is still coming. Not a miss, and what was being asked about stays asked. */
  | { readonly kind: 'hesitation'; readonly result: SpeechResultEvent }
  /** A miss, as before. */
  | { readonly kind: 'miss'; readonly result: SpeechResultEvent };

export interface ConfirmAgain {
  /** Classifies the end of one listening turn on `step`. */
  judge(r: SpeechResultEvent, step: StepSpecInput | null): ConfirmAgainVerdict;
  /** The step to listen with: while asking about an intent, it hears 对 / 不是 too. */
  listenStep(step: StepSpecInput): StepSpecInput;
  /** Ask about `intent` though it was heard surely: what it does cannot be undone (see useScreenVoice). */
  ask(intent: string): void;
  /** A new question on screen: nothing heard before counts. */
  reset(): void;
}

/** Whether `intent` is one of the step's own answers (not a 对 / 不是 added while asking). */
function owns(step: StepSpecInput | null, intent: string): boolean {
  if (step?.kind === 'confirm') return intent === 'yes' || intent === 'no';
  if (step?.kind === 'choice') return step.options.some((o) => o.id === intent);
  return false;
}

/** The open question: what it is about, and whether it was asked because that was heard unsurely (not ask()). */
interface Asking {
  readonly intent: string;
  readonly onHearing: boolean;
}

/** `r` acted on as `intent`, heard surely enough now. */
const taken = (r: SpeechResultEvent, intent: string): ConfirmAgainVerdict => ({ kind: 'result', result: { ...r, intent, kind: 'final', reason: undefined } });

export function createConfirmAgain(): ConfirmAgain {
  let asking: Asking | null = null;
  /** The command the last turn heard faintly, if it did. */
  let faint: string | null = null;
  return {
    judge(r, step) {
      if (isHesitation(r)) return { kind: 'hesitation', result: r };
      const open = asking;
      asking = null;
      const faintBefore = faint;
      faint = null;
      const intent = r.intent;
      const sure = r.kind === 'final';
      const unsureHearing = r.kind === 'rejected' && r.reason === 'confirm-again' && intent !== undefined;
      // 对 / 不是 added while asking are answers to the question, not commands to ask about.
      const faintHearing = r.kind === 'rejected' && r.reason === 'low-confidence' && intent !== undefined && (owns(step, intent) || (intent !== 'yes' && intent !== 'no'));
      if (open !== null && intent !== undefined) {
        const asked = open.intent;
        // 对: what was asked about, heard a second time in the resident's own way.
        if (sure && intent === 'yes' && asked !== 'yes') return { kind: 'result', result: { ...r, intent: asked } };
        if (sure && intent === 'no' && !owns(step, 'no')) return { kind: 'denied', intent: asked };
        // An unsure 对 or 不是 answers the question, unsurely; it is never a command to ask about —
        // at a confirm step neither, where it contradicts what was asked about: 我听着像是“不是”，对吗？
        // after 我听着像是“对的”，对吗？ would leave a resident with nothing sensible to say.
        const answersNo = intent === 'no' && (!owns(step, 'no') || asked === 'yes');
        const answersYes = intent === 'yes' && (!owns(step, 'yes') || asked === 'no');
        if (unsureHearing && answersNo) return { kind: 'denied', intent: asked };
        if (unsureHearing && answersYes) return open.onHearing && asked !== 'yes' ? taken(r, asked) : { kind: 'miss', result: r };
        if (unsureHearing && intent === asked) return taken(r, asked);
      }
      if (unsureHearing || (faintHearing && open === null && intent === faintBefore)) {
        asking = { intent, onHearing: true };
        return { kind: 'ask-again', intent };
      }
      if (faintHearing && open === null) faint = intent;
      return sure ? { kind: 'result', result: r } : { kind: 'miss', result: r };
    },
    listenStep(step) {
      return asking !== null && (step.kind === 'home' || step.kind === 'choice') ? { ...step, checking: asking.intent } : step;
    },
    ask(intent) {
      asking = { intent, onHearing: false };
    },
    reset() {
      asking = null;
      faint = null;
    },
  };
}
