// The choice grammars of 政策问答 by voice: the topics (their labels and the words
// residents use for them, 医保 / 低保 / 认证…), then the questions on screen
// (read as written, or by position: 第一个…). Pure; the station builds the
// recognizer's grammar from these.
import type { StepSpecInput } from '../../../../../common/ipc/channels/speech.js';
import type { PolicyHit, PolicyTopic } from '../../../../../common/policy/schema.js';

/** The speech channel's limits on a choice step. */
const MAX_OPTIONS = 12;
const MAX_SYNONYMS = 10;
const MAX_LABEL = 40;

/** Punctuation is not said; the grammar should not expect it. */
function sayable(text: string): string {
  return text.replace(/[？?，,。！!、“”"‘’'：:；;（）()\s]/g, '').slice(0, MAX_LABEL);
}

export function topicGrammar(topics: readonly Pick<PolicyTopic, 'id' | 'label' | 'keywords'>[]): StepSpecInput {
  return {
    kind: 'choice',
    options: topics.slice(0, MAX_OPTIONS).map((t) => ({
      id: t.id,
      label: sayable(t.label),
      synonyms: [...new Set(t.keywords.map(sayable).filter((k) => k && k !== sayable(t.label)))].slice(0, MAX_SYNONYMS),
    })),
  };
}

/** The questions in the order they are on screen, so 第一个 is the top one. */
export function questionGrammar(hits: readonly Pick<PolicyHit, 'id' | 'question'>[]): StepSpecInput | null {
  const options = hits
    .slice(0, MAX_OPTIONS)
    .map((h) => ({ id: h.id.slice(0, 80), label: sayable(h.question) }))
    .filter((o) => o.label);
  return options.length ? { kind: 'choice', options } : null;
}
