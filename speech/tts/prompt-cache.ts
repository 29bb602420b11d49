// A cache of rendered prompts in front of any Speaker. The kiosk asks the same
// few questions all day; rendering each once keeps the answer instant on a
// 2-core box. Keyed by text and the rate/volume it was rendered at, least
// recently used evicted first. Concurrent requests for the same prompt share one
// rendering. Prompts can contain personal data (a name read back), so the cache
// lives in memory only and is cleared when the resident's session ends.
import type { SpeakOptions, Speaker, SpokenClip } from '../speaker.js';

export interface CachingSpeaker extends Speaker {
  readonly stats: { hits: number; misses: number; size: number };
  clear(): void;
}

export function withPromptCache(inner: Speaker, maxEntries: number): CachingSpeaker {
  const cache = new Map<string, Promise<SpokenClip>>();
  const stats = { hits: 0, misses: 0, size: 0 };
  return {
    stats,
    synthesize(text: string, opts: SpeakOptions = {}) {
      if (maxEntries <= 0) return inner.synthesize(text, opts);
      const key = `${opts.rate ?? 1}|${opts.volume ?? 1}|${text}`;
      const hit = cache.get(key);
      if (hit) {
        stats.hits++;
        cache.delete(key);
        cache.set(key, hit); // most recently used goes last
        return hit;
      }
      stats.misses++;
      const p = inner.synthesize(text, opts);
      cache.set(key, p);
      // A failed rendering must not be served from the cache forever.
      p.catch(() => cache.get(key) === p && cache.delete(key)).finally(() => (stats.size = cache.size));
      while (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
      stats.size = cache.size;
      return p;
    },
    clear() {
      cache.clear();
      stats.size = 0;
    },
    dispose: () => inner.dispose(),
  };
}
