// The login lockout with an injected clock: 5 wrong PINs lock for 15 minutes,
// success resets the count, and the lock survives a restart (a new instance on
// the same state file), even when the file is damaged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LoginLockout } from '../../../main/specialist/lockout.js';

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xy-lockout-'));
  const file = path.join(dir, 'specialist-lockout.json');
  const clock = { t: Date.parse('2026-11-22T08:00:00Z') };
  const now = () => new Date(clock.t);
  return { file, clock, make: () => new LoginLockout({ file, now }) };
}

describe('login lockout', () => {
  it('counts down 4, 3, 2, 1 tries, then locks for exactly 15 minutes', () => {
    const { clock, make } = setup();
    const l = make();
    expect([1, 2, 3, 4].map(() => l.recordFailure())).toEqual([4, 3, 2, 1].map((n) => ({ locked: false, triesLeft: n })));
    const fifth = l.recordFailure();
    expect(fifth).toEqual({ locked: true, lockedUntil: new Date('2026-11-22T08:15:00Z') });
    clock.t += 15 * 60_000 - 1;
    expect(l.lockedUntil()).toEqual(new Date('2026-11-22T08:15:00Z'));
    expect(l.recordFailure()).toMatchObject({ locked: true });
    clock.t += 1;
    expect(l.lockedUntil()).toBeNull();
    // After the lock, the count starts again from zero.
    expect(l.recordFailure()).toEqual({ locked: false, triesLeft: 4 });
  });

  it('a correct PIN resets the count of wrong ones', () => {
    const { make } = setup();
    const l = make();
    for (let i = 0; i < 4; i++) l.recordFailure();
    l.recordSuccess();
    expect(l.recordFailure()).toEqual({ locked: false, triesLeft: 4 });
  });

  it('survives a restart: both the lock and a partial count', () => {
    const a = setup();
    const first = a.make();
    for (let i = 0; i < 5; i++) first.recordFailure();
    const afterRestart = a.make();
    expect(afterRestart.lockedUntil()).toEqual(new Date('2026-11-22T08:15:00Z'));

    const b = setup();
    const one = b.make();
    for (let i = 0; i < 3; i++) one.recordFailure();
    expect(b.make().recordFailure()).toEqual({ locked: false, triesLeft: 1 });
  });

  it('counts an attempt before its PIN is checked, so one that never finished counts after a restart', () => {
    const { make } = setup();
    const first = make();
    for (let i = 0; i < 4; i++) first.recordFailure();
    expect(first.beginAttempt()).toEqual({ locked: false });
    // The process dies while the fifth PIN is being checked: the next start is locked.
    expect(make().beginAttempt()).toEqual({ locked: true, lockedUntil: new Date('2026-11-22T08:15:00Z') });
  });

  it('a right PIN on the fifth try still logs in: the pre-counted attempt is cleared', () => {
    const { make } = setup();
    const l = make();
    for (let i = 0; i < 4; i++) l.recordFailure();
    expect(l.beginAttempt()).toEqual({ locked: false });
    l.recordSuccess();
    expect(l.lockedUntil()).toBeNull();
    expect(l.recordFailure()).toEqual({ locked: false, triesLeft: 4 });
  });

  it('a damaged state file locks rather than unlocks, and says so', () => {
    const { file, clock } = setup();
    fs.writeFileSync(file, '{"failures": "lots"');
    const errors: string[] = [];
    const l = new LoginLockout({ file, now: () => new Date(clock.t), onStorageError: (op) => errors.push(op) });
    expect(l.lockedUntil()).toEqual(new Date('2026-11-22T08:15:00Z'));
    expect(errors).toEqual(['read']);
  });

  it('keeps nothing but a count and a time in the file', () => {
    const { file, make } = setup();
    make().recordFailure();
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ failures: 1, lockedUntil: null });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});
