import { describe, expect, it } from 'vitest';
import { withPromptCache } from '../../../speech/tts/prompt-cache.js';
import { SpeakerError, type Speaker, type SpokenClip } from '../../../speech/speaker.js';

// A counting Speaker stands in for espeak here: the cache's job is bookkeeping.
function counting(fail = false): Speaker & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async synthesize(text, o): Promise<SpokenClip> {
      calls.push(`${text}@${o?.rate ?? 1}`);
      if (fail) throw new SpeakerError('engine-failed', 'boom');
      return { wav: Buffer.from(text), durationMs: text.length };
    },
    async dispose() {},
  };
}

describe('prompt cache', () => {
  it('renders each prompt once per rate and volume', async () => {
    const inner = counting();
    const s = withPromptCache(inner, 10);
    await Promise.all([s.synthesize('您好'), s.synthesize('您好'), s.synthesize('您好', { rate: 0.8 })]);
    await s.synthesize('您好');
    expect(inner.calls).toEqual(['您好@1', '您好@0.8']);
    expect(s.stats.hits).toBe(2);
  });

  it('evicts the least recently used prompt', async () => {
    const inner = counting();
    const s = withPromptCache(inner, 2);
    await s.synthesize('a');
    await s.synthesize('b');
    await s.synthesize('a');
    await s.synthesize('c'); // evicts b
    await s.synthesize('a');
    await s.synthesize('b');
    expect(inner.calls).toEqual(['a@1', 'b@1', 'c@1', 'b@1']);
  });

  it('does not keep failures, and clear() forgets everything', async () => {
    const inner = counting(true);
    const s = withPromptCache(inner, 5);
    await expect(s.synthesize('x')).rejects.toThrow(SpeakerError);
    await expect(s.synthesize('x')).rejects.toThrow(SpeakerError);
    expect(inner.calls).toHaveLength(2);
    const ok = withPromptCache(counting(), 5);
    await ok.synthesize('y');
    ok.clear();
    expect(ok.stats.size).toBe(0);
  });
});
