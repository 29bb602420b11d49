import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../main/core/dispatcher.js';
import { silentLogger } from '../../../main/core/logger.js';
import { IpcFailure } from '../../../common/ipc/result.js';
import type { Handlers, StreamSources } from '../../../main/core/module.js';
import { initialSyncStatus } from '../../../common/domain/status.js';

const ctx = { host: 'web' as const, connection: 'test' };
const info = {
  version: '1',
  host: 'web' as const,
  uiMode: 'kiosk' as const,
  stationName: 's',
  defaultTextSize: 'standard' as const,
  inactivity: { idleSeconds: 60, warningSeconds: 20 },
  links: { payment: 'https://pay.example.invalid/p?order={order}', status: 'https://status.example.invalid/t/{tracking}' },
  timeZone: 'Asia/Shanghai',
  surface: 'kiosk' as const,
  canCallHelp: true,
  faceChallenges: null,
};

function make(handlers: Handlers = {}, sources: StreamSources = {}) {
  return createDispatcher(handlers, sources, silentLogger);
}

describe('dispatcher', () => {
  it('passes a valid call through and wraps the result', async () => {
    const d = make({ 'app:info': () => info });
    expect(await d.call('app:info', {}, ctx)).toEqual({ ok: true, value: info });
  });

  it('refuses an unknown channel with a typed error', async () => {
    const r = await make().call('app:format-disk', {}, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('refuses non-string and prototype channel names', async () => {
    for (const name of [42, null, undefined, {}, '__proto__', 'constructor', 'toString']) {
      const r = await make().call(name, {}, ctx);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('unknown-channel');
    }
  });

  it('refuses arguments of the wrong type before the handler runs', async () => {
    let ran = false;
    const d = make({
      'speech:synthesize': () => {
        ran = true;
        return { wavBase64: '', durationMs: 0 };
      },
    });
    for (const bad of [{ text: 5 }, { text: '' }, { text: 'hi', extra: true }, 'string', [1, 2]]) {
      const r = await d.call('speech:synthesize', bad, ctx);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    }
    expect(ran).toBe(false);
  });

  it('refuses an oversized payload', async () => {
    const r = await make({ 'app:report-error': () => ({}) }).call('app:report-error', { where: 'x', message: 'y'.repeat(200_000) }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'payload-too-large' } });
  });

  it('refuses cyclic arguments without throwing', async () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    const r = await make().call('app:info', a, ctx);
    expect(r.ok).toBe(false);
  });

  it('turns a throwing handler into internal, and an IpcFailure into its code', async () => {
    const d = make({
      'app:info': () => {
        throw new Error('secret 110101194303050021');
      },
      'station:status': () => {
        throw new IpcFailure('unavailable', 'store down');
      },
    });
    const r1 = await d.call('app:info', {}, ctx);
    expect(r1).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(r1)).not.toContain('110101');
    expect(await d.call('station:status', {}, ctx)).toEqual({ ok: false, error: { code: 'unavailable', message: 'store down' } });
  });

  it('refuses a handler answer outside the contract', async () => {
    const d = make({ 'app:info': () => ({ nope: true }) as never });
    expect(await d.call('app:info', {}, ctx)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('reports a channel without a handler as unavailable', async () => {
    expect(await make().call('app:info', {}, ctx)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('opens and ends subscriptions; ending twice is harmless', () => {
    let stopped = 0;
    const d = make({}, {
      'station:status-changed': (_a, emit) => {
        emit({ sync: initialSyncStatus, devices: [], store: { state: 'ok' }, help: { open: false, acknowledged: false } });
        return () => stopped++;
      },
    });
    const events: unknown[] = [];
    const r = d.subscribe('station:status-changed', {}, (e) => events.push(e), ctx);
    expect(r.ok).toBe(true);
    expect(events).toHaveLength(1);
    if (r.ok) {
      r.value();
      r.value();
    }
    expect(stopped).toBe(1);
    expect(d.subscribe('nope:stream', {}, () => {}, ctx)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });
});
