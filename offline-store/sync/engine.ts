// The sync engine: a loop that uploads the outbox, then reads the change feed
// (status changes of this station's applications, catalogue updates), then
// waits for the interval, a trigger (a new submission) or, after a failure, a
// backoff with full jitter (never shorter than a Retry-After the server sent).
// Uploads come first and never wait on the feed: a broken feed costs news, not
// residents' applications. Every loop is bounded. Link awareness comes from the
// outcome of every request.
// Sync failures are status, not exceptions: syncNow() resolves with the outcome.
import type { SyncStatus } from '../../common/domain/status.js';
import type { SyncConfig } from '../config.js';
import { StoreError } from '../db/errors.js';
import type { OfflineStore } from '../store.js';
import { fullJitterDelay } from './backoff.js';
import type { SyncClient } from './client.js';
import { SyncError } from './errors.js';
import { Uploader } from './uploader.js';

const WAL_CHECKPOINT_BYTES = 32 * 1024 * 1024;

export interface SyncLog {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
}

export interface SyncEngineOptions {
  store: OfflineStore;
  client: SyncClient;
  config: SyncConfig;
  log: SyncLog;
  onStatus?: (s: SyncStatus) => void;
  now?: () => Date;
  random?: () => number;
  /** Purge completed applications' personal data after this many days (checked hourly). */
  retentionDays?: number;
}

export interface SyncPassResult {
  accepted: number;
  rejected: number;
  downloaded: number;
  error: { code: string; message: string } | null;
}

export class SyncEngine {
  private st: SyncStatus = { online: false, syncing: false, lastSuccessAt: null, pendingCount: 0, pendingBytes: 0, lastError: null };
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SyncPassResult> | null = null;
  private again = false;
  private failures = 0;
  /** The server's Retry-After from the last failed pass: the next one waits at least this. */
  private retryAfterMs = 0;
  private stopped = true;
  private lastPurge = 0;
  private readonly now: () => Date;

  constructor(private readonly o: SyncEngineOptions) {
    this.now = o.now ?? (() => new Date());
    const saved = o.store.outbox.getState('status');
    if (saved) {
      const s = JSON.parse(saved) as Partial<SyncStatus>;
      this.st = { ...this.st, lastSuccessAt: s.lastSuccessAt ?? null, lastError: s.lastError ?? null };
    }
    this.refreshPending();
  }

  get status(): SyncStatus {
    return this.st;
  }

  /** How long after the last pass the next one is due (null before the first pass). */
  get nextPassDelayMs(): number | null {
    return this.nextDelayMs;
  }

  private nextDelayMs: number | null = null;

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Something new is in the outbox: sync soon (now if idle, right after the current pass if not). */
  trigger(): void {
    this.refreshPending();
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Runs a pass now (or joins the one running) and returns its outcome. */
  syncNow(): Promise<SyncPassResult> {
    if (this.running) {
      this.again = true;
      return this.running.then(() => this.syncNow());
    }
    return this.runPass();
  }

  /** Called after a request outside the loop (a live query) so the link flag stays true to reality. */
  noteOutcome(error: unknown): void {
    if (!error) this.update({ online: true });
    else if (error instanceof SyncError) this.update({ online: error.reachedServer });
  }

  refreshPending(): void {
    try {
      const p = this.o.store.outbox.stats();
      this.update({ pendingCount: p.count, pendingBytes: p.bytes });
    } catch {
      // the store reports its own health; the figure simply stays as it was
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => {});
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runPass();
    }, delayMs);
    this.timer.unref?.();
  }

  private runPass(): Promise<SyncPassResult> {
    if (this.running) return this.running;
    this.again = false;
    // pass() never rejects: every failure is folded into its result.
    const p = this.pass().then((r) => {
      this.running = null;
      const { backoffBaseMs, backoffMaxMs, intervalSeconds } = this.o.config;
      const backoff = () => Math.max(fullJitterDelay(this.failures, backoffBaseMs, backoffMaxMs, this.o.random), this.retryAfterMs);
      this.nextDelayMs = r.error ? backoff() : this.again ? 0 : intervalSeconds * 1000;
      this.schedule(this.nextDelayMs);
      return r;
    });
    this.running = p;
    return p;
  }

  private async pass(): Promise<SyncPassResult> {
    const result: SyncPassResult = { accepted: 0, rejected: 0, downloaded: 0, error: null };
    let progressed = false;
    this.update({ syncing: true });
    try {
      const onProgress = () => {
        progressed = true;
        this.refreshPending();
      };
      let uploadError: unknown = null;
      try {
        const up = await new Uploader(this.o.store, this.o.client, this.o.config, (fn) => this.call(fn), onProgress).run();
        result.accepted = up.accepted;
        result.rejected = up.rejected;
      } catch (e) {
        uploadError = e;
      }
      // The feed is read even after an upload failed (a refused batch must not hide a
      // rejection the office sent), but not when the link is plainly down or the
      // server asked to be left alone for a while.
      const holdOff = uploadError instanceof SyncError && (!uploadError.reachedServer || uploadError.retryAfterMs !== null);
      if (!holdOff) {
        try {
          result.downloaded = await this.download();
        } catch (e) {
          uploadError ??= e;
        }
      }
      if (uploadError) throw uploadError;
      this.failures = 0;
      this.retryAfterMs = 0;
      this.update({ online: true, lastSuccessAt: this.now().toISOString(), lastError: null });
      if (result.accepted || result.rejected) this.o.log.info('sync pass', { accepted: result.accepted, rejected: result.rejected, downloaded: result.downloaded });
    } catch (e) {
      // Backoff grows with failures in a row that moved nothing. A long upload cut
      // by a reset every 30 s is making progress: it retries soon, not after a minute.
      this.failures = progressed ? 1 : this.failures + 1;
      this.retryAfterMs = e instanceof SyncError ? (e.retryAfterMs ?? 0) : 0;
      const code = e instanceof SyncError ? e.code : e instanceof StoreError ? `store-${e.code}` : 'internal';
      const message = e instanceof SyncError || e instanceof StoreError ? e.message : '同步出错 (sync failed)';
      result.error = { code, message };
      this.update({ lastError: result.error, ...(e instanceof SyncError ? { online: e.reachedServer } : {}) });
      this.o.log.warn('sync pass failed', { code, failures: this.failures });
    } finally {
      this.refreshPending();
      this.update({ syncing: false });
      this.housekeeping();
      this.persist();
    }
    return result;
  }

  /**
   * Reads at most `maxFeedPages` pages: a feed that always says `more` (or never
   * moves its cursor) ends the read, and what is left waits for the next pass.
   */
  private async download(): Promise<number> {
    let cursor = Number(this.o.store.outbox.getState('cursor') ?? 0);
    let applied = 0;
    for (let pages = 0; pages < this.o.config.maxFeedPages; pages++) {
      const page = await this.call(() => this.o.client.changes(cursor));
      for (const c of page.changes) if (this.o.store.outbox.applyChange(c)) applied++;
      if (page.more && page.nextCursor === cursor) throw new SyncError('bad-response', 'the change feed says there is more but its cursor does not move');
      cursor = page.nextCursor;
      this.o.store.outbox.setState('cursor', String(cursor));
      if (!page.more || page.changes.length === 0) return applied;
    }
    this.o.log.warn('change feed not finished within one pass', { pages: this.o.config.maxFeedPages });
    return applied;
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      const v = await fn();
      if (!this.st.online) this.update({ online: true });
      return v;
    } catch (e) {
      this.noteOutcome(e);
      throw e;
    }
  }

  private housekeeping(): void {
    try {
      // Idle, or a WAL grown large through a long offline spell: fold it back now,
      // between passes, rather than ever inside a resident's enqueue.
      if (this.st.pendingCount === 0 || this.o.store.walBytes() > WAL_CHECKPOINT_BYTES) this.o.store.checkpoint();
      const now = this.now().getTime();
      if (this.o.retentionDays && now - this.lastPurge > 3_600_000) {
        this.lastPurge = now;
        this.o.store.purgeExpired(this.o.retentionDays);
      }
    } catch {
      // health is reported by the store; housekeeping tries again next pass
    }
  }

  /** Kept in the store so `npx xiangyin sync status` can tell what the kiosk last saw. */
  private persist(): void {
    try {
      this.o.store.outbox.setState('status', JSON.stringify({ ...this.st, savedAt: this.now().toISOString() }));
    } catch {
      // same as above
    }
  }

  private update(patch: Partial<SyncStatus>): void {
    const next = { ...this.st, ...patch };
    if (JSON.stringify(next) === JSON.stringify(this.st)) return;
    this.st = next;
    try {
      this.o.onStatus?.(next);
    } catch {
      // a listener's failure is not a sync failure
    }
  }
}
