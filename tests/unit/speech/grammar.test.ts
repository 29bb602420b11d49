import { describe, expect, it } from 'vitest';
import { dictionaryFromEntries, GrammarError } from '../../../speech/grammar/dictionary.js';
import { buildStepGrammar } from '../../../speech/grammar/step-grammar.js';
import { renderJsgf } from '../../../speech/grammar/jsgf.js';
import { allVoiceSynonyms, carrierPrefixes, serviceIntentIds } from '../../../common/catalogue/voice-synonyms.js';

// A dictionary with every character the catalogue uses, one "word" per character,
// plus a few multi-character words, so segmentation has real choices to make.
const chars = new Set([...Object.values(allVoiceSynonyms()).flat(), ...carrierPrefixes, '吧', '一下', '第个项', '零一幺二两三四五六七八九叉洞', '低保医保本人'].join(''));
const dict = dictionaryFromEntries([
  ...[...chars].map((c) => [c, 'x'] as [string, string]),
  ['养老', 'y ang l ao'],
  ['认证', 'r en zh eng'],
  ['养老金', 'y ang l ao j in'],
  ['我要', 'w o y ao'],
]);

describe('dictionary segmentation', () => {
  it('takes the longest dictionary word first', () => {
    expect(dict.segment('养老认证')).toEqual(['养老', '认证']);
    expect(dict.segment('养老金认证')).toEqual(['养老金', '认证']);
    expect(dict.segment('我 要 养老')).toEqual(['我要', '养老']);
  });

  it('fails loudly on a character the dictionary lacks', () => {
    expect(() => dict.segment('养老鑫')).toThrow(GrammarError);
    expect(() => dict.segment('养老鑫')).toThrow(/鑫/);
    expect(() => dict.segment('   ')).toThrow(GrammarError);
  });

  it('lists the phone inventory for the garbage model', () => {
    expect(dict.phoneInventory()).toEqual(expect.arrayContaining(['y', 'ang', 'l', 'ao', 'x']));
  });
});

describe('step grammars', () => {
  it('home: every service id and the global intents, with carriers', () => {
    const g = buildStepGrammar({ kind: 'home' }, dict);
    const intents = new Set(g.phrases.map((p) => p.intent));
    for (const id of [...serviceIntentIds, 'back', 'home', 'repeat', 'help']) expect(intents.has(id)).toBe(true);
    expect(intents.has('yes')).toBe(false);
    expect(g.prefixes.length).toBeGreaterThan(3);
  });

  it('home can be limited to the services this station offers', () => {
    const g = buildStepGrammar({ kind: 'home', services: ['policy-qa'] }, dict);
    expect(new Set(g.phrases.map((p) => p.intent))).toEqual(new Set(['policy-qa', 'back', 'home', 'repeat', 'help']));
  });

  it('confirm: yes/no and the globals, no carriers', () => {
    const g = buildStepGrammar({ kind: 'confirm' }, dict);
    expect(new Set(g.phrases.map((p) => p.intent))).toEqual(new Set(['yes', 'no', 'back', 'home', 'repeat', 'help']));
    expect(g.prefixes).toEqual([]);
  });

  it('digits: the spoken digits including 幺 and 两, X only when asked', () => {
    const g = buildStepGrammar({ kind: 'digits', maxLength: 6 }, dict);
    expect(g.digits?.words).toEqual(expect.arrayContaining(['幺', '两', '零', '九']));
    expect(g.digits?.words).not.toContain('叉');
    expect(buildStepGrammar({ kind: 'digits', allowX: true }, dict).digits?.words).toContain('叉');
    expect(() => buildStepGrammar({ kind: 'digits', minLength: 5, maxLength: 2 }, dict)).toThrow(GrammarError);
  });

  it('choice: built from the screen labels (punctuation dropped) plus ordinals', () => {
    const g = buildStepGrammar({ kind: 'choice', options: [{ id: 'a', label: '医保（本人）' }, { id: 'b', label: '低保', synonyms: ['医保'] }] }, dict);
    const a = g.phrases.filter((p) => p.intent === 'a').map((p) => p.words.join(''));
    expect(a).toEqual(expect.arrayContaining(['医保本人', '第一个', '第一项']));
    // 医保 is a prefix of option a's label but its own phrase only for b: no clash.
    expect(g.phrases.find((p) => p.words.join('') === '医保')?.intent).toBe('b');
  });

  it('refuses a label the dictionary cannot say, and one phrase meaning two options', () => {
    expect(() => buildStepGrammar({ kind: 'choice', options: [{ id: 'a', label: '鑫' }] }, dict)).toThrow(GrammarError);
    expect(() => buildStepGrammar({ kind: 'choice', options: [{ id: 'a', label: '医保' }, { id: 'b', label: '医保' }] }, dict)).toThrow(/both/);
  });

  it('renders JSGF with the garbage branch only when asked', () => {
    const g = buildStepGrammar({ kind: 'confirm' }, dict);
    const plain = renderJsgf(g, { garbageWords: [], garbageWeight: 0 });
    expect(plain).toMatch(/^#JSGF V1.0;/);
    expect(plain).toContain('public <utterance> = <intent>;');
    expect(plain).not.toContain('<garbage>');
    const withGarbage = renderJsgf(g, { garbageWords: ['gb_a', 'gb_b'], garbageWeight: 1e-6 });
    expect(withGarbage).toContain('<phone> = gb_a | gb_b;');
    expect(withGarbage).toContain('/1.000e-6/ <garbage>');
  });
});
