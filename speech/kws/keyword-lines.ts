// A step's phrases as the spotter's keyword lines: `TOKENS :boost #threshold @label`.
// Each phrase is spotted in its citation tones, in the 一/不 tone sandhi people
// actually say (不是 bú shì, 一定 yí dìng), and — where the station wants it — in
// the accented forms of accent.ts, each with a stricter threshold of its own: a
// variant is a guess about how someone speaks, so it must be heard more clearly.
// Labels are indexes into the returned table, so a hit maps back to its phrase.
import fs from 'node:fs';
import { GrammarError } from '../grammar/dictionary.js';
import { accentVariants, type Merger } from './accent.js';
import { spottableSyllables, tokensOf, toneOf, withTone, type Syllable } from './pinyin-tokens.js';

export interface KeywordPhrase {
  /** What the hit means: an intent id, a screen option, a digit. */
  readonly intent: string;
  /** The phrase as written (Chinese). */
  readonly text: string;
  /** Spotted only if its sounds are free (a hesitation such as 啊 beside the step's own words). */
  readonly optional?: boolean;
  /** Held to at least this threshold whatever its length: a yes that submits (see stepKeywords). */
  readonly minThreshold?: number;
}

export interface KeywordThresholds {
  /** For phrases of two syllables or more (lower spots more). */
  readonly base: number;
  /** For one-syllable phrases (是, 对, 好, 不): a cough or a 嗯 looks like them. */
  readonly oneSyllable: number;
  /** Added to the threshold of an accented variant. */
  readonly accentPenalty: number;
  readonly boost: number;
}

export const defaultKeywordThresholds: KeywordThresholds = { base: 0.15, oneSyllable: 0.5, accentPenalty: 0.1, boost: 1.0 };

export interface KeywordEntry extends KeywordPhrase {
  readonly tokens: readonly string[];
  /** Syllables in the phrase: a longer phrase heard is stronger evidence. */
  readonly syllables: number;
  readonly variant: 'citation' | 'sandhi' | 'accent';
}

export interface KeywordSet {
  readonly entries: readonly KeywordEntry[];
  /** The lines for the spotter, '\n'-separated, labels = index into entries. */
  readonly text: string;
}

/** The model's token inventory (tokens.txt: `TOKEN ID` per line). */
export function loadTokenSet(tokensFile: string): ReadonlySet<string> {
  return new Set(fs.readFileSync(tokensFile, 'utf8').split('\n').map((l) => l.split(' ')[0]!).filter(Boolean));
}

/** 不 before a fourth tone is bú; 一 before a fourth tone is yí, before the others yì (not as a digit at the end). */
function sandhi(text: string, sylls: readonly Syllable[]): Syllable[] | null {
  const chars = [...text].filter((c) => /\p{Script=Han}/u.test(c));
  let changed = false;
  const out = sylls.map((s, i) => {
    const next = sylls[i + 1];
    if (!next || (chars[i] !== '不' && chars[i] !== '一')) return s;
    const nt = toneOf(next.final);
    const tone = nt === 4 || (chars[i] === '不' && nt === 0) ? 2 : chars[i] === '一' && nt !== 0 ? 4 : toneOf(s.final);
    if (tone === toneOf(s.final)) return s;
    changed = true;
    return { ...s, final: withTone(s.final, tone) };
  });
  return changed ? out : null;
}

export function buildKeywordSet(phrases: readonly KeywordPhrase[], tokenSet: ReadonlySet<string>, t: KeywordThresholds = defaultKeywordThresholds, mergers: readonly Merger[] = []): KeywordSet {
  const entries: KeywordEntry[] = [];
  const lines: string[] = [];
  const owner = new Map<string, string>();
  const add = (p: KeywordPhrase, sylls: readonly Syllable[], variant: KeywordEntry['variant']): void => {
    const tokens = tokensOf(sylls);
    const key = tokens.join(' ');
    const known = owner.get(key);
    if (known !== undefined) {
      // The same sounds meaning two things make the answer a coin toss: refused for the
      // phrases as written; a variant that sounds like another phrase is simply not spotted.
      if (variant === 'citation' && known !== p.intent && !p.optional) throw new GrammarError('empty-grammar', `「${p.text}」 (${p.intent}) sounds the same as a phrase of ${known}`);
      return;
    }
    const missing = tokens.filter((x) => !tokenSet.has(x));
    if (missing.length > 0) {
      if (variant === 'citation' && !p.optional) throw new GrammarError('unknown-word', `「${p.text}」 has sounds the spotter does not know: ${missing.join(' ')}`);
      return;
    }
    owner.set(key, p.intent);
    const threshold = Math.max(p.minThreshold ?? 0, sylls.length === 1 ? t.oneSyllable : t.base) + (variant === 'accent' ? t.accentPenalty : 0);
    lines.push(`${key} :${t.boost} #${Math.min(0.95, threshold).toFixed(3)} @${entries.length}`);
    entries.push({ ...p, tokens, syllables: sylls.length, variant });
  };
  const base = phrases.map((p) => ({ p, sylls: spottableSyllables(p.text, tokenSet) }));
  for (const { p, sylls } of base) {
    if (sylls.length === 0) throw new GrammarError('empty-grammar', `「${p.text}」 (${p.intent}) has nothing that can be said`);
    add(p, sylls, 'citation');
  }
  // Variants after every phrase as written, so a variant never takes the sound of a real phrase.
  for (const { p, sylls } of base) {
    const s = sandhi(p.text, sylls);
    if (s) add(p, s, 'sandhi');
  }
  for (const { p, sylls } of base) for (const v of accentVariants(sylls, mergers)) add(p, v, 'accent');
  return { entries, text: lines.join('\n') };
}
