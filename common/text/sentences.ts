// Joining Chinese sentences that come from different places (a printer's own
// words, a screen's template) without a doubled 。 or a stray comma: each part
// ends with exactly one full stop, unless it already ends as a question or an
// exclamation.

const TRAILING = /[\s。．.，,、；;：:]+$/u;

/** `s` as one sentence: trimmed, ending with exactly one 。 (or its own ！/？). */
export function sentence(s: string): string {
  const body = s.trim().replace(TRAILING, '');
  if (!body) return '';
  return /[！？!?]$/u.test(body) ? body : `${body}。`;
}

/** The parts as consecutive sentences; empty parts are left out. */
export function joinSentences(...parts: readonly string[]): string {
  return parts.map(sentence).join('');
}
