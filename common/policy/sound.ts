// Matching by sound. A recogniser often hears the right syllables but writes the
// wrong characters (认正 for 认证, 交费 for 缴费, 低包 for 低保), and many older
// residents merge sounds (zh/z, sh/s, n/l, f/h, -ng/-n). So words are compared
// as toneless pinyin syllables, and, less strongly, after folding those merges.
import { tonelessPinyin } from '../text/pinyin.js';

/** Toneless syllables of Chinese characters; other letters and digits kept as lower-case tokens, punctuation dropped. */
export function syllables(text: string): string[] {
  const clean = text.replace(/[\s\p{P}\p{S}]+/gu, '');
  if (!clean) return [];
  return tonelessPinyin(clean).map((s) => s.toLowerCase());
}

/** Folds the sound merges common in southern and rural speech, so 色保 (se) meets 社保 (she). */
export function foldSyllable(s: string): string {
  return s
    .replace(/^zh/, 'z')
    .replace(/^ch/, 'c')
    .replace(/^sh/, 's')
    .replace(/^l/, 'n')
    .replace(/^h(?=u)/, 'f')
    .replace(/^r/, 'n')
    .replace(/ng$/, 'n');
}

/** Whether `needle` occurs as a contiguous run of syllables in `hay`. */
export function containsRun(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > hay.length) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** A word prepared for matching: its text, its syllables, and its folded syllables. */
export interface SoundKey {
  readonly text: string;
  readonly exact: readonly string[];
  readonly folded: readonly string[];
}

export function soundKey(text: string): SoundKey {
  const exact = syllables(text);
  return { text, exact, folded: exact.map(foldSyllable) };
}

export type MatchKind = 'text' | 'sound' | 'folded';

/** How `word` occurs in `utterance`: as written, by sound, by folded sound, or not at all. */
export function matchWord(utterance: SoundKey, word: SoundKey): MatchKind | null {
  if (word.text && utterance.text.includes(word.text)) return 'text';
  if (containsRun(utterance.exact, word.exact)) return 'sound';
  if (containsRun(utterance.folded, word.folded)) return 'folded';
  return null;
}
