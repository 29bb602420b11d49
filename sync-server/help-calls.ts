// Help calls from TV boxes at home to a station's specialist desk. A TV opens a
// call naming its station; the station's desk fetches the calls addressed to it,
// acknowledges one (the TV then says 工作人员会给您打电话) and ends it when
// handled; the TV ends it when its visit ends. Every party is the kiosk its
// signature proves: a TV sees and ends only its own calls, a station only those
// addressed to it.
//
// Held where every server instance reaches them (the server's storage: behind
// two instances a TV's call and its station's poll may reach different ones);
// a call is worth something for minutes. Every change is one transaction over
// the small set of calls held (HelpCallStore). Bounded: one open call per TV
// box, ended calls forgotten after a while.
//
// Who is calling: a TV that names the number its family's one-time code opened
// on that box gets its caller (masked name and number, the phone on file to
// ring back) attached for the station's desk — only when the server itself finds
// that code keyed back on that box (HelpCallers), sealed at rest, and only in
// the station's listing. Without it the desk learns the box, not the family.
import { HELP_REQUEST_MAX_MINUTES } from '../common/domain/help.js';
import { acknowledgeHelpCallSchema, openHelpCallSchema, type HelpCallerOnFile, type WireHelpCall } from '../offline-store/sync/help-protocol.js';
import { HttpError } from './http-util.js';
import type { StoredHelpCall } from './storage/storage.js';

/** Ended calls are still answered for this long, so a TV polling hears how its call ended. */
const ENDED_KEPT_MS = 10 * 60_000;
/** A bound on everything held, whatever the number of boxes. */
const MAX_CALLS = 10_000;

/**
 * Runs `work` over every call held, as one transaction: what it changes in the
 * map is written back, and no other instance's change interleaves.
 */
export type HelpCallStore = <T>(work: (calls: Map<string, StoredHelpCall>) => T) => Promise<T>;

/** Who is behind a TV's call (server.ts wires them to the one-time codes, the residents' records and the vault). */
export interface HelpCallers {
  /** The caller behind `idNumber`, sealed for the call `callId`, if its code was keyed back on `fromKiosk` lately; else null. */
  sealFor(fromKiosk: string, idNumber: string, callId: string): Promise<string | null>;
  open(callId: string, sealed: string): HelpCallerOnFile;
}

/** What a party is told of a call: never the sealed caller. */
function told(c: StoredHelpCall): WireHelpCall {
  const { callerSealed: _sealed, ...call } = c;
  return call;
}

/** A store in this process's memory: for one process, and for tests. */
export function memoryHelpCallStore(): HelpCallStore {
  const calls = new Map<string, StoredHelpCall>();
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(work: (c: Map<string, StoredHelpCall>) => T) => {
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
    private readonly callers: HelpCallers | null = null,
  ) {}

  /** TV → station: opens a call, or refreshes the TV's open one with the same id. */
  async open(fromKiosk: string, body: unknown): Promise<WireHelpCall> {
    const parsed = openHelpCallSchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'bad-help-call', 'a help call needs id, toStation, reason and serviceId');
    const o = parsed.data;
    if (o.toStation === fromKiosk) throw new HttpError(422, 'bad-help-call', 'a station does not call its own desk');
    if (!(await this.stationKnown(o.toStation))) throw new HttpError(422, 'unknown-station', 'no station is registered under that id');
    const sealed = o.checkedIdNumber && this.callers ? await this.callers.sealFor(fromKiosk, o.checkedIdNumber, o.id) : null;
    return this.store((calls) => {
      this.sweep(calls);
      const at = this.now().toISOString();
      const existing = calls.get(o.id);
      if (existing) {
        if (existing.fromKiosk !== fromKiosk) throw new HttpError(409, 'help-call-id-taken', 'that call id belongs to another kiosk');
        if (existing.endedAt) throw new HttpError(409, 'help-call-ended', 'that call is over: open a new one');
        const next = {
          ...existing,
          reasons: existing.reasons.includes(o.reason) ? existing.reasons : [...existing.reasons, o.reason],
          serviceId: o.serviceId,
          lastAskedAt: at,
          times: existing.times + 1,
          // The family keyed their number (and its code) after calling: the desk learns who it is now.
          callerSealed: sealed ?? existing.callerSealed ?? null,
        };
        calls.set(o.id, next);
        return told(next);
      }
      // One open call per TV: a new one ends the box's earlier call.
      for (const c of calls.values()) if (c.fromKiosk === fromKiosk && !c.endedAt) calls.set(c.id, { ...c, endedAt: at });
      if (calls.size >= MAX_CALLS) throw new HttpError(503, 'busy', 'too many help calls held; try again later');
      const call: StoredHelpCall = { id: o.id, fromKiosk, toStation: o.toStation, reasons: [o.reason], serviceId: o.serviceId, openedAt: at, lastAskedAt: at, times: 1, acknowledged: null, endedAt: null, callerSealed: sealed };
      calls.set(call.id, call);
      return told(call);
    });
  }

  /** The open calls addressed to this station, oldest first, each with its caller when known. */
  async forStation(station: string): Promise<WireHelpCall[]> {
    const open = await this.store((calls) => {
      this.sweep(calls);
      return [...calls.values()].filter((c) => c.toStation === station && !c.endedAt).sort((a, b) => a.openedAt.localeCompare(b.openedAt));
    });
    return open.map((c) => ({ ...told(c), caller: c.callerSealed && this.callers ? this.callers.open(c.id, c.callerSealed) : null }));
  }

  /** One call, for the TV that made it or the station it is addressed to. */
  get(kiosk: string, id: string): Promise<WireHelpCall> {
    return this.store((calls) => {
      this.sweep(calls);
      return told(mine(calls, kiosk, id, 'either'));
    });
  }

  /** The station's specialist answered: the TV learns who, and when. The first answer stands. */
  async acknowledge(station: string, id: string, body: unknown): Promise<WireHelpCall> {
    const parsed = acknowledgeHelpCallSchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'bad-acknowledgement', 'an acknowledgement needs the specialist’s name (by)');
    return this.store((calls) => {
      const call = mine(calls, station, id, 'station');
      if (call.endedAt) throw new HttpError(409, 'help-call-ended', 'that call is over');
      if (call.acknowledged) return told(call);
      const next = { ...call, acknowledged: { by: parsed.data.by, at: this.now().toISOString() } };
      calls.set(id, next);
      return told(next);
    });
  }

  /** The TV's visit ended, or the station handled it. Ending twice is no error. */
  end(kiosk: string, id: string): Promise<WireHelpCall> {
    return this.store((calls) => {
      const call = mine(calls, kiosk, id, 'either');
      if (call.endedAt) return told(call);
      const next = { ...call, endedAt: this.now().toISOString() };
      calls.set(id, next);
      return told(next);
    });
  }

  /** Calls nobody asked again for in HELP_REQUEST_MAX_MINUTES end; ended ones go after a while. */
  private sweep(calls: Map<string, StoredHelpCall>): void {
    const now = this.now().getTime();
    const at = this.now().toISOString();
    for (const c of calls.values()) {
      if (!c.endedAt && now - Date.parse(c.lastAskedAt) >= HELP_REQUEST_MAX_MINUTES * 60_000) calls.set(c.id, { ...c, endedAt: at });
      else if (c.endedAt && now - Date.parse(c.endedAt) >= ENDED_KEPT_MS) calls.delete(c.id);
    }
  }
}

function mine(calls: Map<string, StoredHelpCall>, kiosk: string, id: string, who: 'station' | 'either'): StoredHelpCall {
  const call = calls.get(id);
  const allowed = call && (call.toStation === kiosk || (who === 'either' && call.fromKiosk === kiosk));
  // Someone else's call is as unknown as one that never was: its existence is not theirs to learn.
  if (!call || !allowed) throw new HttpError(404, 'no-help-call', 'no such help call');
  return call;
}
