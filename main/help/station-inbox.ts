// A station's inbox of calls from TV boxes at home, fetched from the sync server
// every few seconds and merged into the desk's list. The specialist's
// acknowledgement and 已处理 go back through the server (signed like every
// request) and are audited under the specialist of the desk session. A server
// out of reach is a quiet miss: the list stays as last known, and the next poll
// tries again; an acknowledgement that cannot reach the server is an error the
// desk shows, never a silent "done".
import type { HelpRequest } from '../../common/domain/help.js';
import { SyncError } from '../../offline-store/sync/errors.js';
import type { DeskAuditEntry } from '../specialist/session.js';
import { HelpRequestError } from './help-requests.js';
import { fromWire, type HelpCallsRemote } from './remote.js';

export class HelpUnreachableError extends Error {
  override name = 'HelpUnreachableError';
}

export interface StationInboxOptions {
  remote: () => HelpCallsRemote | undefined;
  audit: (e: DeskAuditEntry) => void;
  pollMs: number;
  /**
   * Whether anyone is at a desk to see the list: the inbox asks the server only
   * then, so an unwatched station spends none of its weak link on polling.
   */
  watched: () => boolean;
  onPollError?: (e: Error) => void;
}

export class StationHelpInbox {
  private calls: HelpRequest[] = [];
  private readonly listeners = new Set<() => void>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;

  constructor(private readonly o: StationInboxOptions) {}

  start(): void {
    if (this.timer) return;
    void this.poll();
    this.timer = setInterval(() => void this.poll(), this.o.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  open(): HelpRequest[] {
    return this.calls;
  }

  has(id: string): boolean {
    return this.calls.some((c) => c.id === id);
  }

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** One fetch (overlapping polls share it). */
  poll(): Promise<void> {
    this.polling ??= this.fetch().finally(() => (this.polling = null));
    return this.polling;
  }

  async acknowledge(id: string, specialist: { id: string; name: string }): Promise<HelpRequest> {
    const answered = fromWire(await this.ask((r) => r.acknowledgeHelpCall(id, specialist.name)));
    // The answer to an acknowledgement does not repeat who is calling (only the station's listing does): keep what the list knew.
    const known = this.calls.find((c) => c.id === id);
    const call = known ? { ...answered, who: known.who, callBack: known.callBack ?? null } : answered;
    this.o.audit({ actor: { kind: 'specialist', id: specialist.id }, action: 'help.acknowledged', subjectId: id, detail: `from=tv:${call.where.kind === 'tv' ? call.where.box : ''}` });
    this.replace(this.calls.map((c) => (c.id === id ? call : c)));
    return call;
  }

  async resolve(id: string, specialist: { id: string }): Promise<void> {
    await this.ask((r) => r.endHelpCall(id));
    this.o.audit({ actor: { kind: 'specialist', id: specialist.id }, action: 'help.resolved', subjectId: id, detail: 'from=tv' });
    this.replace(this.calls.filter((c) => c.id !== id));
  }

  private async ask<T>(f: (r: HelpCallsRemote) => Promise<T>): Promise<T> {
    const remote = this.o.remote();
    if (!remote) throw new HelpUnreachableError('本机没有连上同步服务器');
    try {
      return await f(remote);
    } catch (e) {
      // Gone (404) or over (409): the next poll drops it from the list.
      if (e instanceof SyncError && (e.httpStatus === 404 || e.httpStatus === 409)) {
        void this.poll();
        throw new HelpRequestError('not-found', '这条呼叫已经结束了');
      }
      if (e instanceof SyncError) throw new HelpUnreachableError(`同步服务器现在连不上（${e.code}），请稍后再试`);
      throw e;
    }
  }

  private async fetch(): Promise<void> {
    const remote = this.o.remote();
    if (!remote || !this.o.watched()) return;
    try {
      this.replace((await remote.helpCallsForMe()).map(fromWire));
    } catch (e) {
      this.o.onPollError?.(e as Error);
    }
  }

  private replace(next: HelpRequest[]): void {
    if (JSON.stringify(next) === JSON.stringify(this.calls)) return;
    this.calls = next;
    for (const l of [...this.listeners]) {
      try {
        l();
      } catch {
        // a closed socket's listener must not stop the others
      }
    }
  }
}
