// The step grammars (grammar/step-grammar.ts) are built against a Dictionary: for
// PocketSphinx its pronunciation dictionary, for the keyword spotter the model's
// token inventory. A phrase is one "word" here (the spotter needs no segmentation),
// and it is known when every sound of it is a token of the model, so a phrase the
// spotter could never hear fails the grammar build loudly, as a missing word does.
import { GrammarError, type Dictionary } from '../grammar/dictionary.js';
import { spottableSyllables, tokensOf } from './pinyin-tokens.js';

export function tokenDictionary(tokens: ReadonlySet<string>): Dictionary {
  const known = (w: string) => {
    const t = tokensOf(spottableSyllables(w, tokens));
    return t.length > 0 && t.every((x) => tokens.has(x));
  };
  return {
    has: known,
    phones: (w) => (known(w) ? tokensOf(spottableSyllables(w, tokens)).join(' ') : undefined),
    segment(phrase) {
      const p = phrase.replace(/\s+/g, '');
      if (!p) throw new GrammarError('empty-grammar', 'An empty phrase cannot be part of a grammar');
      if (!known(p)) throw new GrammarError('unknown-word', `「${p}」 has sounds the keyword spotter does not know`);
      return [p];
    },
    phoneInventory: () => [...tokens].sort(),
  };
}
