// The reference server's help calls, with an injected clock and the registered
// kiosks as the server's storage would answer them: a box calls a registered station only;
// the same id refreshes; a new call ends the box's earlier one; only the box and
// the station see or touch a call (anyone else: 404, as for none); the first
// acknowledgement stands; calls nobody asked again for end after 30 minutes and
// ended ones are forgotten after 10 more.
import { describe, expect, it } from 'vitest';
import { HelpCallDesk } from '../../../sync-server/help-calls.js';

const A = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const B = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';

function setup() {
  const registered = new Set(['station-s1', 'tv-1', 'tv-2']);
  const clock = { t: Date.parse('2026-12-06T08:00:00Z') };
  return { desk: new HelpCallDesk(async (id) => registered.has(id), () => new Date(clock.t)), clock };
}

const open = (id: string, extra: Record<string, unknown> = {}) => ({ id, toStation: 'station-s1', reason: 'asked', serviceId: null, ...extra });
const status = async (f: () => unknown) => {
  try {
    await f();
    return 'ok';
  } catch (e) {
    return `${(e as { status: number }).status} ${(e as { code: string }).code}`;
  }
};

describe('help calls at the reference server', () => {
  it('takes a call only to a registered station other than the caller, in the protocol’s shape', async () => {
    const { desk } = setup();
    expect(await status(() => desk.open('tv-1', open(A, { toStation: 'nowhere' })))).toBe('422 unknown-station');
    expect(await status(() => desk.open('station-s1', open(A)))).toBe('422 bad-help-call');
    expect(await status(() => desk.open('tv-1', { ...open(A), who: '张秀英' }))).toBe('400 bad-help-call'); // no room for a name
    expect(await desk.open('tv-1', open(A))).toMatchObject({ id: A, fromKiosk: 'tv-1', toStation: 'station-s1', times: 1, acknowledged: null, endedAt: null });
  });

  it('refreshes with the same id, and a new call ends the box’s earlier one', async () => {
    const { desk, clock } = setup();
    await desk.open('tv-1', open(A));
    clock.t += 1000;
    expect(await desk.open('tv-1', open(A, { reason: 'voice-failed-twice', serviceId: 'policy-qa' }))).toMatchObject({ times: 2, reasons: ['asked', 'voice-failed-twice'], serviceId: 'policy-qa' });
    expect(await status(() => desk.open('tv-2', open(A)))).toBe('409 help-call-id-taken');
    await desk.open('tv-1', open(B));
    expect((await desk.forStation('station-s1')).map((c) => c.id)).toEqual([B]);
    expect(await status(() => desk.open('tv-1', open(A)))).toBe('409 help-call-ended');
  });

  it('shows and hands a call only to its box and its station; the first acknowledgement stands', async () => {
    const { desk } = setup();
    await desk.open('tv-1', open(A));
    expect(await desk.forStation('tv-2')).toEqual([]);
    expect(await status(() => desk.get('tv-2', A))).toBe('404 no-help-call');
    expect(await status(() => desk.acknowledge('tv-1', A, { by: '我自己' }))).toBe('404 no-help-call'); // a box cannot answer its own call
    expect(await status(() => desk.end('tv-2', A))).toBe('404 no-help-call');
    expect((await desk.acknowledge('station-s1', A, { by: '李敏' })).acknowledged?.by).toBe('李敏');
    expect((await desk.acknowledge('station-s1', A, { by: '王丽' })).acknowledged?.by).toBe('李敏');
    expect((await desk.get('tv-1', A)).acknowledged?.by).toBe('李敏');
    expect((await desk.end('tv-1', A)).endedAt).not.toBeNull();
    expect((await desk.end('station-s1', A)).endedAt).not.toBeNull(); // twice is no error
    expect(await status(() => desk.acknowledge('station-s1', A, { by: '李敏' }))).toBe('409 help-call-ended');
  });

  it('ends calls nobody asked again for in 30 minutes, and forgets ended ones 10 minutes later', async () => {
    const { desk, clock } = setup();
    await desk.open('tv-1', open(A));
    clock.t += 29 * 60_000;
    expect(await desk.forStation('station-s1')).toHaveLength(1);
    clock.t += 60_000;
    expect(await desk.forStation('station-s1')).toEqual([]);
    expect((await desk.get('tv-1', A)).endedAt).not.toBeNull(); // the box hears how it ended
    clock.t += 10 * 60_000;
    expect(await status(() => desk.get('tv-1', A))).toBe('404 no-help-call');
  });
});
