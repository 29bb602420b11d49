// The 政策问答 voice grammars fit the speech channel's choice step and contain
// only what can be said.
import { describe, expect, it } from 'vitest';
import { stepSpecSchema } from '../../../common/ipc/channels/speech.js';
import { builtinPolicyIndex, policyTopics } from '../../../common/policy/builtin.js';
import { questionGrammar, topicGrammar } from '../../../renderer/src/services/queries/voice/policy-grammar.js';

describe('topicGrammar', () => {
  it('offers every topic with the words residents use for it, valid for speech:listen-start', () => {
    const g = topicGrammar(policyTopics);
    expect(stepSpecSchema.parse(g)).toEqual(g);
    if (g.kind !== 'choice') throw new Error('not a choice');
    expect(g.options.map((o) => o.id)).toEqual(policyTopics.map((t) => t.id));
    const medical = g.options.find((o) => o.id === 'medical-insurance')!;
    expect(medical.label).toBe('医保');
    expect(medical.synonyms).toContain('医疗保险');
    // The label is not repeated among its own synonyms.
    expect(medical.synonyms).not.toContain('医保');
  });
});

describe('questionGrammar', () => {
  it('lists the questions on screen without punctuation, top first, at most 12', () => {
    const index = builtinPolicyIndex();
    const hits = index.byTopic('medical-insurance');
    const g = questionGrammar(hits)!;
    expect(stepSpecSchema.parse(g)).toEqual(g);
    if (g.kind !== 'choice') throw new Error('not a choice');
    expect(g.options[0]!.id).toBe(hits[0]!.id);
    expect(g.options.every((o) => !/[？?，。！]/.test(o.label))).toBe(true);
    const many = Array.from({ length: 20 }, (_, i) => ({ id: `q-${i}`, question: `第${i}个问题是什么？` }));
    expect((questionGrammar(many) as { options: unknown[] }).options).toHaveLength(12);
  });

  it('has nothing to listen for when there are no questions', () => {
    expect(questionGrammar([])).toBeNull();
  });
});
