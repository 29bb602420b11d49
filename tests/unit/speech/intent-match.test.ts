import { describe, expect, it } from 'vitest';
import { dictionaryFromEntries } from '../../../speech/grammar/dictionary.js';
import { buildStepGrammar } from '../../../speech/grammar/step-grammar.js';
import { createIntentMatcher } from '../../../speech/intent/match.js';
import { allVoiceSynonyms, carrierPrefixes, carrierSuffixes } from '../../../common/catalogue/voice-synonyms.js';

const chars = new Set([...Object.values(allVoiceSynonyms()).flat(), ...carrierPrefixes, ...carrierSuffixes, '零一幺二两三四五六七八九叉洞'].join(''));
const dict = dictionaryFromEntries([...chars].map((c) => [c, 'x'] as [string, string]));
const home = createIntentMatcher(buildStepGrammar({ kind: 'home' }, dict));
const confirm = createIntentMatcher(buildStepGrammar({ kind: 'confirm' }, dict));
const digits = createIntentMatcher(buildStepGrammar({ kind: 'digits', allowX: true, minLength: 3, maxLength: 18 }, dict));

describe('intent matching at a quantity step', () => {
  const words = [...chars, ...'十百千万口人个元块钱', '一共', '大概', '差不多', '大约', '左右', '吧'];
  const qDict = dictionaryFromEntries(words.map((w) => [w, 'x'] as [string, string]));
  const quantity = createIntentMatcher(buildStepGrammar({ kind: 'quantity', max: 100_000, units: ['口人', '个', '元', '块钱'] }, qDict));

  it("reads the value, whatever is said around it; the range is the form's to check", () => {
    expect(quantity.match('一共五口人')).toEqual({ digits: '5' });
    expect(quantity.match('两千五')).toEqual({ digits: '2500' });
    expect(quantity.match('三百零五块钱')).toEqual({ digits: '305' });
    expect(quantity.match('二十万')).toEqual({ digits: '200000' });
  });

  it('still hears the global commands, and nothing in words that hold no number', () => {
    expect(quantity.match('返回')).toEqual({ intent: 'back', exact: true });
    expect(quantity.match('口人')).toBeNull();
  });
});

describe('intent matching', () => {
  it('matches synonyms with and without carrier phrases', () => {
    expect(home.match('养老认证')).toEqual({ intent: 'pension-certification', exact: true });
    expect(home.match('我要 生存认证')).toEqual({ intent: 'pension-certification', exact: true });
    expect(home.match('帮我查社保吧')).toEqual({ intent: 'social-insurance-query', exact: true });
    expect(home.match('我想要低保')).toEqual({ intent: 'subsistence-allowance', exact: true });
    expect(home.match('返回')).toEqual({ intent: 'back', exact: true });
  });

  it('tolerates homophones by comparing toneless pinyin', () => {
    // 设保 / 社保 and 证名 / 证明 sound the same.
    expect(home.match('设保查询')).toEqual({ intent: 'social-insurance-query', exact: false });
    expect(home.match('打印证名')).toEqual({ intent: 'certificate-print', exact: false });
  });

  it('does not stretch a short phrase onto another intent', () => {
    expect(home.match('今天天气')).toBeNull();
    // 十 sounds like 是 without tones, but a guessed yes would submit an application.
    expect(confirm.match('十')).toBeNull();
    expect(confirm.match('不同一')).toEqual({ intent: 'no', exact: false });
    expect(confirm.match('不四')).toBeNull(); // one slip in two syllables is another word
    expect(confirm.match('不是')).toEqual({ intent: 'no', exact: true });
    expect(confirm.match('是的')).toEqual({ intent: 'yes', exact: true });
    expect(home.match('')).toBeNull();
  });

  it('turns spoken digits into a digit string; 幺, 两, 洞 are digits; X only at the end', () => {
    expect(digits.match('幺三八两零')).toEqual({ digits: '13820' });
    expect(digits.match('洞洞七')).toEqual({ digits: '007' });
    expect(digits.match('一二三四五六七八九零一二三四五六七叉')).toEqual({ digits: '12345678901234567X' });
    expect(digits.match('一叉三')).toBeNull();
    expect(digits.match('一二')).toBeNull(); // shorter than minLength
  });
});
