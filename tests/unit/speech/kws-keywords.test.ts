// The spotter's keyword lines: pinyin tokens, tone sandhi, accent variants, and a
// phrase the model cannot hear failing the build loudly. Pure; the token set here is
// the model's own tokens.txt when provisioned, else a small one written for the test.
import { describe, expect, it } from 'vitest';
import { GrammarError } from '../../../speech/grammar/dictionary.js';
import { accentVariants } from '../../../speech/kws/accent.js';
import { buildKeywordSet } from '../../../speech/kws/keyword-lines.js';
import { syllablesOf, tokensOf, withTone } from '../../../speech/kws/pinyin-tokens.js';

const toks = (t: string) => tokensOf(syllablesOf(t)).join(' ');
// Every token the phrases below need, as in the model's tokens.txt (initials, toned finals).
const TOKENS = new Set('sh ì b ù ú y ǎng l ǎo r èn zh èng ī í d ìng ào s ǐ n án ǎn èng en z c g āo íng j īn t iē ín n ǚ ér ā ē'.split(' '));

describe('pinyin tokens', () => {
  it('splits each syllable into its initial and toned final, y and w counting as initials', () => {
    expect(toks('养老认证')).toBe('y ǎng l ǎo r èn zh èng');
    expect(toks('女儿')).toBe('n ǚ ér');
    expect(toks('不是')).toBe('b ù sh ì');
  });
  it('re-tones a final by the pinyin rules for where the mark goes', () => {
    expect(withTone('ù', 2)).toBe('ú');
    expect(withTone('iu', 2)).toBe('iú');
    expect(withTone('ui', 3)).toBe('uǐ');
    expect(withTone('īng', 4)).toBe('ìng');
  });
});

describe('keyword lines', () => {
  it('spots 不 and 一 in their sandhi forms too, under the same label', () => {
    const set = buildKeywordSet([{ intent: 'no', text: '不是' }, { intent: 'x', text: '一定' }], TOKENS);
    expect(set.entries.map((e) => `${e.intent}:${e.tokens.join(' ')}:${e.variant}`)).toEqual(['no:b ù sh ì:citation', 'x:y ī d ìng:citation', 'no:b ú sh ì:sandhi', 'x:y í d ìng:sandhi']);
    expect(set.text.split('\n')[0]).toMatch(/^b ù sh ì :1 #0\.150 @0$/);
  });

  it('holds one-syllable keywords and accent variants to stricter thresholds', () => {
    const set = buildKeywordSet([{ intent: 'yes', text: '是' }, { intent: 'p', text: '养老认证' }], TOKENS, undefined, ['zh-z', 'r-y']);
    const line = (tokens: string) => set.text.split('\n').find((l) => l.startsWith(`${tokens} :`));
    expect(line('sh ì')).toContain('#0.500');
    expect(line('s ì')).toContain('#0.600');
    expect(line('y ǎng l ǎo r èn z èng')).toContain('#0.250');
    expect(line('y ǎng l ǎo y èn zh èng')).toContain('#0.250');
  });

  it('fails loudly for a phrase with a sound the model lacks, and for two meanings of one sound', () => {
    expect(() => buildKeywordSet([{ intent: 'x', text: '快乐' }], TOKENS)).toThrow(GrammarError);
    expect(() => buildKeywordSet([{ intent: 'a', text: '是' }, { intent: 'b', text: '是' }], TOKENS)).toThrow(/sounds the same/);
  });

  it('never lets a variant take the sound of another phrase, and skips optional phrases that collide', () => {
    // 四 sì is a digit; 是 said with a flat tongue sounds the same, and must not become 四.
    const set = buildKeywordSet([{ intent: 'four', text: '四' }, { intent: 'yes', text: '是' }, { intent: '<h>', text: '是', optional: true }], TOKENS, undefined, ['zh-z']);
    expect(set.entries.filter((e) => e.tokens.join(' ') === 's ì').map((e) => e.intent)).toEqual(['four']);
    expect(set.entries.some((e) => e.intent === '<h>')).toBe(false);
  });
});

describe('accent variants (乡音)', () => {
  it('applies each merger to every syllable at once, plus the south-western set together', () => {
    const forms = accentVariants(syllablesOf('生存认证')).map((f) => tokensOf(f).join(' '));
    expect(forms).toContain('s ēng c ún r èn z èng'); // flat tongue
    expect(forms).toContain('sh ēn c ún r èn zh èn'); // -eng as -en
    expect(forms).toContain('sh ēng c ún y èn zh èng'); // r as y
    expect(forms).toContain('s ēn c ún r èn z èn'); // south-west: flat tongue and front nasals together
  });
  it('spots a word with one syllable in a regional tone, but never re-tones a one-syllable word', () => {
    const forms = accentVariants(syllablesOf('北京'), ['tone']).map((f) => tokensOf(f).join(' '));
    expect(forms).toContain('b èi j īng');
    expect(forms).toHaveLength(6);
    expect(accentVariants(syllablesOf('是'), ['tone'])).toEqual([]);
  });
  it('changes nothing where no merger applies', () => {
    expect(accentVariants(syllablesOf('低保'), ['zh-z'])).toEqual([]);
  });
});
