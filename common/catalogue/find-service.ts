// Which service a resident asked for on the home screen (我要交医保 → 医保缴费),
// by the service names and voice synonyms, as written or by sound.
import { matchWord, soundKey, type MatchKind } from '../policy/sound.js';
import type { Surface } from './schema/fields.js';
import type { Catalogue } from './schema/catalogue.js';
import type { ServiceDefinition } from './schema/service.js';

const RANK: Record<MatchKind, number> = { text: 3, sound: 2, folded: 1 };

/** The best-matching service offered on `surface`, or null when none (or two equally) match. */
export function findService(catalogue: Catalogue, utterance: string, surface: Surface): ServiceDefinition | null {
  const said = soundKey(utterance.replace(/[\s，。！？,.!?]/g, ''));
  if (said.exact.length === 0) return null;
  let best: { service: ServiceDefinition; score: number } | null = null;
  let tie = false;
  for (const service of catalogue.services) {
    if (!service.offeredOn.includes(surface)) continue;
    let score = 0;
    for (const phrase of [service.names.full, service.names.short, ...service.synonyms]) {
      const key = soundKey(phrase);
      const m = matchWord(said, key);
      // A longer phrase heard is stronger evidence than a short one; how it matched breaks ties.
      if (m) score = Math.max(score, key.exact.length * 10 + RANK[m]);
    }
    if (score === 0) continue;
    if (!best || score > best.score) {
      best = { service, score };
      tie = false;
    } else if (score === best.score) tie = true;
  }
  return best && !tie ? best.service : null;
}
