// Chinese text → the keyword spotter's output units: the pinyin initial and the
// toned final of each syllable (养老认证 → y ǎng l ǎo r èn zh èng). The model was
// trained on citation tones, so the pinyin has no tone sandhi; the 一/不
// sandhi forms people actually say are added as variants of their own
// (keyword-lines.ts). y and w count as initials, finals are written as in pinyin.
import { tonedPinyin } from '../../common/text/pinyin.js';
import { installPinyinEngine } from '../pinyin-engine.js';

// Han text outside the app's pinyin table (a development set's phrases, another engine's free text) loads pinyin-pro.
installPinyinEngine();

const INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's', 'y', 'w'] as const;

/** One syllable as [initial, final] (initial '' for 爱, 二 …). */
export interface Syllable {
  readonly initial: string;
  readonly final: string;
}

export function splitSyllable(py: string): Syllable {
  const initial = INITIALS.find((i) => py.startsWith(i) && py.length > i.length) ?? '';
  return { initial, final: py.slice(initial.length) };
}

/** The syllables of a phrase, citation tones (no sandhi); characters that are not Han are dropped. */
export function syllablesOf(text: string): Syllable[] {
  const han = [...text].filter((c) => /\p{Script=Han}/u.test(c)).join('');
  if (!han) return [];
  return tonedPinyin(han).map(splitSyllable);
}

/**
 * The syllables for a model that knows the given tokens: a neutral-tone syllable whose final the
 * model has no token for (公公 gōng gong: there is no toneless ong) takes its character's own tone.
 */
export function spottableSyllables(text: string, known: ReadonlySet<string>): Syllable[] {
  const sylls = syllablesOf(text);
  const han = [...text].filter((c) => /\p{Script=Han}/u.test(c));
  return sylls.map((s, i) => (toneOf(s.final) !== 0 || known.has(s.final) || !han[i] ? s : (syllablesOf(han[i]!)[0] ?? s)));
}

export const tokensOf = (syllables: readonly Syllable[]): string[] => syllables.flatMap((s) => (s.initial ? [s.initial, s.final] : [s.final]));

// The tone marks, so that a final can be re-toned (不 bù → bú before a fourth tone).
const TONED: Readonly<Record<string, readonly string[]>> = {
  a: ['ā', 'á', 'ǎ', 'à'],
  e: ['ē', 'é', 'ě', 'è'],
  i: ['ī', 'í', 'ǐ', 'ì'],
  o: ['ō', 'ó', 'ǒ', 'ò'],
  u: ['ū', 'ú', 'ǔ', 'ù'],
  ü: ['ǖ', 'ǘ', 'ǚ', 'ǜ'],
};
const PLAIN = new Map<string, [string, number]>(Object.entries(TONED).flatMap(([v, ts]) => ts.map((t, i) => [t, [v, i + 1]] as [string, [string, number]])));

/** The tone of a final (1-4), or 0 for the neutral tone. */
export function toneOf(final: string): number {
  for (const c of final) {
    const p = PLAIN.get(c);
    if (p) return p[1];
  }
  return 0;
}

/** The final with its tone mark replaced (tone 0: no mark). */
export function withTone(final: string, tone: number): string {
  const plain = [...final].map((c) => PLAIN.get(c)?.[0] ?? c).join('');
  if (tone === 0) return plain;
  // The mark goes on a, else e, else the o of ou, else the last vowel (iu → iú, ui → uí).
  const order = ['a', 'e', 'o'];
  let at = order.map((v) => plain.indexOf(v)).find((i) => i >= 0) ?? -1;
  if (at < 0) at = Math.max(...['i', 'u', 'ü'].map((v) => plain.lastIndexOf(v)));
  if (at < 0) return plain;
  const v = plain[at]!;
  return plain.slice(0, at) + TONED[v]![tone - 1]! + plain.slice(at + 1);
}
