// Which of the keywords spotted in one utterance were really said. The spotter
// reports every keyword whose tokens it found, so 不是 also yields 是, and 养老资格
// 认证 also 认证: a hit lying mostly inside a longer one (by syllables) is the same
// sound counted twice, and the longer keyword is what was said. Pure.
import type { Hit } from './spot-stream.js';

const overlap = (a: Hit, b: Hit) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const span = (h: Hit) => Math.max(1e-3, h.end - h.start);

/** The hits that are not part of a longer one, in the order they were said. */
export function saidHits(hits: readonly Hit[]): Hit[] {
  const longestFirst = [...hits].sort((a, b) => b.entry.syllables - a.entry.syllables || a.start - b.start);
  const kept: Hit[] = [];
  for (const h of longestFirst) {
    const inside = kept.some((k) => k.entry.syllables >= h.entry.syllables && overlap(k, h) > 0.5 * Math.min(span(k), span(h)));
    if (!inside) kept.push(h);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Voiced 10 ms frames that lie outside every kept hit (with a margin for the syllables' edges). */
export function voicedOutside(voicedAt: readonly number[], hits: readonly Hit[], marginS = 0.15): number {
  return voicedAt.filter((f) => {
    const t = f / 100;
    return !hits.some((h) => t >= h.start - marginS && t <= h.end + marginS);
  }).length;
}

/** The most voiced 10 ms frames lying between two consecutive hits: words said between them. */
export function voicedBetween(voicedAt: readonly number[], hits: readonly Hit[], marginS = 0.05): number {
  let most = 0;
  for (let i = 1; i < hits.length; i++) {
    const [a, b] = [hits[i - 1]!.end + marginS, hits[i]!.start - marginS];
    most = Math.max(most, voicedAt.filter((f) => f / 100 > a && f / 100 < b).length);
  }
  return most;
}

/**
 * Hits with a voice in them: a keyword is said with its vowels voiced, so a hit whose span holds
 * fewer than `perSyllable` voiced 10 ms frames a syllable is noise the spotter made words of.
 * (Through the browser's gain, the dither in a microphone's silence was spotted as 不行, and at a
 * confirm step any no beats a yes.) One voiced frame a syllable is bar enough: at three, keywords in
 * real read sentences were lost (dev set recall 1.0 → 0.85), the voicing detector being strict.
 */
export function voicedHits(hits: readonly Hit[], voicedAt: readonly number[], perSyllable = 1): Hit[] {
  return hits.filter((h) => voicedAt.filter((f) => f / 100 >= h.start && f / 100 <= h.end).length >= perSyllable * h.entry.syllables);
}
