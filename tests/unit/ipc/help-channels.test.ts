// The help-request channels at the dispatcher: what a screen may send (a reason
// and the service on screen, nothing else — no room for a name or an ID number),
// what the desk may send to resolve, and that an answer outside the contract
// never reaches the renderer.
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../main/core/dispatcher.js';
import { silentLogger } from '../../../main/core/logger.js';
import type { Handlers, StreamSources } from '../../../main/core/module.js';
import type { HelpRequest } from '../../../common/domain/help.js';

const ctx = { host: 'web' as const, connection: 'test' };
const request: HelpRequest = { id: 'req-1', reasons: ['asked'], serviceId: null, openedAt: '2026-11-22T08:00:00.000Z', lastAskedAt: '2026-11-22T08:00:00.000Z', times: 1, who: null, where: { kind: 'kiosk', station: '白水村便民服务站' }, acknowledged: null };

function make(handlers: Handlers = {}, sources: StreamSources = {}) {
  const ran: string[] = [];
  const d = createDispatcher(
    {
      'app:help-request': (a) => (ran.push(`request ${a.reason} ${a.serviceId}`), { request, refreshed: false }),
      'specialist:help-resolve': (a) => (ran.push(`resolve ${a.id}`), {}),
      'app:resident-session-cleared': () => (ran.push('cleared'), {}),
      ...handlers,
    },
    { 'specialist:help-requests': (_a, emit) => (emit({ open: [request] }), () => {}), ...sources },
    silentLogger,
    // This test's connection holds a desk session: resolving is the desk's.
    () => ({ specialistFor: (c) => (c === ctx.connection ? { id: 'li.min', name: '李敏' } : null), connectionClosed: () => undefined }),
  );
  return { d, ran };
}

describe('help-request channels', () => {
  it('passes a reason and the service on screen (or null for home) through', async () => {
    const { d, ran } = make();
    expect(await d.call('app:help-request', { reason: 'voice-failed-twice', serviceId: 'pension-certification' }, ctx)).toEqual({ ok: true, value: { request, refreshed: false } });
    expect(await d.call('app:help-request', { reason: 'asked', serviceId: null }, ctx)).toMatchObject({ ok: true });
    expect(ran).toEqual(['request voice-failed-twice pension-certification', 'request asked null']);
  });

  it('refuses an unknown reason, an unknown service, a missing screen, and any extra field before the handler runs', async () => {
    const { d, ran } = make();
    const bad = [
      { reason: 'bored', serviceId: null },
      { reason: 'asked', serviceId: 'format-disk' },
      { reason: 'asked' },
      { serviceId: null },
      // Personal data has nowhere to ride along.
      { reason: 'asked', serviceId: null, idNumber: '110101194303050021' },
      { reason: 'asked', serviceId: null, name: '张秀英' },
      'asked',
      [],
    ];
    for (const args of bad) expect(await d.call('app:help-request', args, ctx), JSON.stringify(args)).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(ran).toEqual([]);
  });

  it('refuses a malformed request id to resolve, and extra arguments to clear the session', async () => {
    const { d, ran } = make();
    for (const args of [{}, { id: '' }, { id: 'Req 1' }, { id: 'a'.repeat(65) }, { id: 'req-1', specialistId: 'dev' }, { id: 42 }]) {
      expect(await d.call('specialist:help-resolve', args, ctx), JSON.stringify(args)).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    }
    expect(await d.call('app:resident-session-cleared', { why: 'idle' }, ctx)).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(ran).toEqual([]);
    expect(await d.call('specialist:help-resolve', { id: 'req-1' }, ctx)).toEqual({ ok: true, value: {} });
    expect(await d.call('app:resident-session-cleared', {}, ctx)).toEqual({ ok: true, value: {} });
    expect(ran).toEqual(['resolve req-1', 'cleared']);
  });

  it('turns a service answer outside the contract into internal, not a malformed request on the desk', async () => {
    const { d } = make({ 'app:help-request': () => ({ request: { ...request, reasons: [] }, refreshed: false }) });
    expect(await d.call('app:help-request', { reason: 'asked', serviceId: null }, ctx)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('opens the desk stream with no arguments only', () => {
    const { d } = make();
    const events: unknown[] = [];
    const r = d.subscribe('specialist:help-requests', {}, (e) => events.push(e), ctx);
    expect(r.ok).toBe(true);
    expect(events).toEqual([{ open: [request] }]);
    expect(d.subscribe('specialist:help-requests', { all: true }, () => {}, ctx)).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
  });
});
