// The desk session in main with an injected clock: login outcomes, the idle
// logout after 5 minutes (activity extends it), and the audit trail of ids.
import { describe, expect, it } from 'vitest';
import { LoginLockout } from '../../../main/specialist/lockout.js';
import { hashPin } from '../../../main/specialist/pin-hash.js';
import { buildRoster, DEV_SPECIALIST } from '../../../main/specialist/roster.js';
import { DeskSessions, type DeskAuditEntry } from '../../../main/specialist/session.js';

const FAST = { N: 1 << 10, r: 8, p: 1 };
/** The connection (socket, page) the tests log in on. */
const C = 'web:screen-1';

async function setup(roster?: Awaited<ReturnType<typeof buildRoster>>) {
  const clock = { t: Date.parse('2026-11-22T08:00:00Z') };
  const now = () => new Date(clock.t);
  const audit: DeskAuditEntry[] = [];
  const r =
    roster ??
    (await buildRoster([
      { id: 'li.min', name: '李敏', pinHash: await hashPin('2468', FAST) },
      { id: 'zhao.gang', name: '赵刚', pinHash: await hashPin('8642', FAST) },
    ]));
  const desk = new DeskSessions({ roster: r, lockout: new LoginLockout({ file: null, now }), now, audit: (e) => audit.push(e) });
  return { clock, desk, audit };
}

describe('desk session', () => {
  it('logs in with the right PIN and shows the roster without hashes', async () => {
    const { desk, audit } = await setup();
    expect(desk.roster()).toEqual([
      { id: 'li.min', name: '李敏' },
      { id: 'zhao.gang', name: '赵刚' },
    ]);
    const r = await desk.login(C, 'li.min', '2468');
    expect(r).toEqual({ outcome: 'ok', session: { specialist: { id: 'li.min', name: '李敏' }, expiresAt: '2026-11-22T08:05:00.000Z' } });
    expect(desk.specialist(C)).toEqual({ id: 'li.min', name: '李敏' });
    expect(audit).toEqual([{ actor: { kind: 'specialist', id: 'li.min' }, action: 'specialist.login' }]);
  });

  it("refuses another specialist's PIN and an unknown id alike, counting both", async () => {
    const { desk } = await setup();
    expect(await desk.login(C, 'li.min', '8642')).toEqual({ outcome: 'wrong-pin', triesLeft: 4 });
    expect(await desk.login(C, 'nobody', '2468')).toEqual({ outcome: 'wrong-pin', triesLeft: 3 });
    expect(desk.current(C)).toBeNull();
  });

  it('locks after 5 wrong PINs, then refuses even the right one, and audits without the PIN', async () => {
    const { desk, audit } = await setup();
    for (let i = 0; i < 4; i++) await desk.login(C, 'li.min', '0000');
    expect(await desk.login(C, 'li.min', '0000')).toEqual({ outcome: 'locked', lockedUntil: '2026-11-22T08:15:00.000Z' });
    expect(await desk.login(C, 'li.min', '2468')).toMatchObject({ outcome: 'locked' });
    expect(audit.map((e) => e.action)).toEqual([
      ...Array(5).fill('specialist.login-failed'),
      'specialist.login-locked',
      'specialist.login-refused-locked',
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/0000|2468/);
  });

  it('holds the lock against concurrent guesses: the right PIN fired after 20 wrong ones at once is refused', async () => {
    const { desk, audit } = await setup();
    // All fired before any is answered, as a script over many sockets would.
    const wrong = Array.from({ length: 20 }, (_, i) => desk.login(C, 'li.min', String(1000 + i)));
    const right = desk.login(C, 'li.min', '2468');
    const outcomes = await Promise.all([...wrong, right]);
    expect(outcomes.slice(0, 4).map((o) => o.outcome)).toEqual(['wrong-pin', 'wrong-pin', 'wrong-pin', 'wrong-pin']);
    expect(outcomes.slice(4).every((o) => o.outcome === 'locked')).toBe(true);
    expect(await right).toEqual({ outcome: 'locked', lockedUntil: '2026-11-22T08:15:00.000Z' });
    expect(desk.current(C)).toBeNull();
    // Exactly five PINs were checked; the other 16 were refused unchecked.
    expect(audit.filter((e) => e.action === 'specialist.login-failed')).toHaveLength(5);
    expect(audit.filter((e) => e.action === 'specialist.login-refused-locked')).toHaveLength(16);
    expect(audit.some((e) => e.action === 'specialist.login')).toBe(false);
  });

  it('expires after 5 idle minutes, audited as an idle logout', async () => {
    const { desk, clock, audit } = await setup();
    await desk.login(C, 'li.min', '2468');
    clock.t += 5 * 60_000 - 1;
    expect(desk.current(C)).not.toBeNull();
    clock.t += 1;
    expect(desk.current(C)).toBeNull();
    expect(desk.touch(C)).toBeNull(); // activity after expiry does not revive it
    expect(audit.at(-1)).toEqual({ actor: { kind: 'specialist', id: 'li.min' }, action: 'specialist.logout', detail: 'idle-main' });
  });

  it('activity pushes the idle deadline back', async () => {
    const { desk, clock } = await setup();
    await desk.login(C, 'li.min', '2468');
    clock.t += 4 * 60_000;
    expect(desk.touch(C)?.expiresAt).toBe('2026-11-22T08:09:00.000Z');
    clock.t += 4 * 60_000;
    expect(desk.current(C)?.specialist.id).toBe('li.min');
    clock.t += 60_000;
    expect(desk.current(C)).toBeNull();
  });

  it('logout ends the session once; a second login replaces the first', async () => {
    const { desk, audit } = await setup();
    await desk.login(C, 'li.min', '2468');
    await desk.login(C, 'zhao.gang', '8642');
    expect(desk.specialist(C)?.id).toBe('zhao.gang');
    desk.logout(C, 'user');
    desk.logout(C, 'user');
    expect(desk.current(C)).toBeNull();
    expect(audit.filter((e) => e.action === 'specialist.logout').map((e) => [e.actor.id, e.detail])).toEqual([
      ['li.min', 'replaced'],
      ['zhao.gang', 'user'],
    ]);
  });
});

describe('desk sessions per connection', () => {
  it('a session is seen only by the connection that logged in, and ends when it closes', async () => {
    const { desk, audit } = await setup();
    await desk.login(C, 'li.min', '2468');
    expect(desk.specialist('web:other-socket')).toBeNull();
    expect(desk.touch('web:other-socket')).toBeNull();
    desk.logout('web:other-socket', 'user'); // another socket cannot log this one out
    expect(desk.specialist(C)?.id).toBe('li.min');
    // A login at another screen is its own session and leaves this one alone.
    await desk.login('web:other-socket', 'zhao.gang', '8642');
    expect([desk.specialist(C)?.id, desk.specialist('web:other-socket')?.id]).toEqual(['li.min', 'zhao.gang']);
    expect(desk.live().sort()).toEqual(['li.min', 'zhao.gang']);
    desk.logout(C, 'closed');
    expect(desk.specialist(C)).toBeNull();
    expect(desk.live()).toEqual(['zhao.gang']);
    expect(audit.filter((e) => e.action === 'specialist.logout')).toEqual([{ actor: { kind: 'specialist', id: 'li.min' }, action: 'specialist.logout', detail: 'closed' }]);
  });
});

describe('roster', () => {
  it('has the development specialist only when the config lists none', async () => {
    const dev = await buildRoster([]);
    expect(dev.development).toBe(true);
    expect(dev.specialists.map((s) => [s.id, s.name])).toEqual([[DEV_SPECIALIST.id, DEV_SPECIALIST.name]]);
    const { desk } = await setup(dev);
    expect(await desk.login(C, 'dev', '135790')).toMatchObject({ outcome: 'ok' });

    const real = await buildRoster([{ id: 'li.min', name: '李敏', pinHash: await hashPin('2468', FAST) }]);
    expect(real.development).toBe(false);
    const { desk: d2 } = await setup(real);
    expect(await d2.login(C, 'dev', '135790')).toEqual({ outcome: 'wrong-pin', triesLeft: 4 });
  });
});
