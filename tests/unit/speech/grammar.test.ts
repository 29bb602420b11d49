import { describe, expect, it } from 'vitest';
import { dictionaryFromEntries, GrammarError } from '../../../speech/grammar/dictionary.js';
import { buildStepGrammar } from '../../../speech/grammar/step-grammar.js';
import { submitWindowSpec } from '../../../renderer/src/flow/flow-voice.js';
import { renderJsgf } from '../../../speech/grammar/jsgf.js';
import { createIntentMatcher } from '../../../speech/intent/match.js';
import { voskGrammarJson } from '../../../speech/recognition/vosk-recognizer.js';
import { stepSpecSchema } from '../../../common/ipc/channels/speech.js';
import { allVoiceSynonyms, carrierPrefixes, controlVoiceSynonyms, serviceIntentIds, submitVoiceSynonyms } from '../../../common/catalogue/voice-synonyms.js';

// A dictionary with every character the catalogue uses, one "word" per character,
// plus a few multi-character words, so segmentation has real choices to make.
const chars = new Set(
  [...Object.values(allVoiceSynonyms()).flat(), ...Object.values(submitVoiceSynonyms).flat(), ...Object.values(controlVoiceSynonyms).flat(), ...carrierPrefixes, '吧', '一下', '第个项', '零一幺二两三四五六七八九叉洞', '低保医保本人', '提交修改', '马上'].join(''),
);
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

  it("confirm: the screen's button words answer yes or no, and a word that means the other answer is refused", () => {
    const spec = { kind: 'confirm' as const, yes: ['是，提交'], no: ['不是，要修改'] };
    expect(stepSpecSchema.safeParse(spec).success).toBe(true);
    const g = buildStepGrammar(spec, dict);
    const m = createIntentMatcher(g);
    expect(m.match('是提交')).toMatchObject({ intent: 'yes' });
    expect(m.match('不是要修改')).toMatchObject({ intent: 'no' });
    expect(() => buildStepGrammar({ kind: 'confirm', yes: ['不是'] }, dict)).toThrow(GrammarError);
  });

  it('confirm whose yes submits: 提交 as people say it is yes, and 不提交 is a no of its own; elsewhere neither is a word', () => {
    const readBack = createIntentMatcher(buildStepGrammar({ kind: 'confirm', yes: ['是，提交'], no: ['不是，要修改'], submits: true }, dict));
    for (const yes of ['提交', '可以提交', '确认提交']) expect(readBack.match(yes), yes).toMatchObject({ intent: 'yes' });
    for (const no of ['不提交', '先不提交', '不要提交']) expect(readBack.match(no), no).toMatchObject({ intent: 'no' });
    // The submit window names only its buttons' words; 不提交 comes with every step whose yes submits.
    const submitWindow = createIntentMatcher(buildStepGrammar(submitWindowSpec, dict));
    expect(submitWindow.match('不提交')).toMatchObject({ intent: 'no' });
    expect(submitWindow.match('马上提交')).toMatchObject({ intent: 'yes' });
    const intro = createIntentMatcher(buildStepGrammar({ kind: 'confirm' }, dict));
    expect(intro.match('可以提交')).not.toMatchObject({ intent: 'yes', exact: true });
    expect(intro.match('提交')).toBeNull();
  });

  it('digits: the spoken digits including 幺 and 两, X only when asked', () => {
    const g = buildStepGrammar({ kind: 'digits', maxLength: 6 }, dict);
    expect(g.digits?.words).toEqual(expect.arrayContaining(['幺', '两', '零', '九']));
    expect(g.digits?.words).not.toContain('叉');
    expect(buildStepGrammar({ kind: 'digits', allowX: true }, dict).digits?.words).toContain('叉');
    expect(() => buildStepGrammar({ kind: 'digits', minLength: 5, maxLength: 2 }, dict)).toThrow(GrammarError);
  });

  it('quantity: the numerals, the measure words (as dictionary words) and the globals, rendered for both engines', () => {
    const qDict = dictionaryFromEntries([...[...chars].map((c) => [c, 'x'] as [string, string]), ...['十', '百', '千', '万', '口', '人', '个', '元', '块', '钱', '一共', '大概', '差不多', '大约', '左右', '吧'].map((w) => [w, 'x'] as [string, string])]);
    const g = buildStepGrammar({ kind: 'quantity', max: 12, units: ['口人', '个', '（口）'] }, qDict);
    expect(g.quantity).toEqual({ max: 12, units: [['口', '人'], ['个'], ['口']] });
    expect(new Set(g.phrases.map((p) => p.intent))).toEqual(new Set(['back', 'home', 'repeat', 'help']));
    const jsgf = renderJsgf(g, { garbageWords: [], garbageWeight: 0 });
    expect(jsgf).toContain('[<qlead>] <quantity> [<unit>] [<qtail>]');
    expect(jsgf).toContain('<unit> = 口 人 | 个 | 口;');
    expect(jsgf).not.toContain('百');
    expect(JSON.parse(voskGrammarJson(g))).toEqual(expect.arrayContaining(['十', '两', '口 人', '左右']));
    // A numeral the dictionary lacks fails the build, as any other word does.
    expect(() => buildStepGrammar({ kind: 'quantity', max: 12 }, dict)).toThrow(GrammarError);
    expect(() => buildStepGrammar({ kind: 'quantity', max: 0 }, qDict)).toThrow(GrammarError);
  });

  it('choice: built from the screen labels (punctuation dropped) plus ordinals', () => {
    const g = buildStepGrammar({ kind: 'choice', options: [{ id: 'a', label: '医保（本人）' }, { id: 'b', label: '低保', synonyms: ['医保'] }] }, dict);
    const a = g.phrases.filter((p) => p.intent === 'a').map((p) => p.words.join(''));
    expect(a).toEqual(expect.arrayContaining(['医保本人', '第一个', '第一项']));
    // 医保 is a prefix of option a's label but its own phrase only for b: no clash.
    expect(g.phrases.find((p) => p.words.join('') === '医保')?.intent).toBe('b');
  });

  it('while asking 我听着像是…，对吗？ (checking): 对 / 不是 are heard as yes / no', () => {
    const home = buildStepGrammar({ kind: 'home', checking: 'subsistence-allowance' }, dict);
    const m = createIntentMatcher(home);
    expect(m.match('对')).toMatchObject({ intent: 'yes' });
    expect(m.match('不是')).toMatchObject({ intent: 'no' });
    expect(m.match('低保')).toMatchObject({ intent: 'subsistence-allowance' });
    const plain = buildStepGrammar({ kind: 'home' }, dict);
    expect(createIntentMatcher(plain).match('对')).toBeNull();
    expect(stepSpecSchema.safeParse({ kind: 'choice', options: [{ id: 'a', label: '低保' }], checking: 'a' }).success).toBe(true);
  });

  it('while checking, 对 / 不是 are said alone: no carriers around them (只给自己 again came out as 不是一下)', () => {
    const g = buildStepGrammar({ kind: 'home', checking: 'subsistence-allowance' }, dict);
    const jsgf = renderJsgf(g, { garbageWords: [], garbageWeight: 0 });
    expect(jsgf).toMatch(/^public <utterance> = \(\[<pre>\] <intent> \[<suf>\]\) \| \(<answer>\);$/m);
    expect(/^<answer> = (.*);$/m.exec(jsgf)![1]!.split(' | ')).toEqual(expect.arrayContaining(['对', '不 是']));
    expect(/^<intent> = (.*);$/m.exec(jsgf)![1]!.split(' | ')).not.toContain('对');
    const vosk = JSON.parse(voskGrammarJson(g)) as string[];
    expect(vosk).toContain('对');
    expect(vosk).not.toContain('我要 对');
    expect(vosk.some((p) => p.startsWith('我要 ') && p !== '我要')).toBe(true); // the commands keep their carriers
  });

  it('返回, 首页, 重复 and 帮助 take no carriers (no 查一下上一步, 帮我我不会); services and options do', () => {
    for (const spec of [{ kind: 'home' }, { kind: 'choice', options: [{ id: 'self', label: '本人' }] }] as const) {
      const jsgf = renderJsgf(buildStepGrammar(spec, dict), { garbageWords: [], garbageWeight: 0 });
      const answer = /^<answer> = (.*);$/m.exec(jsgf)![1]!.split(' | ');
      const carried = /^<intent> = (.*);$/m.exec(jsgf)![1]!.split(' | ');
      expect(answer).toEqual(expect.arrayContaining(['返 回', '首 页', '重 复', '我 不 会', '我要 回 首 页']));
      expect(carried.some((p) => ['返 回', '首 页', '我 不 会'].includes(p))).toBe(false);
      expect(carried).toContain(spec.kind === 'home' ? '低 保' : '本 人');
      const vosk = JSON.parse(voskGrammarJson(buildStepGrammar(spec, dict))) as string[];
      expect(vosk).toContain('返 回');
      expect(vosk).not.toContain('我要 返 回');
    }
    // Where there are no carriers at all, nothing changes: one branch of commands.
    expect(renderJsgf(buildStepGrammar({ kind: 'confirm' }, dict), { garbageWords: [], garbageWeight: 0 })).toContain('public <utterance> = <intent>;');
  });

  it('while checking, words the screen already gives a meaning keep it (可以 is 用这张 while a photo is shown)', () => {
    const photo = buildStepGrammar(
      { kind: 'choice', checking: 'retake-photo', options: [{ id: 'use-photo', label: '用这张', synonyms: ['可以', '好'] }, { id: 'retake-photo', label: '重拍' }] },
      dict,
    );
    const m = createIntentMatcher(photo);
    expect(m.match('可以')).toMatchObject({ intent: 'use-photo' });
    expect(m.match('好')).toMatchObject({ intent: 'use-photo' });
    expect(m.match('对')).toMatchObject({ intent: 'yes' });
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

  describe('digits with extra words (跳过 on an optional number)', () => {
    const skip = { id: 'skip', label: '跳过', synonyms: ['不留', '没有', '不用'] };
    const spec = { kind: 'digits', minLength: 7, maxLength: 12, extra: [skip] } as const;

    it('is a valid speech:listen-start step, and extra is optional', () => {
      expect(stepSpecSchema.parse(spec)).toEqual(spec);
      expect(stepSpecSchema.parse({ kind: 'digits' })).toEqual({ kind: 'digits' });
      expect(() => stepSpecSchema.parse({ kind: 'digits', extra: [] })).toThrow();
    });

    it('adds the words as phrases of their own intent beside the digit loop, without ordinals or carriers', () => {
      const g = buildStepGrammar(spec, dict);
      const said = g.phrases.filter((p) => p.intent === 'skip').map((p) => p.words.join(''));
      expect(said.sort()).toEqual(['不用', '不留', '跳过', '没有'].sort());
      expect(g.phrases.some((p) => p.words.join('').startsWith('第'))).toBe(false);
      expect(g.prefixes).toEqual([]);
      expect(g.digits?.maxLength).toBe(12);
      // Without extra the digits grammar is what it was: digits and the global intents.
      expect(new Set(buildStepGrammar({ kind: 'digits' }, dict).phrases.map((p) => p.intent))).toEqual(new Set(['back', 'home', 'repeat', 'help']));
    });

    it('renders for PocketSphinx as a phrase branch next to <digit>+, and for Vosk as phrases', () => {
      const g = buildStepGrammar(spec, dict);
      const jsgf = renderJsgf(g, { garbageWords: [], garbageWeight: 0 });
      expect(jsgf).toContain('public <utterance> = (<intent>) | (<digit>+);');
      const intentRule = /^<intent> = (.*);$/m.exec(jsgf)![1]!.split(' | ');
      expect(intentRule).toEqual(expect.arrayContaining(['跳 过', '不 留', '没 有', '不 用', '返 回']));
      const vosk = JSON.parse(voskGrammarJson(g)) as string[];
      expect(vosk).toEqual(expect.arrayContaining(['跳 过', '不 留', '没 有', '不 用', '幺', '[unk]']));
    });

    it('hears 跳过 as the intent and a number as digits', () => {
      const m = createIntentMatcher(buildStepGrammar(spec, dict));
      expect(m.match('跳过')).toEqual({ intent: 'skip', exact: true });
      expect(m.match('没有')).toEqual({ intent: 'skip', exact: true });
      expect(m.match('幺三八幺二三四五六七八')).toEqual({ digits: '13812345678' });
      expect(m.match('返回')).toEqual({ intent: 'back', exact: true });
    });

    it('refuses an extra word made only of digits (it would always be heard as a number) and one meaning two things', () => {
      expect(() => buildStepGrammar({ kind: 'digits', extra: [{ id: 'one', label: '幺' }] }, dict)).toThrow(/heard as digits/);
      expect(() => buildStepGrammar({ kind: 'digits', extra: [{ id: 'skip', label: '返回' }] }, dict)).toThrow(/both/);
      expect(() => buildStepGrammar({ kind: 'digits', extra: [{ id: 'skip', label: 'OK' }] }, dict)).toThrow(GrammarError);
    });
  });
});
