// The station's open call for help from its own kiosk. A station has one
// resident screen, so at most one request is open: calling again while it is
// open refreshes it (another reason, the screen the resident is on now, one more
// call) rather than stacking up a second alarm for the same person; a call from
// another resident (another card) replaces it. A specialist acknowledges it
// (only then is the resident told someone is coming). A request ends when the
// specialist marks it handled, when the resident's visit ends (card taken out, a
// new card, the session cleared), or when nobody has called for
// HELP_REQUEST_MAX_MINUTES. Each of those is audited: the calls and the clearing
// by the system, the acknowledging and handling by the specialist's id.
// In memory on purpose: after a restart the resident at the screen calls again.
import { randomUUID } from 'node:crypto';
import { HELP_REQUEST_MAX_MINUTES, type HelpCaller, type HelpPlace, type HelpReason, type HelpRequest } from '../../common/domain/help.js';
import type { ServiceId } from '../../common/domain/catalogue-summary.js';
import type { DeskAuditEntry } from '../specialist/session.js';

export class HelpRequestError extends Error {
  constructor(
    readonly code: 'not-found',
    message: string,
  ) {
    super(message);
    this.name = 'HelpRequestError';
  }
}

export interface HelpRequestsOptions {
  now: () => Date;
  audit: (e: DeskAuditEntry) => void;
  /** Defaults to HELP_REQUEST_MAX_MINUTES; tests pass their own. */
  maxAgeMs?: number;
  newId?: () => string;
}

/** Why a request ended without the specialist marking it handled. */
export type HelpClearReason = 'resident-session-cleared' | 'visit-ended' | 'expired';

type Listener = (open: HelpRequest[]) => void;

export class HelpRequests {
  private current: HelpRequest | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly maxAgeMs: number;
  private readonly newId: () => string;

  constructor(private readonly o: HelpRequestsOptions) {
    this.maxAgeMs = o.maxAgeMs ?? HELP_REQUEST_MAX_MINUTES * 60_000;
    this.newId = o.newId ?? randomUUID;
  }

  /** Opens a request, or refreshes the open one when it is the same resident's. */
  request(reason: HelpReason, serviceId: ServiceId | null, who: HelpCaller | null, where: HelpPlace): { request: HelpRequest; refreshed: boolean } {
    this.expire();
    // Another resident's call is not theirs to refresh: it belonged to a visit that is over.
    if (this.current && !sameCaller(this.current.who, who)) this.clear('visit-ended');
    const at = this.o.now().toISOString();
    const open = this.current;
    const detail = `reason=${reason} screen=${serviceId ?? 'home'}`;
    if (open) {
      this.current = {
        ...open,
        reasons: open.reasons.includes(reason) ? open.reasons : [...open.reasons, reason],
        serviceId,
        lastAskedAt: at,
        times: open.times + 1,
      };
      this.o.audit({ actor: { kind: 'system' }, action: 'help.requested-again', subjectId: open.id, detail });
      this.changed();
      return { request: this.current, refreshed: true };
    }
    this.current = { id: this.newId(), reasons: [reason], serviceId, openedAt: at, lastAskedAt: at, times: 1, who, where, acknowledged: null };
    this.o.audit({ actor: { kind: 'system' }, action: 'help.requested', subjectId: this.current.id, detail });
    this.changed();
    return { request: this.current, refreshed: false };
  }

  /**
   * A specialist says they are coming: the resident's screen says so from now on.
   * Acknowledging again changes nothing (the first one is who is coming). Throws
   * HelpRequestError('not-found') when it is no longer open.
   */
  acknowledge(id: string, specialist: { id: string; name: string }): HelpRequest {
    this.expire();
    const open = this.current;
    if (!open || open.id !== id) throw new HelpRequestError('not-found', '这条呼叫已经结束了');
    if (open.acknowledged) return open;
    this.current = { ...open, acknowledged: { by: specialist.name, at: this.o.now().toISOString() } };
    const waitedSeconds = Math.round((this.o.now().getTime() - Date.parse(open.openedAt)) / 1000);
    this.o.audit({ actor: { kind: 'specialist', id: specialist.id }, action: 'help.acknowledged', subjectId: open.id, detail: `waited=${waitedSeconds}s` });
    this.changed();
    return this.current;
  }

  /** The specialist handled it. Throws HelpRequestError('not-found') when it is no longer open. */
  resolve(id: string, specialistId: string): void {
    this.expire();
    const open = this.current;
    if (!open || open.id !== id) throw new HelpRequestError('not-found', '这条呼叫已经结束了');
    this.current = null;
    const waitedSeconds = Math.round((this.o.now().getTime() - Date.parse(open.openedAt)) / 1000);
    this.o.audit({ actor: { kind: 'specialist', id: specialistId }, action: 'help.resolved', subjectId: open.id, detail: `waited=${waitedSeconds}s times=${open.times}` });
    this.changed();
  }

  /**
   * A card was read while a call is open. A call made before any card was
   * inserted is taken as the card holder's (they called, then put their card in);
   * a call of another card's holder belonged to a visit that is over, and ends.
   */
  cardRead(who: HelpCaller): void {
    const open = this.current;
    if (!open) return;
    if (open.who === null) {
      this.current = { ...open, who };
      this.changed();
    } else if (!sameCaller(open.who, who)) this.clear('visit-ended');
  }

  /** The card of the resident who called was taken out (or would not read): their visit, and the call, are over. */
  cardGone(): void {
    if (this.current?.who) this.clear('visit-ended');
  }

  /** Ends the open request without the specialist (nothing happens when none is open). */
  clear(why: HelpClearReason): void {
    const open = this.current;
    if (!open) return;
    this.current = null;
    this.o.audit({ actor: { kind: 'system' }, action: 'help.cleared', subjectId: open.id, detail: why });
    this.changed();
  }

  /** The open requests (at most one), after dropping a stale one. */
  open(): HelpRequest[] {
    this.expire();
    return this.current ? [this.current] : [];
  }

  /** Drops the open request if nobody has called for maxAgeMs; call it now and then. */
  expire(): void {
    const open = this.current;
    if (open && this.o.now().getTime() - Date.parse(open.lastAskedAt) >= this.maxAgeMs) this.clear('expired');
  }

  /** Told the open list on every change (not at subscription: call open() for that). */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    const list = this.current ? [this.current] : [];
    for (const l of [...this.listeners]) {
      try {
        l(list);
      } catch {
        // A broken subscriber (a closed socket) must not stop the others hearing of it.
      }
    }
  }
}

/** Whether two calls are the same resident's (both unidentified counts as the same). */
function sameCaller(a: HelpCaller | null, b: HelpCaller | null): boolean {
  if (a === null || b === null) return a === b;
  return a.name === b.name && a.idNumber === b.idNumber;
}
