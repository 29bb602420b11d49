// 乡音: the sound mergers of southern and south-western Mandarin, as rewrites of
// the spotter's tokens. A resident who says 四 for 是 or 老 for 脑 merges the same
// way in every word, so each merger is applied to all of a keyword's syllables at
// once (not in every combination, which would spot far too much), plus one
// variant with the mergers that go together in south-western speech (Sichuan,
// Chongqing, Guizhou, Yunnan: flat tongue, front nasals, n/l).
import { toneOf, withTone, type Syllable } from './pinyin-tokens.js';

export type Merger = 'zh-z' | 'n-l' | 'f-h' | 'ing-in' | 'eng-en' | 'ang-an' | 'r-y' | 'r-l' | 'tone';

export const ALL_MERGERS: readonly Merger[] = ['zh-z', 'n-l', 'f-h', 'ing-in', 'eng-en', 'ang-an', 'r-y', 'r-l', 'tone'];

/** What each merger does to one syllable (null: it does not apply). */
type SoundMerger = Exclude<Merger, 'tone'>;
const RULES: Readonly<Record<SoundMerger, (s: Syllable) => Syllable | null>> = {
  // zh ch sh → z c s (是 shì said as sì).
  'zh-z': (s) => (['zh', 'ch', 'sh'].includes(s.initial) ? { ...s, initial: s.initial[0]! } : null),
  // n → l (男 nán said as lán); the reverse is as common, so both ways.
  'n-l': (s) => (s.initial === 'n' ? { ...s, initial: 'l' } : s.initial === 'l' ? { ...s, initial: 'n' } : null),
  // f ↔ h: 费 fèi said as hèi, and 湖 hú as fú (only before a plain u, where f- is a syllable).
  'f-h': (s) => (s.initial === 'f' ? { ...s, initial: 'h' } : s.initial === 'h' && plain(s.final) === 'u' ? { ...s, initial: 'f' } : null),
  // Back nasals said as front ones: 领 lǐng as lǐn, 生 shēng as shēn, 帮 bāng as bān.
  'ing-in': (s) => (/ing$/.test(plain(s.final)) ? { ...s, final: s.final.slice(0, -1) } : null),
  'eng-en': (s) => (/^eng$|[^i]eng$/.test(plain(s.final)) ? { ...s, final: s.final.slice(0, -1) } : null),
  'ang-an': (s) => (/ang$/.test(plain(s.final)) && !/iang$|uang$/.test(plain(s.final)) ? { ...s, final: s.final.slice(0, -1) } : null),
  // r said as y or l (人 rén as yén or lén; 认证 as yìn zhèng in much of the south-west).
  'r-y': (s) => (s.initial === 'r' ? { ...s, initial: 'y' } : null),
  'r-l': (s) => (s.initial === 'r' ? { ...s, initial: 'l' } : null),
};

/**
 * Regional tones: the same word with one syllable in another tone (北京 said bèi jīng). Only for
 * words of two syllables or more; one syllable in another tone is another word (是 shì, 十 shí).
 */
function toneVariants(sylls: readonly Syllable[]): Syllable[][] {
  if (sylls.length < 2) return [];
  const out: Syllable[][] = [];
  sylls.forEach((s, i) => {
    const own = toneOf(s.final);
    if (own === 0) return;
    for (const t of [1, 2, 3, 4]) if (t !== own) out.push(sylls.map((x, j) => (j === i ? { ...x, final: withTone(x.final, t) } : x)));
  });
  return out;
}

const SOUTH_WEST: readonly SoundMerger[] = ['zh-z', 'ing-in', 'eng-en', 'n-l'];

function plain(final: string): string {
  return final.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace('ü', 'v');
}

function applyAll(sylls: readonly Syllable[], mergers: readonly SoundMerger[]): Syllable[] | null {
  let changed = false;
  const out = sylls.map((s) => {
    let cur = s;
    for (const m of mergers) {
      const next = RULES[m](cur);
      if (next) [cur, changed] = [next, true];
    }
    return cur;
  });
  return changed ? out : null;
}

/** The accented forms of a keyword (each a whole syllable sequence), without the keyword itself. */
export function accentVariants(sylls: readonly Syllable[], mergers: readonly Merger[] = ALL_MERGERS): Syllable[][] {
  const forms: (Syllable[] | null)[] = mergers.filter((m): m is SoundMerger => m !== 'tone').map((m) => applyAll(sylls, [m]));
  if (mergers.includes('tone')) forms.push(...toneVariants(sylls));
  const sw = SOUTH_WEST.filter((m) => mergers.includes(m));
  if (sw.length > 1) forms.push(applyAll(sylls, sw));
  return forms.filter((f): f is Syllable[] => f !== null);
}
