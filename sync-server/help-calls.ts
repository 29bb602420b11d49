// Help calls from TV boxes at home to a station's specialist desk. A TV opens a
// call naming its station; the station's desk fetches the calls addressed to it,
// acknowledges one (the TV then says 工作人员会给您打电话) and ends it when
// handled; the TV ends it when its visit ends. Every party is the kiosk its
// signature proves: a TV sees and ends only its own calls, a station only those
// addressed to it.
//
// Held where every server instance reaches them (the server's storage: behind
// two instances a TV's call and its station's poll may reach different ones);
// a call is worth something for minutes and carries no resident's data. Every
// change is one transaction over the small set of calls held (HelpCallStore).
// Bounded: one open call per TV box, ended calls forgotten after a while.
import { HELP_REQUEST_MAX_MINUTES } from '../common/domain/help.js';
import { acknowledgeHelpCallSchema, openHelpCallSchema, type WireHelpCall } from '../offline-store/sync/help-protocol.js';
import { HttpError } from './http-util.js';

/** Ended calls are still answered for this long, so a TV polling hears how its call ended. */
const ENDED_KEPT_MS = 10 * 60_000;
/** A bound on everything held, whatever the number of boxes. */
const MAX_CALLS = 10_000;

/**
 * Runs `work` over every call held, as one transaction: what it changes in the
 * map is written back, and no other instance's change interleaves.
 */
export type HelpCallStore = <T>(work: (calls: Map<string, WireHelpCall>) => T) => Promise<T>;

/** A store in this process's memory: for one process, and for tests. */
export function memoryHelpCallStore(): HelpCallStore {
  const calls = new Map<string, WireHelpCall>();
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(work: (c: Map<string, WireHelpCall>) => T) => {
    const run = queue.then(() => work(calls));
    queue = run.catch(() => undefined);
    return run;
  };
}

export class HelpCallDesk {
  constructor(
    /** Whether a station is registered (the server's storage decides). */
    private readonly stationKnown: (id: string) => Promise<boolean>,
    private readonly now: () => Date,
    private readonly store: HelpCallStore = memoryHelpCallStore(),
  ) {}

  /** TV → station: opens a call, or refreshes the TV's open one with the same id. */
  async open(fromKiosk: string, body: unknown): Promise<WireHelpCall> {
    const parsed = openHelpCallSchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'bad-help-call', 'a help call needs id, toStation, reason and serviceId');
    const o = parsed.data;
    if (o.toStation === fromKiosk) throw new HttpError(422, 'bad-help-call', 'a station does not call its own desk');
    if (!(await this.stationKnown(o.toStation))) throw new HttpError(422, 'unknown-station', 'no station is registered under that id');
    return this.store((calls) => {
      this.sweep(calls);
      const at = this.now().toISOString();
      const existing = calls.get(o.id);
      if (existing) {
        if (existing.fromKiosk !== fromKiosk) throw new HttpError(409, 'help-call-id-taken', 'that call id belongs to another kiosk');
        if (existing.endedAt) throw new HttpError(409, 'help-call-ended', 'that call is over: open a new one');
        const next = { ...existing, reasons: existing.reasons.includes(o.reason) ? existing.reasons : [...existing.reasons, o.reason], serviceId: o.serviceId, lastAskedAt: at, times: existing.times + 1 };
        calls.set(o.id, next);
        return next;
      }
      // One open call per TV: a new one ends the box's earlier call.
      for (const c of calls.values()) if (c.fromKiosk === fromKiosk && !c.endedAt) calls.set(c.id, { ...c, endedAt: at });
      if (calls.size >= MAX_CALLS) throw new HttpError(503, 'busy', 'too many help calls held; try again later');
      const call: WireHelpCall = { id: o.id, fromKiosk, toStation: o.toStation, reasons: [o.reason], serviceId: o.serviceId, openedAt: at, lastAskedAt: at, times: 1, acknowledged: null, endedAt: null };
      calls.set(call.id, call);
      return call;
    });
  }

  /** The open calls addressed to this station, oldest first. */
  forStation(station: string): Promise<WireHelpCall[]> {
    return this.store((calls) => {
      this.sweep(calls);
      return [...calls.values()].filter((c) => c.toStation === station && !c.endedAt).sort((a, b) => a.openedAt.localeCompare(b.openedAt));
    });
  }

  /** One call, for the TV that made it or the station it is addressed to. */
  get(kiosk: string, id: string): Promise<WireHelpCall> {
    return this.store((calls) => {
      this.sweep(calls);
      return mine(calls, kiosk, id, 'either');
    });
  }

  /** The station's specialist answered: the TV learns who, and when. The first answer stands. */
  async acknowledge(station: string, id: string, body: unknown): Promise<WireHelpCall> {
    const parsed = acknowledgeHelpCallSchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'bad-acknowledgement', 'an acknowledgement needs the specialist’s name (by)');
    return this.store((calls) => {
      const call = mine(calls, station, id, 'station');
      if (call.endedAt) throw new HttpError(409, 'help-call-ended', 'that call is over');
      if (call.acknowledged) return call;
      const next = { ...call, acknowledged: { by: parsed.data.by, at: this.now().toISOString() } };
      calls.set(id, next);
      return next;
    });
  }

  /** The TV's visit ended, or the station handled it. Ending twice is no error. */
  end(kiosk: string, id: string): Promise<WireHelpCall> {
    return this.store((calls) => {
      const call = mine(calls, kiosk, id, 'either');
      if (call.endedAt) return call;
      const next = { ...call, endedAt: this.now().toISOString() };
      calls.set(id, next);
      return next;
    });
  }

  /** Calls nobody asked again for in HELP_REQUEST_MAX_MINUTES end; ended ones go after a while. */
  private sweep(calls: Map<string, WireHelpCall>): void {
    const now = this.now().getTime();
    const at = this.now().toISOString();
    for (const c of calls.values()) {
      if (!c.endedAt && now - Date.parse(c.lastAskedAt) >= HELP_REQUEST_MAX_MINUTES * 60_000) calls.set(c.id, { ...c, endedAt: at });
      else if (c.endedAt && now - Date.parse(c.endedAt) >= ENDED_KEPT_MS) calls.delete(c.id);
    }
  }
}

function mine(calls: Map<string, WireHelpCall>, kiosk: string, id: string, who: 'station' | 'either'): WireHelpCall {
  const call = calls.get(id);
  const allowed = call && (call.toStation === kiosk || (who === 'either' && call.fromKiosk === kiosk));
  // Someone else's call is as unknown as one that never was: its existence is not theirs to learn.
  if (!call || !allowed) throw new HttpError(404, 'no-help-call', 'no such help call');
  return call;
}
