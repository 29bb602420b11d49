// The model's pronunciation dictionary, used to split grammar phrases into words
// the decoder knows. Chinese has no spaces, so phrases are segmented by forward
// maximum matching against the dictionary; a character the dictionary lacks makes
// the whole phrase fail loudly (GrammarError) instead of silently never matching.
import fs from 'node:fs';

export class GrammarError extends Error {
  constructor(
    readonly code: 'unknown-word' | 'empty-grammar' | 'dictionary-unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'GrammarError';
  }
}

export interface Dictionary {
  has(word: string): boolean;
  /** Phones of the first pronunciation, or undefined. */
  phones(word: string): string | undefined;
  /** Splits a phrase (spaces ignored) into dictionary words; throws GrammarError. */
  segment(phrase: string): string[];
  /** Every phone the dictionary uses, sorted: the garbage model is built from them. */
  phoneInventory(): string[];
}

const MAX_WORD_CHARS = 8;

export function dictionaryFromEntries(entries: Iterable<[string, string]>): Dictionary {
  const map = new Map<string, string>();
  for (const [w, p] of entries) if (!map.has(w)) map.set(w, p);
  let inventory: string[] | undefined;
  return {
    phoneInventory: () => (inventory ??= [...new Set([...map.values()].flatMap((p) => p.split(/\s+/)))].filter(Boolean).sort()),
    has: (w) => map.has(w),
    phones: (w) => map.get(w),
    segment(phrase) {
      const chars = [...phrase.replace(/\s+/g, '')];
      if (chars.length === 0) throw new GrammarError('empty-grammar', 'An empty phrase cannot be part of a grammar');
      const forward = maxMatch(chars, map, false);
      const backward = maxMatch(chars, map, true);
      if (!forward || !backward) {
        const missing = chars.find((c) => !map.has(c)) ?? chars[0];
        throw new GrammarError('unknown-word', `「${phrase}」: the dictionary has no word for 「${missing}」`);
      }
      // Fewer words is the likelier split (领养老金 → 领 养老金, not 领养 老金);
      // on a tie backward matching is right more often for Chinese.
      const singles = (ws: string[]) => ws.filter((w) => [...w].length === 1).length;
      if (forward.length !== backward.length) return forward.length < backward.length ? forward : backward;
      return singles(forward) < singles(backward) ? forward : backward;
    },
  };
}

/** Greedy longest-word matching from the start (or the end); null when a character has no word. */
function maxMatch(chars: readonly string[], map: ReadonlyMap<string, string>, fromEnd: boolean): string[] | null {
  const words: string[] = [];
  let i = fromEnd ? chars.length : 0;
  while (fromEnd ? i > 0 : i < chars.length) {
    let found = '';
    const room = fromEnd ? i : chars.length - i;
    for (let n = Math.min(MAX_WORD_CHARS, room); n >= 1; n--) {
      const candidate = (fromEnd ? chars.slice(i - n, i) : chars.slice(i, i + n)).join('');
      if (map.has(candidate)) {
        found = candidate;
        break;
      }
    }
    if (!found) return null;
    if (fromEnd) words.unshift(found);
    else words.push(found);
    i += fromEnd ? -[...found].length : [...found].length;
  }
  return words;
}

const cache = new Map<string, Dictionary>();

/** Parses a CMU-style dictionary file ("word<ws>phones", alternates as "word(2)"). Cached per path. */
export function loadDictionary(file: string): Dictionary {
  const hit = cache.get(file);
  if (hit) return hit;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new GrammarError('dictionary-unreadable', `Cannot read the pronunciation dictionary ${file}: ${(e as Error).message}`);
  }
  const entries: [string, string][] = [];
  for (const line of text.split('\n')) {
    const m = /^(\S+)\s+(.+?)\s*$/.exec(line);
    if (!m || m[1]!.includes('(')) continue;
    entries.push([m[1]!, m[2]!]);
  }
  const dict = dictionaryFromEntries(entries);
  cache.set(file, dict);
  return dict;
}
