// Finding answers by what a resident said. Each entry's keywords are matched as
// written, by sound, or by folded sound (in that order of trust); the question's
// own syllable pairs add a little, so a question asked almost word for word wins
// even when its keywords are common. Longer keywords count for more: 养老金 says
// more than 钱.
import type { PolicyEntry, PolicyHit, PolicyKnowledgeBase, PolicyTopicId } from './schema.js';
import { matchWord, soundKey, type MatchKind, type SoundKey } from './sound.js';

const WEIGHT: Record<MatchKind, number> = { text: 3, sound: 2.5, folded: 1.5 };
/** Below this an answer would be a guess; better to say 没听明白 and offer the topics. */
export const MIN_SCORE = 4;

interface IndexedEntry {
  readonly entry: PolicyEntry;
  readonly keywords: readonly SoundKey[];
  readonly pairs: ReadonlySet<string>;
}

export interface PolicyIndex {
  readonly kb: PolicyKnowledgeBase;
  search(query: string, opts?: { topic?: PolicyTopicId; limit?: number }): PolicyHit[];
  byTopic(topic: PolicyTopicId): PolicyHit[];
  /** The topic a short utterance names (医保, 低保…), if any. */
  topicOf(query: string): PolicyTopicId | null;
}

function pairsOf(key: SoundKey): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < key.exact.length; i++) out.add(`${key.exact[i]} ${key.exact[i + 1]}`);
  return out;
}

function hit(entry: PolicyEntry, score: number, matched: string[]): PolicyHit {
  return { id: entry.id, topic: entry.topic, question: entry.question, answer: entry.answer, ...(entry.service ? { service: entry.service } : {}), score, matched };
}

export function createPolicyIndex(kb: PolicyKnowledgeBase): PolicyIndex {
  const entries: IndexedEntry[] = kb.entries.map((entry) => ({
    entry,
    keywords: entry.keywords.map(soundKey),
    pairs: pairsOf(soundKey(entry.question)),
  }));
  const topics = kb.topics.map((t) => ({ id: t.id, keys: [t.label, ...t.keywords].map(soundKey) }));

  const topicScores = (q: SoundKey): Map<PolicyTopicId, number> => {
    const scores = new Map<PolicyTopicId, number>();
    for (const t of topics) {
      let best = 0;
      for (const k of t.keys) {
        const m = matchWord(q, k);
        if (m) best = Math.max(best, WEIGHT[m] * k.exact.length);
      }
      if (best > 0) scores.set(t.id, best);
    }
    return scores;
  };

  return {
    kb,
    search(query, opts = {}) {
      const q = soundKey(query.trim());
      if (q.exact.length === 0) return [];
      const named = topicScores(q);
      const qPairs = pairsOf(q);
      const hits: PolicyHit[] = [];
      for (const { entry, keywords, pairs } of entries) {
        if (opts.topic && entry.topic !== opts.topic) continue;
        let score = 0;
        const matched: string[] = [];
        for (const k of keywords) {
          const m = matchWord(q, k);
          if (!m) continue;
          score += WEIGHT[m] * k.exact.length;
          matched.push(k.text);
        }
        let shared = 0;
        for (const p of qPairs) if (pairs.has(p)) shared++;
        score += shared * 1.5;
        // Naming the topic (医保…) tips the balance between similar questions, but never finds an answer alone.
        if (score > 0) score += (named.get(entry.topic) ?? 0) / 2;
        if (score >= MIN_SCORE) hits.push(hit(entry, Math.round(score * 10) / 10, matched));
      }
      hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
      return hits.slice(0, opts.limit ?? 5);
    },
    byTopic(topic) {
      return entries.filter((e) => e.entry.topic === topic).map((e) => hit(e.entry, 0, []));
    },
    topicOf(query) {
      const scores = [...topicScores(soundKey(query))].sort((a, b) => b[1] - a[1]);
      return scores[0]?.[0] ?? null;
    },
  };
}
