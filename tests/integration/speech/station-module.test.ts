// The speech module inside a real station core, reached through the typed
// dispatcher both hosts use: prompts, and a recognition session driven step by
// step the way the renderer drives it (start, base64 chunks, end), with results
// on the speech:results stream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStation, type Station } from '../../../main/core/station.js';
import { parseStationConfig } from '../../../main/core/config.js';
import { silentLogger } from '../../../main/core/logger.js';
import { speechModule } from '../../../main/core/modules/speech.js';
import type { SpeechResultEvent } from '../../../common/ipc/channels/speech.js';
import { parseWav } from '../../../speech/audio/wav.js';
import { chunks, clip, provisionedModelDir, tempDir } from './helpers.js';

const ctx = { host: 'web' as const, connection: 'test' };
const b64 = (pcm: Int16Array) => Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength).toString('base64');

async function station(speech: unknown): Promise<Station> {
  const config = parseStationConfig({ dataDir: tempDir('speech-station'), speech });
  return createStation({
    config,
    host: 'web',
    modules: [speechModule],
    platform: { dataDir: config.dataDir!, now: () => new Date(), log: silentLogger, env: {}, secrets: { kind: 'memory', getOrCreate: async (_n, c) => c() } },
  });
}

describe('speech module with a provisioned model', () => {
  let s: Station;
  const events: SpeechResultEvent[] = [];
  let unsubscribe: () => void;

  beforeAll(async () => {
    // PocketSphinx, chosen by name: the committed e2e clip is espeak's voice, made for it (the
    // keyword spotter, the default, has its own module-level test below).
    s = await station({ recognition: { engine: 'pocketsphinx', pocketsphinx: { modelDir: await provisionedModelDir() } } });
    const sub = s.dispatcher.subscribe('speech:results', {}, (e) => events.push(e as SpeechResultEvent), ctx);
    if (!sub.ok) throw new Error(sub.error.message);
    unsubscribe = sub.value;
  });
  afterAll(async () => {
    unsubscribe?.();
    await s?.dispose();
  });

  it('reports recognition and prompts ready', async () => {
    expect(await s.dispatcher.call('speech:status', {}, ctx)).toEqual({ ok: true, value: { recognition: 'ready', engine: 'pocketsphinx', message: undefined, prompts: 'ready' } });
  });

  it('recognises a home command streamed in chunks and ends it by end-of-speech detection', async () => {
    const started = await s.dispatcher.call('speech:listen-start', { step: { kind: 'home' } }, ctx);
    if (!started.ok) throw new Error(started.error.message);
    const { sessionId } = started.value as { sessionId: string };
    // Half-second chunks, as the renderer sends them, plus a second of room tone after the words.
    const audio = Int16Array.from([...clip('e2e/home-subsistence-allowance'), ...new Int16Array(16000)]);
    for (const c of chunks(audio, 8000)) {
      const r = await s.dispatcher.call('speech:listen-audio', { sessionId, pcmBase64: b64(c) }, ctx);
      expect(r.ok).toBe(true);
    }
    const final = events.find((e) => e.sessionId === sessionId && e.kind !== 'partial');
    expect(final).toMatchObject({ kind: 'final', intent: 'subsistence-allowance' });
    expect(events.some((e) => e.sessionId === sessionId && e.kind === 'partial')).toBe(true);
    // listen-end after the station already ended it returns the same answer.
    expect(await s.dispatcher.call('speech:listen-end', { sessionId }, ctx)).toMatchObject({ ok: true, value: { kind: 'final', intent: 'subsistence-allowance' } });
  });

  it('push-to-talk: listen-end decides at release', async () => {
    const started = await s.dispatcher.call('speech:listen-start', { step: { kind: 'home' } }, ctx);
    const { sessionId } = (started as { ok: true; value: { sessionId: string } }).value;
    for (const c of chunks(clip('e2e/home-subsistence-allowance'), 8000)) await s.dispatcher.call('speech:listen-audio', { sessionId, pcmBase64: b64(c) }, ctx);
    const end = await s.dispatcher.call('speech:listen-end', { sessionId }, ctx);
    expect(end).toMatchObject({ ok: true, value: { sessionId, intent: 'subsistence-allowance' } });
  });

  it('answers bad input with typed errors', async () => {
    expect(await s.dispatcher.call('speech:listen-audio', { sessionId: 'nope', pcmBase64: 'AAA=' }, ctx)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await s.dispatcher.call('speech:listen-start', { step: { kind: 'choice', options: [{ id: 'x', label: '𠮷' }] } }, ctx)).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await s.dispatcher.call('speech:listen-start', { step: { kind: 'nonsense' } }, ctx)).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    const started = await s.dispatcher.call('speech:listen-start', { step: { kind: 'confirm' } }, ctx);
    const { sessionId } = (started as { ok: true; value: { sessionId: string } }).value;
    // Three bytes is not a whole number of 16-bit samples.
    expect(await s.dispatcher.call('speech:listen-audio', { sessionId, pcmBase64: 'AAAA' }, ctx)).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    const huge = 'A'.repeat(400_000);
    expect(await s.dispatcher.call('speech:listen-audio', { sessionId, pcmBase64: huge }, ctx)).toMatchObject({ ok: false, error: { code: 'payload-too-large' } });
    expect(await s.dispatcher.call('speech:listen-cancel', { sessionId }, ctx)).toEqual({ ok: true, value: {} });
    expect(events.find((e) => e.sessionId === sessionId)).toMatchObject({ kind: 'rejected', reason: 'cancelled' });
  });

  it('renders prompts to WAV and serves repeats from the cache', async () => {
    const t0 = performance.now();
    const a = await s.dispatcher.call('speech:synthesize', { text: '请说出您要办的事，比如：养老认证。' }, ctx);
    const t1 = performance.now();
    const b = await s.dispatcher.call('speech:synthesize', { text: '请说出您要办的事，比如：养老认证。' }, ctx);
    const t2 = performance.now();
    if (!a.ok || !b.ok) throw new Error('synthesize failed');
    const wav = Buffer.from((a.value as { wavBase64: string }).wavBase64, 'base64');
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(parseWav(wav).samples.length).toBeGreaterThan(8000);
    expect(b.value).toEqual(a.value);
    expect(t2 - t1).toBeLessThan(t1 - t0); // the second came from memory, not espeak
    const slow = await s.dispatcher.call('speech:synthesize', { text: '请说出您要办的事，比如：养老认证。', rate: 0.7 }, ctx);
    expect((slow as { ok: true; value: { durationMs: number } }).value.durationMs).toBeGreaterThan((a.value as { durationMs: number }).durationMs);
  });
});

describe('speech module without a model', () => {
  it('still speaks, and says clearly why it cannot listen', async () => {
    const s = await station({ recognition: { sherpaKws: { modelDir: tempDir('no-kws-model') }, pocketsphinx: { modelDir: tempDir('no-model') } } });
    try {
      const status = await s.dispatcher.call('speech:status', {}, ctx);
      expect(status).toMatchObject({ ok: true, value: { recognition: 'unavailable', prompts: 'ready' } });
      expect((status as { ok: true; value: { message: string } }).value.message).toMatch(/provision:models/);
      expect(await s.dispatcher.call('speech:listen-start', { step: { kind: 'home' } }, ctx)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(await s.dispatcher.call('speech:synthesize', { text: '您好' }, ctx)).toMatchObject({ ok: true });
    } finally {
      await s.dispose();
    }
  });

  it('picks the keyword spotter by default when its model is provisioned, and PocketSphinx when only that is', async () => {
    const kws = await station({});
    const sphinx = await station({ recognition: { sherpaKws: { modelDir: tempDir('no-kws-model') }, pocketsphinx: { modelDir: await provisionedModelDir() } } });
    try {
      expect(await kws.dispatcher.call('speech:status', {}, ctx)).toMatchObject({ ok: true, value: { recognition: 'ready', engine: 'sherpa-kws' } });
      expect(await sphinx.dispatcher.call('speech:status', {}, ctx)).toMatchObject({ ok: true, value: { recognition: 'ready', engine: 'pocketsphinx' } });
      // Each engine says how the microphone should be opened for it: the spotter without the browser's gain (it clipped).
      expect(await kws.dispatcher.call('speech:listen-start', { step: { kind: 'home' } }, ctx)).toMatchObject({ ok: true, value: { autoGain: false } });
      expect(await sphinx.dispatcher.call('speech:listen-start', { step: { kind: 'home' } }, ctx)).toMatchObject({ ok: true, value: { autoGain: true } });
    } finally {
      await kws.dispose();
      await sphinx.dispose();
    }
  });

  it('selects Vosk when a Vosk model folder is configured, and reports a missing one', async () => {
    const s = await station({ recognition: { vosk: { modelDir: tempDir('vosk') + '/vosk-model-small-cn-0.22' } } });
    try {
      const status = await s.dispatcher.call('speech:status', {}, ctx);
      expect(status).toMatchObject({ ok: true, value: { recognition: 'unavailable', engine: 'vosk' } });
      expect((status as { ok: true; value: { message: string } }).value.message).toMatch(/Vosk model folder/);
    } finally {
      await s.dispose();
    }
  });
});
