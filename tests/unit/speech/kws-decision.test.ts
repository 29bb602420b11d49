// The spotter's decision rules, on hand-made hits: what a session heard, decided.
// Pure: the hits stand for what the spotter found, the voiced frames for where a
// voice was (10 ms each).
import { describe, expect, it } from 'vitest';
import { buildStepGrammar, type StepSpec } from '../../../speech/grammar/step-grammar.js';
import { createIntentMatcher } from '../../../speech/intent/match.js';
import { defaultThresholds } from '../../../speech/recognition/decision.js';
import { decideKws, HESITATION, NUMERAL } from '../../../speech/kws/kws-decision.js';
import { saidHits, voicedOutside } from '../../../speech/kws/hits.js';
import type { Hit } from '../../../speech/kws/spot-stream.js';
import { tokenDictionary } from '../../../speech/kws/token-dictionary.js';
import { buildKeywordSet } from '../../../speech/kws/keyword-lines.js';
import { CONFIRM_YES_THRESHOLD, stepKeywords } from '../../../speech/recognition/sherpa-kws-recognizer.js';
import { syllablesOf, tokensOf } from '../../../speech/kws/pinyin-tokens.js';

// Every token is known: these tests are about the rules, not the model's inventory.
const anyToken = { has: () => true } as unknown as ReadonlySet<string>;
const dict = tokenDictionary(anyToken);

function hit(intent: string, text: string, start: number, end: number): Hit {
  const syllables = syllablesOf(text).length;
  return { entry: { intent, text, tokens: tokensOf(syllablesOf(text)), syllables, variant: 'citation' }, start, end };
}
/** Voiced frames from `a` to `b` seconds. */
const voiced = (a: number, b: number) => Array.from({ length: Math.round((b - a) * 100) }, (_, i) => Math.round(a * 100) + i);

function decide(spec: StepSpec, hits: Hit[], voicedAt: number[]) {
  const g = buildStepGrammar(spec, dict);
  return decideKws(g, createIntentMatcher(g), { hits, voicedAt }, defaultThresholds);
}

describe('which hits were said', () => {
  it('a keyword inside a longer one is the longer one (不是 also holds 是)', () => {
    const said = saidHits([hit('yes', '是', 0.5, 0.8), hit('no', '不是', 0.3, 0.8)]);
    expect(said.map((h) => h.entry.text)).toEqual(['不是']);
  });
  it('keywords said one after the other are both kept, in order', () => {
    expect(saidHits([hit('a', '震荡', 2.2, 2.7), hit('b', '股市', 1.1, 1.7)]).map((h) => h.entry.text)).toEqual(['股市', '震荡']);
  });
  it('counts the voice outside the keywords, with a margin at their edges', () => {
    // 0.85-1.65 s, both ends included.
    expect(voicedOutside(voiced(0, 2), [hit('a', '低保', 1.0, 1.5)])).toBe(200 - 81);
  });
});

describe('the keywords of a step', () => {
  it('holds every yes that submits, even 是的 or 可以, to the stricter bar; a yes that only starts a service, the usual one', () => {
    const tokens = new Set(buildStepGrammar({ kind: 'confirm', submits: true }, dict).phrases.flatMap((p) => tokensOf(syllablesOf(p.words.join('')))));
    const keywords = (submits: boolean) => buildKeywordSet(stepKeywords(buildStepGrammar({ kind: 'confirm', submits }, dict)), tokens);
    const line = (set: ReturnType<typeof keywords>, text: string) => set.text.split('\n')[set.entries.findIndex((e) => e.text === text && e.variant === 'citation')]!;
    const readBack = keywords(true);
    for (const yes of ['是的', '可以', '好的']) expect(line(readBack, yes)).toContain(`#${CONFIRM_YES_THRESHOLD.toFixed(3)}`);
    expect(line(readBack, '不要')).toContain('#0.150');
    expect(line(keywords(false), '可以')).toContain('#0.150');
  });
  it('at the read-back, 可以提交 and 不提交 are keywords of their own: 可以 and 提交 inside them are them', () => {
    const readBack = buildKeywordSet(stepKeywords(buildStepGrammar({ kind: 'confirm', yes: ['是，提交'], submits: true }, dict)), anyToken);
    const at = (text: string) => readBack.entries.findIndex((e) => e.text === text && e.variant === 'citation');
    expect(readBack.entries[at('可以提交')]).toMatchObject({ intent: 'yes' });
    expect(readBack.text.split('\n')[at('可以提交')]).toContain(`#${CONFIRM_YES_THRESHOLD.toFixed(3)}`);
    expect(readBack.entries[at('不提交')]).toMatchObject({ intent: 'no' });
    expect(saidHits([hit('yes', '可以', 0.5, 0.9), hit('yes', '可以提交', 0.5, 1.5)]).map((h) => h.entry.text)).toEqual(['可以提交']);
    expect(saidHits([hit('yes', '提交', 0.7, 1.2), hit('no', '不提交', 0.5, 1.2)]).map((h) => h.entry.text)).toEqual(['不提交']);
  });
});

describe('deciding what was heard', () => {
  it('takes a command spotted at home, carriers around it and all', () => {
    expect(decide({ kind: 'home' }, [hit('subsistence-allowance', '低保', 0.8, 1.3)], voiced(0.3, 1.4))).toMatchObject({ kind: 'final', intent: 'subsistence-allowance' });
  });
  it('calls too little voice noise, whatever was spotted in it', () => {
    expect(decide({ kind: 'confirm' }, [hit('yes', '是的', 0, 0.3)], voiced(0, 0.05))).toMatchObject({ kind: 'rejected', reason: 'no-speech' });
  });
  it('a keyword found where there was no voice is noise: it cannot outvote a yes (dither spotted as 不行)', () => {
    expect(decide({ kind: 'confirm' }, [hit('no', '不行', 0.02, 0.46), hit('yes', '确认', 1.06, 1.86)], voiced(1.18, 1.77))).toMatchObject({ kind: 'final', intent: 'yes' });
  });
  it('at a confirm step, any no beats any yes', () => {
    expect(decide({ kind: 'confirm' }, [hit('yes', '可以', 0.2, 0.6), hit('no', '不要', 0.9, 1.3)], voiced(0.2, 1.3))).toMatchObject({ kind: 'final', intent: 'no' });
  });
  it('takes a real sentence holding 对, 好的 and 是 for a sentence, not for a yes: more of one intent covers no more voice', () => {
    // As the spotter's two streams found them in a real read sentence (../shared/speech/real-zh, wenet NST-ID002).
    const sentence = [hit('yes', '对', 0.18, 0.42), hit('yes', '好的', 0.82, 1.38), hit('yes', '是', 2.54, 2.78)];
    const voice = [...voiced(0.1, 0.5), ...voiced(0.8, 1.4), ...voiced(1.6, 1.75), ...voiced(2.5, 2.8)];
    expect(decide({ kind: 'confirm' }, sentence, voice)).toMatchObject({ kind: 'rejected', reason: 'out-of-grammar' });
  });
  it('never takes a one-syllable yes on one hearing: it is asked about', () => {
    expect(decide({ kind: 'confirm' }, [hit('yes', '是', 0.2, 0.4)], voiced(0.2, 0.45))).toMatchObject({ kind: 'rejected', reason: 'confirm-again', intent: 'yes' });
  });
  it('rejects a yes at a confirm step inside long other speech (a sentence that holds 可以)', () => {
    expect(decide({ kind: 'confirm' }, [hit('yes', '可以', 1.0, 1.4)], voiced(0, 3))).toMatchObject({ kind: 'rejected', reason: 'out-of-grammar' });
  });
  it('rejects a command inside a long sentence at home too, but not inside a carrier', () => {
    expect(decide({ kind: 'home' }, [hit('policy-qa', '政策', 2.0, 2.4)], voiced(0, 4))).toMatchObject({ kind: 'rejected', reason: 'out-of-grammar' });
    expect(decide({ kind: 'home' }, [hit('policy-qa', '政策', 0.8, 1.2)], voiced(0.2, 1.3))).toMatchObject({ kind: 'final', intent: 'policy-qa' });
  });
  it('two different commands of equal length heard: nothing is taken', () => {
    expect(decide({ kind: 'home' }, [hit('medical-insurance-payment', '医保', 0.3, 0.7), hit('subsistence-allowance', '低保', 0.9, 1.3)], voiced(0.3, 1.3))).toMatchObject({ kind: 'rejected', reason: 'out-of-grammar' });
  });
  it('the longer of two commands wins', () => {
    expect(decide({ kind: 'home' }, [hit('medical-insurance-payment', '医保', 0.3, 0.7), hit('subsistence-allowance', '低保申请', 0.2, 1.3)], voiced(0.2, 1.3))).toMatchObject({ kind: 'final', intent: 'subsistence-allowance' });
  });
  it('a lone hesitation is a pause (listen on) except at a confirm step, where it is a miss', () => {
    expect(decide({ kind: 'home' }, [hit(HESITATION, '嗯', 0.2, 0.5)], voiced(0.2, 0.5))).toMatchObject({ kind: 'rejected', reason: 'hesitation' });
    expect(decide({ kind: 'confirm' }, [hit(HESITATION, '嗯', 0.2, 0.5)], voiced(0.2, 0.5))).toMatchObject({ kind: 'rejected', reason: 'out-of-grammar' });
  });
  it('reads numerals in the order said as a number, checked for length', () => {
    const digits = ['幺', '三', '八'].map((d, i) => hit(NUMERAL, d, 0.3 + i * 0.4, 0.6 + i * 0.4));
    expect(decide({ kind: 'digits', minLength: 3, maxLength: 3 }, [...digits].reverse(), voiced(0.3, 1.5))).toMatchObject({ kind: 'final', digits: '138' });
    expect(decide({ kind: 'digits', minLength: 11, maxLength: 11 }, digits, voiced(0.3, 1.5))).toMatchObject({ kind: 'rejected', reason: 'bad-length' });
  });
  it('takes no number from numerals with other words between them (每一天都要快乐: 一 … 快)', () => {
    const income = { kind: 'quantity' as const, max: 100_000, units: ['元', '块'] };
    const apart = [hit(NUMERAL, '一', 0.72, 0.96), hit(NUMERAL, '块', 1.52, 1.8)];
    expect(decide(income, apart, [...voiced(0.72, 0.96), ...voiced(1.1, 1.4), ...voiced(1.52, 1.8)])).toMatchObject({ kind: 'rejected', reason: 'out-of-grammar' });
    expect(decide(income, [hit(NUMERAL, '一', 0.72, 0.96), hit(NUMERAL, '块', 1.0, 1.3)], voiced(0.72, 1.3))).toMatchObject({ kind: 'final', digits: '1' });
  });
});
