// What a listening session heard, decided from the keywords the spotter found in
// it. Pure, so the rules are tested without audio. The rules, measured on the real
// recordings and the fixtures (bench:speech):
//  - too little voiced sound is noise, never a command (a fan, a click, a cough), and so is a
//    keyword found where there was no voice (hits.ts voicedHits);
//  - a keyword inside a longer one is the longer one (hits.ts);
//  - at a confirm step any no beats any yes: a wrong no costs one more question, a
//    wrong yes submits;
//  - two different commands heard: the one with more syllables, else nothing;
//  - much voiced speech outside the keyword is other talk that happened to hold a
//    keyword (a neighbour's 认证 in a sentence), strictest at a confirm step;
//  - only a hesitation (嗯, 啊) heard: the resident is about to answer.
// Everything then passes the same `judge` as the other engines, so a one-syllable
// 是 is still asked about and never submits on one hearing.
import type { StepGrammar } from '../grammar/step-grammar.js';
import type { IntentMatcher } from '../intent/match.js';
import { judge, type DecisionThresholds } from '../recognition/decision.js';
import type { RecognitionResult } from '../recognition/recognizer.js';
import { saidHits, voicedBetween, voicedHits, voicedOutside } from './hits.js';
import type { Hit } from './spot-stream.js';

export const HESITATION = '<hesitation>';
/** A digit or numeral at a digits or quantity step: its text is read by the matcher, in order. */
export const NUMERAL = '<numeral>';

export interface KwsRules {
  /** Fewer voiced 10 ms frames than this is noise. */
  readonly minVoicedFrames: number;
  /** Voiced frames outside the keywords allowed at a confirm or number step, and at home or on a choice (carriers: 我想要办…). */
  readonly maxOutsideConfirm: number;
  readonly maxOutside: number;
  /** Voiced frames allowed between two numerals of one number (a pause between 138 and 0018 is silent). */
  readonly maxBetweenNumerals: number;
  /** A hesitation longer than this (voiced frames) is other speech. */
  readonly hesitationMaxVoicedFrames: number;
  /** The confidence a spotted keyword stands for on the other engines' 0..1 scale. */
  readonly spottedConfidence: number;
}

export const defaultKwsRules: KwsRules = { minVoicedFrames: 12, maxOutsideConfirm: 45, maxOutside: 120, maxBetweenNumerals: 15, hesitationMaxVoicedFrames: 80, spottedConfidence: 0.9 };

export interface KwsEvidence {
  readonly hits: readonly Hit[];
  readonly voicedAt: readonly number[];
}

export function decideKws(g: StepGrammar, matcher: IntentMatcher, e: KwsEvidence, t: DecisionThresholds, r: KwsRules = defaultKwsRules): RecognitionResult {
  const voiced = e.voicedAt.length;
  if (voiced < r.minVoicedFrames) return { kind: 'rejected', text: '', confidence: 0, reason: 'no-speech' };
  const said = saidHits(voicedHits(e.hits, e.voicedAt));
  const commands = said.filter((h) => h.entry.intent !== HESITATION);
  if (commands.length === 0) {
    const lone = said.length > 0 && voiced <= r.hesitationMaxVoicedFrames && g.kind !== 'confirm';
    return { kind: 'rejected', text: said.map((h) => h.entry.text).join(''), confidence: 0, reason: lone ? 'hesitation' : 'out-of-grammar' };
  }
  // A number is said on its own (a lead such as 大概 is a keyword too), and a yes at a confirm step
  // submits: there, little voice may lie outside the keywords. At home and on a choice, a carrier may.
  const limit = g.kind === 'home' || g.kind === 'choice' ? r.maxOutside : r.maxOutsideConfirm;
  const numerals = commands.filter((h) => h.entry.intent === NUMERAL);
  const options = commands.filter((h) => h.entry.intent !== NUMERAL);
  // A number: every numeral in the order said, read by the same matcher as typed digits.
  if (numerals.length > 0 && options.length === 0) {
    const text = numerals.map((h) => h.entry.text).join('');
    // 每一天都要快乐 holds 一 and 快 (块): a number is said in one go, so words between its numerals make it no number.
    if (voicedOutside(e.voicedAt, numerals) > limit || voicedBetween(e.voicedAt, numerals) > r.maxBetweenNumerals) return { kind: 'rejected', text, confidence: 0, reason: 'out-of-grammar' };
    const m = matcher.match(text);
    if (!m) return { kind: 'rejected', text, confidence: 0, reason: g.digits ? 'bad-length' : 'out-of-grammar' };
    return judge(g.kind, text, m, r.spottedConfidence, t);
  }
  const chosen = choose(g.kind, options);
  if (!chosen) return { kind: 'rejected', text: options.map((h) => h.entry.text).join(''), confidence: 0, reason: 'out-of-grammar' };
  // Outside the chosen keyword and every keyword of another intent: 可以…不要 is all keywords, and
  // its no stands. More keywords of the chosen intent cover nothing: a real sentence holding 对, 好的
  // and 是 is a sentence, not three yeses (the spotter's two streams find more such one-syllable words).
  const covering = options.filter((h) => h === chosen || h.entry.intent !== chosen.entry.intent);
  if (voicedOutside(e.voicedAt, covering) > limit) return { kind: 'rejected', text: chosen.entry.text, confidence: 0, reason: 'out-of-grammar' };
  return judge(g.kind, chosen.entry.text, { intent: chosen.entry.intent, exact: true }, r.spottedConfidence, t);
}

function choose(step: StepGrammar['kind'], hits: readonly Hit[]): Hit | null {
  if (step === 'confirm') {
    const no = hits.find((h) => h.entry.intent === 'no');
    if (no) return no;
  }
  const intents = new Set(hits.map((h) => h.entry.intent));
  if (intents.size === 1) return [...hits].sort((a, b) => b.entry.syllables - a.entry.syllables)[0]!;
  const longest = Math.max(...hits.map((h) => h.entry.syllables));
  const top = hits.filter((h) => h.entry.syllables === longest);
  return new Set(top.map((h) => h.entry.intent)).size === 1 ? top[0]! : null;
}
