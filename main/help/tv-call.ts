// A TV box's own call for help: sent through the sync server to the station the
// box's config names (help.station), then followed every few seconds until the
// station's specialist acknowledges it (the TV then says 工作人员会给您打电话)
// or ends it. The call ends with the family's visit (their session cleared):
// the server is told, so the desk's list drops it too. One call at a time;
// calling again refreshes it.
import { randomUUID } from 'node:crypto';
import type { HelpReason, HelpRequest } from '../../common/domain/help.js';
import type { ServiceId } from '../../common/domain/catalogue-summary.js';
import type { WireHelpCall } from '../../offline-store/sync/help-protocol.js';
import { SyncError } from '../../offline-store/sync/errors.js';
import type { DeskAuditEntry } from '../specialist/session.js';
import { HelpUnreachableError } from './station-inbox.js';
import { fromWire, type HelpCallsRemote } from './remote.js';

export interface TvHelpCallOptions {
  remote: () => HelpCallsRemote | undefined;
  /** The station whose desk takes this box's calls. */
  station: string;
  pollMs: number;
  audit: (e: DeskAuditEntry) => void;
  onChange: (state: { open: boolean; acknowledged: boolean }) => void;
  onPollError?: (e: Error) => void;
  newId?: () => string;
  /** The number the family's one-time code opened in this visit (tv-grants.ts): the desk then learns who to ring back. */
  checkedIdNumber?: () => string | null;
}

export class TvHelpCall {
  private call: WireHelpCall | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly o: TvHelpCallOptions) {}

  async request(reason: HelpReason, serviceId: ServiceId | null): Promise<{ request: HelpRequest; refreshed: boolean }> {
    const remote = this.o.remote();
    if (!remote) throw new HelpUnreachableError('这台电视没有连上服务站');
    const open = this.call;
    let call: WireHelpCall;
    try {
      const checked = this.o.checkedIdNumber?.() ?? null;
      call = await remote.openHelpCall({ id: open?.id ?? (this.o.newId ?? randomUUID)(), toStation: this.o.station, reason, serviceId, ...(checked ? { checkedIdNumber: checked } : {}) });
    } catch (e) {
      // The station ended the call meanwhile: this is a new one.
      if (open && e instanceof SyncError && (e.httpStatus === 409 || e.httpStatus === 404)) {
        this.call = null;
        return this.request(reason, serviceId);
      }
      if (e instanceof SyncError) throw new HelpUnreachableError(`没有连上服务站（${e.code}），请稍后再按一次`);
      throw e;
    }
    this.call = call;
    this.o.audit({ actor: { kind: 'system' }, action: open ? 'help.requested-again' : 'help.requested', subjectId: call.id, detail: `reason=${reason} screen=${serviceId ?? 'home'} to=${this.o.station}` });
    this.startPolling();
    this.changed();
    return { request: fromWire(call), refreshed: open !== null };
  }

  /** The family's visit is over: the call ends here and, as far as the link allows, at the station. */
  async clear(): Promise<void> {
    const open = this.call;
    if (!open) return;
    this.call = null;
    this.stopPolling();
    this.o.audit({ actor: { kind: 'system' }, action: 'help.cleared', subjectId: open.id, detail: 'resident-session-cleared' });
    this.changed();
    try {
      await this.o.remote()?.endHelpCall(open.id);
    } catch (e) {
      // The station's list drops it when it expires; nothing of the family's is in it.
      this.o.onPollError?.(e as Error);
    }
  }

  /** Asks the server how the call stands (also run every pollMs while it is open). */
  async poll(): Promise<void> {
    const open = this.call;
    const remote = this.o.remote();
    if (!open || !remote) return;
    try {
      const now = await remote.helpCall(open.id);
      if (this.call?.id !== open.id) return; // cleared or replaced meanwhile
      this.call = now.endedAt ? null : now;
    } catch (e) {
      if (e instanceof SyncError && e.httpStatus === 404 && this.call?.id === open.id) this.call = null;
      else return this.o.onPollError?.(e as Error);
    }
    if (!this.call) this.stopPolling();
    this.changed();
  }

  state(): { open: boolean; acknowledged: boolean } {
    return { open: this.call !== null, acknowledged: this.call?.acknowledged != null };
  }

  dispose(): void {
    this.stopPolling();
  }

  private startPolling(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), this.o.pollMs);
    this.timer.unref();
  }

  private stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private changed(): void {
    this.o.onChange(this.state());
  }
}
