// The station's open calls for help, with an injected clock and the audit
// entries collected as the store would get them: one open request however often
// the resident calls, handled by a specialist (audited under their id), cleared
// with the resident's session, dropped when stale — and never a personal detail.
import { describe, expect, it } from 'vitest';
import { HelpRequestError, HelpRequests } from '../../../main/help/help-requests.js';
import type { DeskAuditEntry } from '../../../main/specialist/session.js';
import type { HelpPlace, HelpRequest } from '../../../common/domain/help.js';

const KIOSK: HelpPlace = { kind: 'kiosk', station: '白水村便民服务站' };
const ZHANG = { name: '张**', idNumber: '1101**********0028' };
const WANG = { name: '王*', idNumber: '1101**********0017' };

function setup(maxAgeMs?: number) {
  const clock = { t: Date.parse('2026-11-22T08:00:00Z') };
  const audit: DeskAuditEntry[] = [];
  let n = 0;
  const help = new HelpRequests({ now: () => new Date(clock.t), audit: (e) => audit.push(e), newId: () => `req-${++n}`, ...(maxAgeMs ? { maxAgeMs } : {}) });
  const seen: HelpRequest[][] = [];
  help.subscribe((open) => seen.push(open));
  return { help, clock, audit, seen };
}

describe('help requests', () => {
  it('opens a request with the reason, the screen and the time, audited as the system', () => {
    const { help, audit, seen } = setup();
    const r = help.request('voice-failed-twice', 'pension-certification', null, KIOSK);
    expect(r).toEqual({
      refreshed: false,
      request: { id: 'req-1', reasons: ['voice-failed-twice'], serviceId: 'pension-certification', openedAt: '2026-11-22T08:00:00.000Z', lastAskedAt: '2026-11-22T08:00:00.000Z', times: 1, who: null, where: KIOSK, acknowledged: null },
    });
    expect(help.open()).toEqual([r.request]);
    expect(seen).toEqual([[r.request]]);
    expect(audit).toEqual([{ actor: { kind: 'system' }, action: 'help.requested', subjectId: 'req-1', detail: 'reason=voice-failed-twice screen=pension-certification' }]);
  });

  it('refreshes the open request when the resident calls again, instead of opening a second', () => {
    const { help, clock, audit } = setup();
    help.request('voice-failed-twice', null, null, KIOSK);
    clock.t += 40_000;
    const again = help.request('asked', 'social-insurance-query', null, KIOSK);
    clock.t += 10_000;
    const third = help.request('asked', 'social-insurance-query', null, KIOSK);
    expect(again.refreshed).toBe(true);
    expect(third.request).toEqual({
      id: 'req-1',
      reasons: ['voice-failed-twice', 'asked'],
      serviceId: 'social-insurance-query',
      openedAt: '2026-11-22T08:00:00.000Z',
      lastAskedAt: '2026-11-22T08:00:50.000Z',
      times: 3,
      who: null,
      where: KIOSK,
      acknowledged: null,
    });
    expect(help.open()).toHaveLength(1);
    expect(audit.map((e) => [e.action, e.subjectId])).toEqual([
      ['help.requested', 'req-1'],
      ['help.requested-again', 'req-1'],
      ['help.requested-again', 'req-1'],
    ]);
  });

  it('is resolved by a specialist, audited under their id with how long the resident waited', () => {
    const { help, clock, audit, seen } = setup();
    const { request } = help.request('asked', null, null, KIOSK);
    clock.t += 95_000;
    help.resolve(request.id, 'li.min');
    expect(help.open()).toEqual([]);
    expect(seen.at(-1)).toEqual([]);
    expect(audit.at(-1)).toEqual({ actor: { kind: 'specialist', id: 'li.min' }, action: 'help.resolved', subjectId: 'req-1', detail: 'waited=95s times=1' });
    // A new call after that is a new request.
    expect(help.request('asked', null, null, KIOSK).request.id).toBe('req-2');
  });

  it('refuses to resolve a request that is not open, with a typed error', () => {
    const { help, audit } = setup();
    expect(() => help.resolve('req-1', 'li.min')).toThrow(HelpRequestError);
    help.request('asked', null, null, KIOSK);
    try {
      help.resolve('req-9', 'li.min');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HelpRequestError);
      expect((e as HelpRequestError).code).toBe('not-found');
    }
    expect(help.open()).toHaveLength(1);
    expect(audit.map((e) => e.action)).toEqual(['help.requested']);
  });

  it("clears with the resident's session, audited as the system; nothing to clear is not audited", () => {
    const { help, audit, seen } = setup();
    help.clear('resident-session-cleared');
    expect(audit).toEqual([]);
    help.request('voice-failed-twice', 'policy-qa', null, KIOSK);
    help.clear('resident-session-cleared');
    expect(help.open()).toEqual([]);
    expect(seen.at(-1)).toEqual([]);
    expect(audit.at(-1)).toEqual({ actor: { kind: 'system' }, action: 'help.cleared', subjectId: 'req-1', detail: 'resident-session-cleared' });
    expect(() => help.resolve('req-1', 'li.min')).toThrow(HelpRequestError);
  });

  it('drops a request nobody has called for in the maximum age; calling again keeps it', () => {
    const { help, clock, audit, seen } = setup(60_000);
    help.request('asked', null, null, KIOSK);
    clock.t += 50_000;
    help.request('asked', null, null, KIOSK); // keeps it alive
    clock.t += 50_000;
    expect(help.open()).toHaveLength(1);
    clock.t += 10_000;
    help.expire();
    expect(seen.at(-1)).toEqual([]);
    expect(help.open()).toEqual([]);
    expect(audit.at(-1)).toMatchObject({ actor: { kind: 'system' }, action: 'help.cleared', detail: 'expired' });
    // A call after expiry opens a new request rather than refreshing the stale one.
    expect(help.request('asked', null, null, KIOSK)).toMatchObject({ refreshed: false, request: { id: 'req-2', times: 1 } });
  });

  it('is acknowledged once by a specialist, audited under their id; the first answer stands', () => {
    const { help, clock, audit, seen } = setup();
    const { request } = help.request('asked', null, ZHANG, KIOSK);
    clock.t += 30_000;
    const acked = help.acknowledge(request.id, { id: 'li.min', name: '李敏' });
    expect(acked).toMatchObject({ id: 'req-1', who: ZHANG, acknowledged: { by: '李敏', at: '2026-11-22T08:00:30.000Z' } });
    expect(seen.at(-1)).toEqual([acked]);
    expect(audit.at(-1)).toEqual({ actor: { kind: 'specialist', id: 'li.min' }, action: 'help.acknowledged', subjectId: 'req-1', detail: 'waited=30s' });
    clock.t += 5_000;
    expect(help.acknowledge(request.id, { id: 'wang.li', name: '王丽' }).acknowledged?.by).toBe('李敏');
    expect(audit.filter((e) => e.action === 'help.acknowledged')).toHaveLength(1);
    // Calling again after the answer keeps it answered: the specialist is still on the way.
    expect(help.request('asked', 'policy-qa', ZHANG, KIOSK).request.acknowledged?.by).toBe('李敏');
    expect(() => help.acknowledge('req-9', { id: 'li.min', name: '李敏' })).toThrow(HelpRequestError);
  });

  it('ends with the visit: the caller’s card taken out, or another resident’s card or call', () => {
    const { help, audit } = setup();
    help.request('asked', null, ZHANG, KIOSK);
    help.cardGone();
    expect(help.open()).toEqual([]);
    expect(audit.at(-1)).toMatchObject({ action: 'help.cleared', detail: 'visit-ended' });

    help.request('asked', null, ZHANG, KIOSK);
    help.cardRead(WANG);
    expect(help.open()).toEqual([]);

    help.request('asked', null, ZHANG, KIOSK);
    const next = help.request('asked', null, WANG, KIOSK);
    expect(next).toMatchObject({ refreshed: false, request: { id: 'req-4', who: WANG, times: 1 } });
    expect(help.open()).toHaveLength(1);
  });

  it('takes a call made before any card as the holder’s of the card then read', () => {
    const { help } = setup();
    help.request('asked', null, null, KIOSK);
    help.cardGone(); // nobody's card: nothing of theirs ended
    expect(help.open()).toHaveLength(1);
    help.cardRead(ZHANG);
    expect(help.open()[0]).toMatchObject({ id: 'req-1', who: ZHANG });
    help.cardRead(ZHANG); // the same card again
    expect(help.open()).toHaveLength(1);
  });

  it('keeps telling the other subscribers when an earlier one throws', () => {
    const help = new HelpRequests({ now: () => new Date(), audit: () => {} });
    help.subscribe(() => {
      throw new Error('socket closed');
    });
    const seen: HelpRequest[][] = [];
    help.subscribe((open) => seen.push(open));
    help.request('asked', null, null, KIOSK);
    expect(seen).toHaveLength(1);
    expect(seen[0]![0]!.id).toMatch(/^[0-9a-f-]{36}$/); // the default id is a UUID the contract accepts
  });
});
