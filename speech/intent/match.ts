// Turns recognised text into an intent of the current step. Engines hand over
// text; matching is by words first, then by toneless pinyin so a homophone the
// engine wrote with other characters (社保 heard as 设保) still lands on the right
// intent. Carrier phrases (我要…, …吧) are peeled off before matching.
import { tonelessPinyin } from '../../common/text/pinyin.js';
import { installPinyinEngine } from '../pinyin-engine.js';
import { spokenDigits } from '../../common/catalogue/voice-synonyms.js';
import type { StepGrammar } from '../grammar/step-grammar.js';
import { quantityValue } from '../grammar/quantity.js';

// Han text outside the app's pinyin table (a development set's phrases, another engine's free text) loads pinyin-pro.
installPinyinEngine();

/** `digits`: the digit string at a digits step, the value (as decimal digits) at a quantity step. */
export type IntentMatch = { readonly intent: string; readonly exact: boolean } | { readonly digits: string } | null;

const toPinyin = (text: string): string[] => (text ? tonelessPinyin(text) : []);

/** Syllable edit distance: one wrong syllable in a long phrase is a homophone slip, not another intent. */
function distance(a: readonly string[], b: readonly string[]): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

export interface IntentMatcher {
  match(text: string): IntentMatch;
}

export function createIntentMatcher(g: StepGrammar): IntentMatcher {
  const byText = new Map(g.phrases.map((p) => [p.words.join(''), p.intent] as const));
  const byPinyin = g.phrases.map((p) => ({ intent: p.intent, py: toPinyin(p.words.join('')) }));
  // Longest carriers first so 我想要 is peeled before 我想.
  const prefixes = g.prefixes.map((w) => w.join('')).sort((a, b) => b.length - a.length);
  const suffixes = g.suffixes.map((w) => w.join('')).sort((a, b) => b.length - a.length);

  const core = (text: string): string[] => {
    const out = [text];
    for (const p of prefixes) if (text.startsWith(p)) out.push(text.slice(p.length));
    for (const t of [...out]) for (const s of suffixes) if (t.endsWith(s)) out.push(t.slice(0, -s.length));
    return out.filter((t) => t.length > 0);
  };

  return {
    match(raw) {
      const text = raw.replace(/[\s，。！？,.!?]/g, '');
      if (!text) return null;
      if (g.digits) {
        const chars = [...text];
        if (chars.every((c) => c in spokenDigits || /[0-9Xx]/.test(c))) {
          const digits = chars.map((c) => spokenDigits[c] ?? c.toUpperCase()).join('');
          // X (叉) is only ever the check character at the end of an ID number.
          if (digits.slice(0, -1).includes('X')) return null;
          if (digits.length >= g.digits.minLength && digits.length <= g.digits.maxLength) return { digits };
        }
      }
      // A quantity is its value, whatever measure word follows (四口人, 四个): the form checks the range.
      if (g.quantity) {
        const n = quantityValue(text);
        if (n !== null) return { digits: String(n) };
      }
      const candidates = core(text);
      for (const c of candidates) {
        const intent = byText.get(c);
        if (intent) return { intent, exact: true };
      }
      for (const c of candidates) {
        const py = toPinyin(c);
        let best: { intent: string; d: number } | undefined;
        let tie = false;
        for (const p of byPinyin) {
          // A guessed 是 submits an application: "yes" must be heard exactly.
          if (p.intent === 'yes') continue;
          const d = distance(py, p.py);
          // Exact pinyin always counts; one slip only in phrases of 3+ syllables.
          if (d > (p.py.length >= 3 ? 1 : 0)) continue;
          if (!best || d < best.d) [best, tie] = [{ intent: p.intent, d }, false];
          else if (d === best.d && p.intent !== best.intent) tie = true;
        }
        if (best && !tie) return { intent: best.intent, exact: false };
      }
      return null;
    },
  };
}
