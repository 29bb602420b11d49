import { describe, expect, it } from 'vitest';
import { CHANNEL_NAME_PATTERN, channels, streams } from '../../../common/ipc/contract.js';

describe('the IPC contract', () => {
  it('names every channel and stream area:verb', () => {
    const names = [...Object.keys(channels), ...Object.keys(streams)];
    expect(names.length).toBeGreaterThan(3);
    for (const n of names) expect(n, n).toMatch(CHANNEL_NAME_PATTERN);
  });

  it('gives every channel argument and result schemas and a size limit', () => {
    for (const [name, def] of Object.entries(channels)) {
      expect(def.kind, name).toBe('channel');
      expect(typeof def.args.safeParse, name).toBe('function');
      expect(typeof def.result.safeParse, name).toBe('function');
      expect(def.maxArgBytes, name).toBeGreaterThan(0);
    }
    for (const [name, def] of Object.entries(streams)) {
      expect(def.kind, name).toBe('stream');
      expect(typeof def.event.safeParse, name).toBe('function');
    }
  });

  it('has no name that is both a channel and a stream', () => {
    const both = Object.keys(channels).filter((n) => n in streams);
    expect(both).toEqual([]);
  });
});
