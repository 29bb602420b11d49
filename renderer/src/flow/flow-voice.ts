// What can be said on each flow screen, and what a recognised answer does.
// Derived from the FlowView (itself derived from the catalogue), never written
// per screen: choices become a choice grammar of their labels and voice words,
// yes/no questions and read-backs a confirm grammar, numbers a digits or a quantity grammar,
// photos the camera's buttons. Every word a button carries can be said, so a
// resident who cannot use the screen is never stuck: 拍照 / 用这张 / 重拍 on a
// photo, 跳过 on an optional question, and 叫工作人员 where only a helper can
// answer (a typed name, a camera that will not open).
import type { FlowView } from '../../../common/flow/index.js';
import { controlVoiceSynonyms, measureWordSynonyms, type ControlIntentId } from '../../../common/catalogue/voice-synonyms.js';
import type { SpeechResultEvent, StepSpecInput } from '../../../common/ipc/channels/speech.js';
import { speakInteger } from '../../../common/spoken/numbers.js';
import { t } from '../i18n/zh-CN.js';
import type { FlowActions } from './flow-actions.js';
import type { PhotoControls, PhotoPhase } from './usePhotoCapture.js';

type Live = Exclude<FlowView, { kind: 'done' }>;
type Question = Extract<Live, { kind: 'question' }>;
type SpokenOption = Extract<StepSpecInput, { kind: 'choice' }>['options'][number];

const MAX_OPTIONS = 12;

type NumberKind = 'phone' | 'bank-account' | 'id-number' | 'count' | 'amount';
type NumberStep = Extract<StepSpecInput, { kind: 'digits' | 'quantity' }>;
// Numbers that identify something are said digit by digit; counts and money as quantities
// (四口人, 两千五), the way the questions ask for them (一共几口人？) and people answer.
const NUMBER_FIELDS: Record<NumberKind, (f: Question['field']) => NumberStep> = {
  phone: () => ({ kind: 'digits', minLength: 7, maxLength: 12 }),
  'bank-account': (f) => (f.kind === 'bank-account' ? { kind: 'digits', minLength: f.minDigits, maxLength: f.maxDigits } : { kind: 'digits' }),
  'id-number': () => ({ kind: 'digits', minLength: 18, maxLength: 18, allowX: true }),
  count: (f) => (f.kind === 'count' ? { kind: 'quantity', max: f.max, units: [...measureWordSynonyms(f.unit)] } : { kind: 'quantity', max: 99 }),
  amount: (f) => (f.kind === 'amount' ? { kind: 'quantity', max: Math.floor(f.maxYuan), units: [...measureWordSynonyms(f.unit)] } : { kind: 'quantity', max: 99_999 }),
};

/** A button of the flow's own (拍照, 跳过…) as a spoken option: its label plus what people say for it. */
function control(id: ControlIntentId, label: string, except: ReadonlySet<string> = new Set()): SpokenOption | null {
  const words = [label, ...controlVoiceSynonyms[id]].filter((w) => !except.has(w));
  if (words.length === 0) return null;
  const [first, ...rest] = [...new Set(words)];
  return { id, label: first!, ...(rest.length ? { synonyms: rest } : {}) };
}

/** 叫工作人员 is the global `help` intent: the screen voice handles it the same everywhere. */
const callStaff: SpokenOption = { id: 'help', label: t.flow.callStaff };

/**
 * The question's own options, plus 跳过 when it may be skipped. Skip words the
 * options already use (an option called 没有) stay the option's: one phrase, one meaning.
 */
function withSkip(options: readonly SpokenOption[], canSkip: boolean): StepSpecInput {
  if (!canSkip) return { kind: 'choice', options: options.slice(0, MAX_OPTIONS) };
  const taken = new Set(options.flatMap((o) => [o.label, ...(o.synonyms ?? [])]));
  const skip = options.some((o) => o.id === 'skip') ? null : control('skip', t.common.skip, taken);
  return { kind: 'choice', options: skip ? [...options.slice(0, MAX_OPTIONS - 1), skip] : options.slice(0, MAX_OPTIONS) };
}

/** The camera's buttons for what it shows now: 拍照 on the live preview, 用这张 / 重拍 on a taken picture. */
function photoOptions(phase: PhotoPhase): SpokenOption[] {
  switch (phase) {
    case 'opening':
    case 'preview':
      // 拍照 is listened for while the camera is still starting (the prompt takes longer than the
      // camera); said too early it is kept and the picture taken once the camera runs.
      return [control('take-photo', t.flow.takePhoto)!];
    case 'shot':
      return [control('use-photo', t.flow.usePhoto)!, control('retake-photo', t.flow.retake)!];
    case 'failed':
      return [callStaff];
  }
}

function questionSpec(view: Question, photo: PhotoPhase): StepSpecInput {
  const f = view.field;
  switch (f.kind) {
    case 'choice':
    case 'relationship':
      return withSkip(
        view.options.map((o) => ({ id: o.value, label: o.label, synonyms: o.voice.slice(0, 10) })),
        view.canSkip,
      );
    // 没有 / 不用 answer a yes-no question ("no"), so skip words would be ambiguous there: 跳过 stays a button.
    case 'yes-no':
      return { kind: 'confirm' };
    // The face check's fallback is its own button, not a spoken 跳过.
    case 'photo':
      return withSkip(photoOptions(photo), view.canSkip && f.subject !== 'face');
    // A name cannot be recognised from a closed grammar: the prompt says a helper types it, and 叫工作人员 fetches one.
    case 'text':
      return withSkip([callStaff], view.canSkip);
    // The family member's card is read by the reader; by voice only a specialist can be called.
    case 'family-card':
      return withSkip([callStaff], view.canSkip);
    default: {
      const number = NUMBER_FIELDS[f.kind](f);
      const skip = view.canSkip ? control('skip', t.common.skip) : null;
      return skip ? { ...number, extra: [skip] } : number;
    }
  }
}

/** The unit of a count or a sum on screen (口人, 元), to say it back as a quantity; undefined for other numbers. */
export function quantityUnitOf(view: Live | null): string | undefined {
  if (view?.kind !== 'question') return undefined;
  const f = view.field;
  return f.kind === 'count' || f.kind === 'amount' ? f.unit : undefined;
}

/** 第2位家人关系 → 第二位家人关系: grammars drop numerals, and 第1位… and 第2位… would become one phrase. */
const sayNumerals = (label: string) => label.replace(/\d+/g, (d) => speakInteger(Number(d)));

/** The recognition step of this screen; `photo` is what the camera shows (only read on a photo question). */
export function stepSpecFor(view: Live, pending: string | null, photo: PhotoPhase): StepSpecInput | null {
  if (pending !== null) return { kind: 'confirm' };
  switch (view.kind) {
    // The buttons' own words count too: a resident reading 是，提交 aloud means it.
    case 'intro':
      return { kind: 'confirm', yes: [t.common.start] };
    case 'info':
      return { kind: 'confirm', yes: [t.common.next] };
    case 'summary':
      return { kind: 'confirm', yes: [t.flow.confirmSubmit], no: [t.flow.fixSomething], submits: true };
    case 'choose-fix':
      return { kind: 'choice', options: view.items.slice(0, MAX_OPTIONS).map((i) => ({ id: i.key, label: sayNumerals(i.label).slice(0, 40) })) };
    case 'ineligible':
      return null;
    case 'question':
      return questionSpec(view, photo);
  }
}

/**
 * What can be said while a submission by voice can still be taken back (SubmitWindow): its
 * buttons' words, and, as at every step whose yes submits, 提交 and 不提交 as people say them
 * (submitVoiceSynonyms, added by the grammar).
 */
export const submitWindowSpec: StepSpecInput = { kind: 'confirm', yes: [t.flow.submitWindow.now], no: [t.flow.submitWindow.notYet], submits: true };

export interface VoiceContext {
  act: FlowActions;
  /** A number awaiting its read-back confirmation. */
  pending: string | null;
  /**
   * `readBack` starts the confirmation (digit by digit, or as a quantity); `sayAgain` asks for the
   * number again after a spoken 不是 to it (said to its end, the screen listens for the answer).
   */
  numbers: { setPending(v: string | null): void; readBack(v: string): void; sayAgain(): void };
  /** The camera's buttons, pressed by voice exactly as by hand. */
  photo: PhotoControls;
  /** 是 said at the read-back: submit after a last chance to take it back (a press submits at once). */
  submitSoon(): void;
}

const PHOTO_ACTIONS: Partial<Record<string, (p: PhotoControls) => void>> = {
  'take-photo': (p) => p.take(),
  'use-photo': (p) => p.use(),
  'retake-photo': (p) => p.retake(),
};

/** Acts on a final result for this screen (the global intents never get here). */
export function applyVoice(view: Live, r: SpeechResultEvent, ctx: VoiceContext): void {
  const { act, pending, numbers } = ctx;
  const yes = r.intent === 'yes';
  const no = r.intent === 'no';
  if (pending !== null) {
    if (yes) {
      numbers.setPending(null); // as the 是 button: a number refused is back on the keypad, with why
      act.answer(pending);
    } else if (no) {
      // The resident is talking, so the number is asked for again out loud, not left to the keypad.
      numbers.setPending(null);
      numbers.sayAgain();
    }
    return;
  }
  switch (view.kind) {
    case 'intro':
    case 'info':
      if (yes) act.next();
      else if (no) act.back();
      return;
    case 'summary':
      if (yes) ctx.submitSoon();
      else if (no) act.confirm(false);
      return;
    case 'choose-fix':
      if (r.intent) act.chooseFix(r.intent);
      return;
    case 'ineligible':
      return;
    case 'question': {
      const f = view.field;
      // An option that is itself called 'skip' is answered, not skipped (withSkip left 跳过 out).
      if (r.intent === 'skip' && view.canSkip && !view.options.some((o) => o.value === 'skip')) act.skip();
      else if (f.kind === 'photo') PHOTO_ACTIONS[r.intent ?? '']?.(ctx.photo);
      else if (f.kind === 'yes-no' && (yes || no)) act.answer(yes);
      else if ((f.kind === 'choice' || f.kind === 'relationship') && r.intent) act.answer(r.intent);
      // A number heard is said back and counts once confirmed: a misheard digit or a 两千 heard
      // as 七元 must not slip into an application (the income decides a 低保 application).
      else if (r.digits) {
        numbers.setPending(r.digits);
        numbers.readBack(r.digits);
      }
    }
  }
}
