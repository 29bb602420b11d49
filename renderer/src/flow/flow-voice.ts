// What can be said on each flow screen, and what a recognised answer does.
// Derived from the FlowView (itself derived from the catalogue), never written
// per screen: choices become a choice grammar of their labels and voice words,
// yes/no questions and read-backs a confirm grammar, numbers a digits grammar.
import type { FlowView } from '../../../common/flow/index.js';
import type { SpeechResultEvent, StepSpecInput } from '../../../common/ipc/channels/speech.js';
import type { FlowActions } from './FlowPage.js';

type Live = Exclude<FlowView, { kind: 'done' }>;

const DIGIT_FIELDS: Record<string, (f: Extract<Live, { kind: 'question' }>['field']) => StepSpecInput> = {
  phone: () => ({ kind: 'digits', minLength: 7, maxLength: 12 }),
  'bank-account': (f) => (f.kind === 'bank-account' ? { kind: 'digits', minLength: f.minDigits, maxLength: f.maxDigits } : { kind: 'digits' }),
  'id-number': () => ({ kind: 'digits', minLength: 18, maxLength: 18, allowX: true }),
  count: () => ({ kind: 'digits', minLength: 1, maxLength: 2 }),
  amount: () => ({ kind: 'digits', minLength: 1, maxLength: 7 }),
};

export function stepSpecFor(view: Live, pending: string | null): StepSpecInput | null {
  if (pending !== null) return { kind: 'confirm' };
  switch (view.kind) {
    case 'intro':
    case 'info':
    case 'summary':
      return { kind: 'confirm' };
    case 'choose-fix':
      return { kind: 'choice', options: view.items.slice(0, 12).map((i) => ({ id: i.key, label: i.label.slice(0, 40) })) };
    case 'ineligible':
      return null;
    case 'question': {
      const f = view.field;
      if (f.kind === 'choice' || f.kind === 'relationship') {
        return { kind: 'choice', options: view.options.slice(0, 12).map((o) => ({ id: o.value, label: o.label, synonyms: o.voice.slice(0, 10) })) };
      }
      if (f.kind === 'yes-no') return { kind: 'confirm' };
      const digits = DIGIT_FIELDS[f.kind];
      return digits ? digits(f) : null; // photos and free text: buttons and a helper
    }
  }
}

/** Acts on a final result for this screen. `readBack` starts the digit-by-digit confirmation. */
export function applyVoice(
  view: Live,
  r: SpeechResultEvent,
  act: FlowActions,
  pending: string | null,
  numbers: { setPending(v: string | null): void; readBack(v: string): void },
): void {
  const yes = r.intent === 'yes';
  const no = r.intent === 'no';
  if (pending !== null) {
    if (yes) act.answer(pending);
    else if (no) numbers.setPending(null);
    return;
  }
  switch (view.kind) {
    case 'intro':
    case 'info':
      if (yes) act.next();
      else if (no) act.back();
      return;
    case 'summary':
      if (yes || no) act.confirm(yes);
      return;
    case 'choose-fix':
      if (r.intent) act.chooseFix(r.intent);
      return;
    case 'ineligible':
      return;
    case 'question': {
      const f = view.field;
      if (f.kind === 'yes-no' && (yes || no)) act.answer(yes);
      else if ((f.kind === 'choice' || f.kind === 'relationship') && r.intent) act.answer(r.intent);
      else if (r.digits) {
        if (f.kind === 'count' || f.kind === 'amount') act.answer(Number(r.digits));
        else {
          numbers.setPending(r.digits);
          numbers.readBack(r.digits);
        }
      }
    }
  }
}
