// The prompt player says how each clip ended, because "listen once the question
// has been said" must not fire for a question cut short by the next prompt (the
// microphone would then open over it). A fake <audio> stands in for the browser's.
import { describe, expect, it } from 'vitest';
import { createPromptPlayer, type AudioPlatform } from '../../../renderer/src/read-aloud/player.js';

class FakeAudio {
  onended: (() => void) | null = null;
  paused = false;
  constructor(readonly refuse: boolean) {}
  play(): Promise<void> {
    return this.refuse ? Promise.reject(new Error('NotAllowedError')) : Promise.resolve();
  }
  pause(): void {
    this.paused = true;
  }
  end(): void {
    this.onended?.();
  }
}

function platform(opts: { refuse?: boolean } = {}) {
  const made: FakeAudio[] = [];
  const revoked: string[] = [];
  let n = 0;
  const p: AudioPlatform = {
    objectUrl: () => `blob:${++n}`,
    revokeUrl: (url) => void revoked.push(url),
    audio: () => {
      const a = new FakeAudio(opts.refuse ?? false);
      made.push(a);
      return a as unknown as ReturnType<AudioPlatform['audio']>;
    },
  };
  return { p, made, revoked };
}

const WAV = btoa('RIFF....WAVE');

describe('prompt player', () => {
  it('a clip played to its end is "ended", and playing goes true then false once each', async () => {
    const { p, made, revoked } = platform();
    const player = createPromptPlayer(p);
    const changes: boolean[] = [];
    player.onChange((x) => changes.push(x));
    const clip = player.play(WAV);
    expect(await clip.started).toBe(true);
    expect(player.playing).toBe(true);
    made[0]!.end();
    expect(await clip.over).toBe('ended');
    expect(changes).toEqual([true, false]);
    expect(revoked).toEqual(['blob:1']);
  });

  it('a clip replaced by the next one is "stopped", and playing never drops in between', async () => {
    const { p, made } = platform();
    const player = createPromptPlayer(p);
    const changes: boolean[] = [];
    player.onChange((x) => changes.push(x));
    const first = player.play(WAV);
    const second = player.play(WAV);
    expect(await first.over).toBe('stopped');
    expect(made[0]!.paused).toBe(true);
    // The first clip's end event after being replaced changes nothing.
    made[0]!.end();
    expect(player.playing).toBe(true);
    made[1]!.end();
    expect(await second.over).toBe('ended');
    expect(changes).toEqual([true, false]);
  });

  it('stop() ends the clip as "stopped"; a later stop() with nothing playing reports nothing', async () => {
    const { p } = platform();
    const player = createPromptPlayer(p);
    const changes: boolean[] = [];
    player.onChange((x) => changes.push(x));
    const clip = player.play(WAV);
    player.stop();
    expect(await clip.over).toBe('stopped');
    player.stop();
    expect(changes).toEqual([true, false]);
  });

  it('a clip the browser refuses to play did not start and is "failed"', async () => {
    const { p } = platform({ refuse: true });
    const player = createPromptPlayer(p);
    const clip = player.play(WAV);
    expect(await clip.started).toBe(false);
    expect(await clip.over).toBe('failed');
    expect(player.playing).toBe(false);
  });
});
