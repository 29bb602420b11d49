// The grammar of one dialog step, generated from the catalogue's voice synonyms
// and the screen's own option labels: which intents may be said here and every
// phrase that means each one, split into dictionary words. Engines render it into
// their own format (JSGF for PocketSphinx, a phrase list for Vosk).
import {
  carrierPrefixes,
  carrierSuffixes,
  checkingVoiceSynonyms,
  confirmVoiceSynonyms,
  globalVoiceSynonyms,
  serviceIntentIds,
  serviceVoiceSynonyms,
  spokenDigits,
  submitVoiceSynonyms,
  type ServiceIntentId,
} from '../../common/catalogue/voice-synonyms.js';
import { GrammarError, type Dictionary } from './dictionary.js';
import { NUMERAL_WORDS, QUANTITY_LEADS, QUANTITY_TAILS } from './quantity.js';

export interface ChoiceOption {
  /** What the renderer gets back when this option is said. */
  readonly id: string;
  /** The label on the button; said as written (punctuation and latin letters are ignored). */
  readonly label: string;
  readonly synonyms?: readonly string[];
}

/**
 * `checking`: the intent the screen has just asked about (我听着像是“低保”，对吗？). The
 * step then also hears 对 / 不是 as `yes` / `no`, so the resident can answer the
 * way they were asked; the renderer reads a yes as that intent. Such a yes needs
 * only the usual bar: it opens a service or picks an option, both undone with
 * 返回 and read back before anything is submitted; at a confirm step, where a
 * yes submits, the step has its own yes and no and nothing is added.
 */
export type StepSpec =
  | { readonly kind: 'home'; readonly services?: readonly ServiceIntentId[]; readonly checking?: string }
  | {
      readonly kind: 'confirm';
      /** The screen's button words for yes and no, said as written (a longer phrase is also easier to hear than 是). */
      readonly yes?: readonly string[];
      readonly no?: readonly string[];
      /** A yes here submits an application (the read-back): engines hold it to their strictest bar. */
      readonly submits?: boolean;
    }
  | {
      readonly kind: 'digits';
      readonly minLength?: number;
      readonly maxLength?: number;
      readonly allowX?: boolean;
      /** Said instead of a number (跳过 on an optional one): phrases next to the digit loop, no ordinals or carriers. */
      readonly extra?: readonly ChoiceOption[];
    }
  | {
      /** A count or an amount, said as a number (四口人, 两千五百块); see quantity.ts. */
      readonly kind: 'quantity';
      /** The largest value the question takes; the form checks the range, and says it (请说1到12之间的数). */
      readonly max: number;
      /** Measure words that may follow the number (口人, 个, 元, 块钱). */
      readonly units?: readonly string[];
      /** Said instead of a number (跳过 on an optional one), as at a digits step. */
      readonly extra?: readonly ChoiceOption[];
    }
  | { readonly kind: 'choice'; readonly options: readonly ChoiceOption[]; readonly checking?: string };

export interface GrammarPhrase {
  readonly intent: string;
  /** The phrase as dictionary words. */
  readonly words: readonly string[];
  /** Said alone, never inside a carrier (返回 and 首页; 对 and 不是 answering 对吗？). */
  readonly bare?: boolean;
}

export interface StepGrammar {
  readonly kind: StepSpec['kind'];
  /** A confirm step whose yes submits (StepSpec `submits`). */
  readonly submits?: boolean;
  readonly phrases: readonly GrammarPhrase[];
  readonly prefixes: readonly (readonly string[])[];
  readonly suffixes: readonly (readonly string[])[];
  /** Set at a digits step: the digit words and the accepted length range. */
  readonly digits?: { readonly words: readonly string[]; readonly minLength: number; readonly maxLength: number };
  /** Set at a quantity step: the largest value, and the measure words (as dictionary words) that may follow. */
  readonly quantity?: { readonly max: number; readonly units: readonly (readonly string[])[] };
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Keeps the characters a person would say: Han characters and digits written as numerals are dropped. */
function sayable(label: string): string {
  return [...label].filter((c) => /\p{Script=Han}/u.test(c)).join('');
}

/** The labels as said, leaving out any with nothing sayable in them. */
const sayableAll = (labels: readonly string[]) => labels.map(sayable).filter((p) => p.length > 0);

/** An option's label and synonyms as they are said (plus 第一个 / 第一项 when it has a place in a list). */
function optionPhrases(o: ChoiceOption, ordinal?: string): string[] {
  const said = sayableAll([o.label, ...(o.synonyms ?? [])]);
  if (ordinal) said.push(`第${ordinal}个`, `第${ordinal}项`);
  if (said.length === 0) throw new GrammarError('empty-grammar', `Option ${o.id} has nothing that can be said`);
  return said;
}

function intentPhrases(spec: StepSpec): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (intent: string, phrases: readonly string[]) => out.set(intent, [...(out.get(intent) ?? []), ...phrases]);
  switch (spec.kind) {
    case 'home':
      for (const id of spec.services ?? serviceIntentIds) add(id, serviceVoiceSynonyms[id]);
      break;
    case 'confirm':
      for (const [id, s] of Object.entries(confirmVoiceSynonyms)) add(id, s);
      if (spec.submits) for (const [id, s] of Object.entries(submitVoiceSynonyms)) add(id, s);
      add('yes', sayableAll(spec.yes ?? []));
      add('no', sayableAll(spec.no ?? []));
      break;
    case 'digits':
    case 'quantity':
      for (const o of spec.extra ?? []) {
        const said = optionPhrases(o);
        // The matcher reads an all-digit utterance as a number first: such a phrase could never mean its intent.
        const digitsOnly = said.find((p) => [...p].every((c) => c in spokenDigits));
        if (digitsOnly) throw new GrammarError('empty-grammar', `「${digitsOnly}」 (option ${o.id}) would be heard as digits`);
        add(o.id, said);
      }
      break;
    case 'choice':
      spec.options.forEach((o, i) => add(o.id, optionPhrases(o, ORDINALS[i])));
      break;
  }
  for (const [id, s] of Object.entries(globalVoiceSynonyms)) add(id, s);
  return out;
}

/**
 * 对 / 不是 for 我听着像是…，对吗？ — except words the screen already gives a meaning
 * (可以 is 用这张 while a photo is shown): those keep it. They are answers said
 * alone, so they take no carriers: with them, 只给自己 said again was heard as 不是一下.
 */
function checkingAnswers(spec: StepSpec, taken: Map<string, string[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if ((spec.kind !== 'home' && spec.kind !== 'choice') || !spec.checking) return out;
  const said = new Set([...taken.values()].flat());
  for (const [id, s] of Object.entries(checkingVoiceSynonyms)) out.set(id, s.filter((p) => !said.has(p)));
  return out;
}

function quantityOf(spec: Extract<StepSpec, { kind: 'quantity' }>, dict: Dictionary): NonNullable<StepGrammar['quantity']> {
  for (const w of [...NUMERAL_WORDS, ...QUANTITY_LEADS, ...QUANTITY_TAILS]) if (!dict.has(w)) throw new GrammarError('unknown-word', `The dictionary has no word for the numeral 「${w}」`);
  if (!Number.isInteger(spec.max) || spec.max < 1 || spec.max >= 1e8) throw new GrammarError('empty-grammar', `quantity: ${spec.max} is not a largest value that can be said`);
  return { max: spec.max, units: [...new Set(sayableAll(spec.units ?? []))].map((u) => dict.segment(u)) };
}

/** Builds the step's grammar; throws GrammarError when a phrase has a word the dictionary lacks. */
export function buildStepGrammar(spec: StepSpec, dict: Dictionary): StepGrammar {
  const seen = new Map<string, string>();
  const phrases: GrammarPhrase[] = [];
  const commands = intentPhrases(spec);
  const carriers = spec.kind === 'home' || spec.kind === 'choice';
  for (const [list, answers] of [[commands, false], [checkingAnswers(spec, commands), true]] as const) {
    for (const [intent, texts] of list) {
      // Carriers are for asking for something (我要低保, 帮我查社保): 返回, 首页, 重复 and
      // 帮助 are said as they are (see globalVoiceSynonyms), like the answers to 对吗？.
      const bare = answers || (carriers && intent in globalVoiceSynonyms);
      for (const p of texts) {
        const words = dict.segment(p);
        const key = words.join(' ');
        const owner = seen.get(key);
        // The same words meaning two things would make the answer a coin toss.
        if (owner && owner !== intent) throw new GrammarError('empty-grammar', `「${p}」 means both ${owner} and ${intent}`);
        if (owner) continue;
        seen.set(key, intent);
        phrases.push(bare ? { intent, words, bare } : { intent, words });
      }
    }
  }
  const grammar: StepGrammar = {
    kind: spec.kind,
    ...(spec.kind === 'confirm' && spec.submits ? { submits: true } : {}),
    phrases,
    prefixes: carriers ? carrierPrefixes.map((p) => dict.segment(p)) : [],
    suffixes: carriers ? carrierSuffixes.map((p) => dict.segment(p)) : [],
  };
  if (spec.kind === 'quantity') return { ...grammar, quantity: quantityOf(spec, dict) };
  if (spec.kind !== 'digits') return grammar;
  const digitWords = Object.keys(spokenDigits).filter((w) => spec.allowX || spokenDigits[w] !== 'X');
  for (const w of digitWords) if (!dict.has(w)) throw new GrammarError('unknown-word', `The dictionary has no word for the digit 「${w}」`);
  const minLength = spec.minLength ?? 1;
  const maxLength = spec.maxLength ?? 18;
  if (minLength > maxLength) throw new GrammarError('empty-grammar', `digits: minLength ${minLength} > maxLength ${maxLength}`);
  return { ...grammar, digits: { words: digitWords, minLength, maxLength } };
}
