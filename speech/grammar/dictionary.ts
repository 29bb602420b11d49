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
      const words: string[] = [];
      let i = 0;
      while (i < chars.length) {
        let found = '';
        for (let n = Math.min(MAX_WORD_CHARS, chars.length - i); n >= 1; n--) {
          const candidate = chars.slice(i, i + n).join('');
          if (map.has(candidate)) {
            found = candidate;
            break;
          }
        }
        if (!found) throw new GrammarError('unknown-word', `「${phrase}」: the dictionary has no word for 「${chars[i]}」`);
        words.push(found);
        i += [...found].length;
      }
      return words;
    },
  };
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
