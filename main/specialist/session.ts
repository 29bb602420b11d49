// The desk sessions in main: PIN login against the roster (with the station-wide
// lockout), logout, and the idle rule enforced here too — a specialist with no
// activity for 5 minutes is logged out even if the page froze or was closed.
// A session belongs to the connection that logged in (a WebSocket, an Electron
// page), named by the host: another connection has none until it logs in itself,
// and the session ends when its connection closes. Every login, failure, lock and
// logout goes to the audit log, with ids only.
import type { Specialist, SpecialistSession, LoginResult } from '../../common/domain/specialist.js';
import { SPECIALIST_IDLE_SECONDS } from '../../common/domain/specialist-timeouts.js';
import type { LoginLockout } from './lockout.js';
import { PinHashError, verifyPin } from './pin-hash.js';
import type { Roster } from './roster.js';

/** An audit entry as this area writes it: actions and ids, never a PIN or a name. */
export interface DeskAuditEntry {
  actor: { kind: 'specialist' | 'system'; id?: string };
  action: string;
  subjectId?: string;
  detail?: string;
}

export interface DeskSessionsOptions {
  roster: Roster;
  lockout: LoginLockout;
  now: () => Date;
  audit: (e: DeskAuditEntry) => void;
  idleMs?: number;
  /** Told when a configured hash is malformed (a config mistake, not a wrong PIN). */
  onBadHash?: (specialistId: string) => void;
}

interface Active {
  specialist: Specialist;
  lastActivity: number;
}

export type LogoutReason = 'user' | 'idle' | 'shutdown' | 'closed';

export class DeskSessions {
  /** Live sessions by connection. */
  private readonly active = new Map<string, Active>();
  /** The tail of the queue of login attempts (see login()). */
  private attempts: Promise<unknown> = Promise.resolve();
  private readonly idleMs: number;

  constructor(private readonly o: DeskSessionsOptions) {
    this.idleMs = o.idleMs ?? SPECIALIST_IDLE_SECONDS * 1000;
  }

  roster(): Specialist[] {
    return this.o.roster.specialists.map((s) => ({ id: s.id, name: s.name }));
  }

  lockedUntil(): Date | null {
    return this.o.lockout.lockedUntil();
  }

  /**
   * One attempt at a time per station: each waits for the one before it, so the
   * lock a wrong PIN sets is in place before the next PIN is checked. (Checked
   * concurrently, 300 guesses fired at once were all verified against a lock
   * none of them had yet seen.)
   */
  login(connection: string, specialistId: string, pin: string): Promise<LoginResult> {
    const attempt = this.attempts.then(() => this.attempt(connection, specialistId, pin));
    this.attempts = attempt.catch(() => undefined);
    return attempt;
  }

  private async attempt(connection: string, specialistId: string, pin: string): Promise<LoginResult> {
    // Counted (and written down) before the PIN is checked: see LoginLockout.beginAttempt.
    const begun = this.o.lockout.beginAttempt();
    if (begun.locked) {
      this.o.audit({ actor: { kind: 'system' }, action: 'specialist.login-refused-locked', subjectId: specialistId });
      return { outcome: 'locked', lockedUntil: begun.lockedUntil.toISOString() };
    }
    const entry = this.o.roster.specialists.find((s) => s.id === specialistId);
    let match = false;
    if (entry) {
      try {
        match = await verifyPin(pin, entry.pinHash);
      } catch (e) {
        if (!(e instanceof PinHashError)) throw e;
        this.o.onBadHash?.(entry.id);
      }
    }
    if (!match || !entry) {
      const r = this.o.lockout.attemptFailed();
      this.o.audit({ actor: { kind: 'system' }, action: 'specialist.login-failed', subjectId: specialistId });
      if (r.locked) {
        this.o.audit({ actor: { kind: 'system' }, action: 'specialist.login-locked', detail: `locked until ${r.lockedUntil.toISOString()}` });
        return { outcome: 'locked', lockedUntil: r.lockedUntil.toISOString() };
      }
      return { outcome: 'wrong-pin', triesLeft: r.triesLeft };
    }
    this.o.lockout.recordSuccess();
    // A new login at this screen ends whoever was logged in at it before: one screen, one person.
    const before = this.active.get(connection);
    if (before && before.specialist.id !== entry.id) this.end(connection, 'replaced');
    const a = { specialist: { id: entry.id, name: entry.name }, lastActivity: this.o.now().getTime() };
    this.active.set(connection, a);
    this.o.audit({ actor: { kind: 'specialist', id: entry.id }, action: 'specialist.login' });
    return { outcome: 'ok', session: this.describe(a) };
  }

  logout(connection: string, reason: LogoutReason): void {
    if (this.current(connection)) this.end(connection, reason);
  }

  /** Ends every session (the station stops). */
  logoutAll(reason: LogoutReason): void {
    for (const connection of [...this.active.keys()]) this.logout(connection, reason);
  }

  /** This connection's live session, after the idle rule (an expired one is ended and audited). */
  current(connection: string): SpecialistSession | null {
    const a = this.active.get(connection);
    if (!a) return null;
    if (this.o.now().getTime() - a.lastActivity >= this.idleMs) {
      this.end(connection, 'idle-main');
      return null;
    }
    return this.describe(a);
  }

  /** Applies the idle rule to every session, so an idle logout is audited near its time. */
  sweep(): void {
    for (const connection of [...this.active.keys()]) this.current(connection);
  }

  /** The specialist ids of every live session (after the idle rule). */
  live(): string[] {
    this.sweep();
    return [...this.active.values()].map((a) => a.specialist.id);
  }

  /** Activity at the screen: moves the idle deadline, if the session has not already expired. */
  touch(connection: string): SpecialistSession | null {
    if (!this.current(connection)) return null;
    const a = this.active.get(connection);
    if (!a) return null;
    a.lastActivity = this.o.now().getTime();
    return this.describe(a);
  }

  /** The specialist logged in at this connection, or null; what access checks ask. */
  specialist(connection: string): Specialist | null {
    return this.current(connection)?.specialist ?? null;
  }

  private end(connection: string, reason: string): void {
    const a = this.active.get(connection);
    if (!a) return;
    this.active.delete(connection);
    this.o.audit({ actor: { kind: 'specialist', id: a.specialist.id }, action: 'specialist.logout', detail: reason });
  }

  private describe(a: Active): SpecialistSession {
    return { specialist: a.specialist, expiresAt: new Date(a.lastActivity + this.idleMs).toISOString() };
  }
}
