import { describe, expect, it } from 'vitest';
import { builtinPolicyIndex, parsePolicyKnowledgeBase, PolicyError, policyTopics } from '../../../common/policy/builtin.js';
import { MAX_ANSWER_CHARS, policyTopicIds } from '../../../common/policy/schema.js';
import { foldSyllable, matchWord, soundKey, syllables } from '../../../common/policy/sound.js';
import { builtinCatalogue } from '../../../common/catalogue/builtin.js';

const index = builtinPolicyIndex();
const top = (q: string) => index.search(q)[0]?.id;

describe('the built-in knowledge base', () => {
  it('has at least 40 entries, every topic covered, answers short enough to read aloud', () => {
    expect(index.kb.entries.length).toBeGreaterThanOrEqual(40);
    for (const t of policyTopicIds) expect(index.byTopic(t).length, t).toBeGreaterThanOrEqual(3);
    for (const e of index.kb.entries) expect(e.answer.length, e.id).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
  });

  it('quotes the medical insurance amount the payment flow charges', () => {
    const svc = builtinCatalogue().services.find((s) => s.id === 'medical-insurance-payment');
    const entry = index.kb.entries.find((e) => e.id === 'medical-amount');
    expect(entry?.answer).toContain(`每人交${svc?.fee?.perPersonYuan}元`);
    expect(entry?.answer).toContain(`${svc?.fee?.year}年`);
  });

  it('points answers only at services that exist in the catalogue', () => {
    const ids = new Set(builtinCatalogue().services.map((s) => s.id));
    for (const e of index.kb.entries) if (e.service) expect(ids.has(e.service), e.id).toBe(true);
  });

  it('refuses a knowledge base with a duplicate entry or an unlisted topic', () => {
    const entry = index.kb.entries[0];
    expect(() => parsePolicyKnowledgeBase({ version: 'x', topics: policyTopics, entries: [entry, entry] })).toThrow(PolicyError);
    expect(() => parsePolicyKnowledgeBase({ version: 'x', topics: policyTopics.slice(1), entries: [entry] })).toThrow(/not listed/);
  });
});

describe('search by spoken keywords', () => {
  it('finds the question asked in plain words', () => {
    expect(top('医保一年交多少钱')).toBe('medical-amount');
    expect(top('社保卡丢了怎么办')).toBe('card-lost');
    expect(top('怎么打印参保证明')).toBe('cert-print-how');
    expect(top('看不清字')).toBe('kiosk-text-size');
    expect(top('申请被退回了')).toBe('status-rejected');
  });

  it('tolerates homophone mistakes of the recogniser', () => {
    expect(top('养老认正多久做一次')).toBe('cert-how-often'); // 证 → 正
    expect(top('低包什么人可以申请')).toBe('dibao-who'); // 保 → 包
    expect(top('高陵津贴要带什么')).toBe('elderly-documents'); // 龄 → 陵
    expect(top('一宝交多少钱')).toBe('medical-amount'); // 医保 → 一宝
  });

  it('tolerates merged sounds of accents (sh/s, zh/z, n/l, -ng/-n)', () => {
    expect(foldSyllable('shi')).toBe(foldSyllable('si'));
    expect(foldSyllable('zheng')).toBe(foldSyllable('zen'));
    expect(foldSyllable('lao')).toBe(foldSyllable('nao'));
    expect(top('色保卡丢了')).toBe('card-lost'); // 社 she heard as 色 se
    expect(matchWord(soundKey('养脑认真'), soundKey('养老认证'))).toBe('folded');
  });

  it('says nothing rather than guess at an unrelated question', () => {
    expect(index.search('今天天气怎么样')).toEqual([]);
    expect(index.search('')).toEqual([]);
    expect(index.search('，。！')).toEqual([]);
  });

  it('limits and filters by topic, best first, with the matched words', () => {
    const hits = index.search('多少钱', { topic: 'subsistence-allowance', limit: 2 });
    expect(hits.map((h) => h.id)).toEqual(['dibao-amount']);
    expect(hits[0]?.matched).toContain('多少钱');
    const all = index.search('认证', { limit: 3 });
    expect(all).toHaveLength(3);
    expect(all.every((h) => h.topic === 'pension-certification')).toBe(true);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score);
  });

  it('recognizes a topic named on its own', () => {
    expect(index.topicOf('医保')).toBe('medical-insurance');
    expect(index.topicOf('问一下低保')).toBe('subsistence-allowance');
    expect(index.topicOf('高龄')).toBe('elderly-allowance');
    expect(index.topicOf('吃饭了吗')).toBeNull();
  });

  it('lists a topic in its data order', () => {
    expect(index.byTopic('certificate').map((h) => h.id)).toEqual(['cert-print-use', 'cert-print-how', 'cert-print-offline', 'cert-print-free']);
  });

  it('splits mixed text into syllables without punctuation', () => {
    expect(syllables('打印，12333！')).toEqual(['da', 'yin', '1', '2', '3', '3', '3']);
  });
});
