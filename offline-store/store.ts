// The kiosk's offline store: one encrypted SQLite file, migrated on open, with a
// repository per concept. Health (ok / error with plain words) is reported to a
// listener so the specialist sees a full disk or a damaged file at once, and
// every failure reaches the caller as a typed StoreError: nothing is dropped.
import { DEFAULT_TIME_ZONE } from '../common/time/zoned.js';
import crypto from 'node:crypto';
import type { ApplicationStatus } from '../common/domain/application.js';
import fs from 'node:fs';
import { classifySqliteError, StoreError } from './db/errors.js';
import { openEncryptedDatabase, type Db } from './db/open.js';
import { migrate, schemaVersion } from './migrations/index.js';
import { DATABASE_KEY_NAME, type SecretStore } from './keys/secret-store.js';
import { makeSubjectKeyer, type RepoContext } from './repo/context.js';
import { ApplicationsRepo } from './repo/applications.js';
import { OutboxRepo } from './repo/outbox.js';
import { QueryCacheRepo } from './repo/query-cache.js';
import { AuditRepo } from './repo/audit.js';
import { RecordsRepo } from './repo/records.js';
import { purgeExpired, type PurgeResult } from './retention.js';

export type StoreHealth = { state: 'ok' } | { state: 'error'; code: StoreError['code']; message: string };

export interface OpenStoreOptions {
  file: string;
  secrets: SecretStore;
  now?: () => Date;
  /** The station's time zone (tracking numbers carry its calendar day); default Asia/Shanghai. */
  timeZone?: string;
  readonly?: boolean;
  onHealth?: (h: StoreHealth) => void;
}

export interface StoreStats {
  file: string;
  schemaVersion: number;
  fileBytes: number;
  walBytes: number;
  applications: Record<string, number>;
  pendingCount: number;
  pendingBytes: number;
  auditEntries: number;
  cachedQueries: number;
  ratings: number;
}

export class OfflineStore {
  readonly applications: ApplicationsRepo;
  readonly outbox: OutboxRepo;
  readonly cache: QueryCacheRepo;
  readonly audit: AuditRepo;
  readonly records: RecordsRepo;
  private readonly ctx: RepoContext;
  private health: StoreHealth = { state: 'ok' };
  private closed = false;
  private depth = 0;
  private queued: { id: string; status: ApplicationStatus }[] = [];
  private readonly changeListeners = new Set<(id: string, status: ApplicationStatus) => void>();

  private constructor(
    readonly file: string,
    private readonly db: Db,
    key: Buffer,
    now: () => Date,
    timeZone: string,
    private readonly onHealth: (h: StoreHealth) => void,
  ) {
    this.ctx = {
      db,
      now,
      timeZone,
      guard: (fn) => this.guard(fn),
      subjectKey: makeSubjectKeyer(key),
      changed: (id, status) => void this.queued.push({ id, status }),
    };
    this.applications = new ApplicationsRepo(this.ctx);
    this.outbox = new OutboxRepo(this.ctx);
    this.cache = new QueryCacheRepo(this.ctx);
    this.audit = new AuditRepo(this.ctx);
    this.records = new RecordsRepo(this.ctx);
  }

  /** Opens (creating if needed) and migrates. Throws StoreError: wrong-key, corrupt, too-new, read-only, disk-full. */
  static async open(opts: OpenStoreOptions): Promise<OfflineStore> {
    const key = await opts.secrets.getOrCreate(DATABASE_KEY_NAME, () => crypto.randomBytes(32));
    const db = openEncryptedDatabase({ file: opts.file, key, readonly: opts.readonly ?? false });
    try {
      if (!opts.readonly) migrate(db);
      else if (schemaVersion(db) === 0) throw new StoreError('not-found', '数据库还没有建立 (the store has not been created yet)');
      return new OfflineStore(opts.file, db, key, opts.now ?? (() => new Date()), opts.timeZone ?? DEFAULT_TIME_ZONE, opts.onHealth ?? (() => {}));
    } catch (e) {
      db.close();
      throw e;
    }
  }

  /** Status changes of applications, after they are committed. Returns an unsubscribe function. */
  onApplicationChanged(listener: (id: string, status: ApplicationStatus) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  get currentHealth(): StoreHealth {
    return this.health;
  }

  purgeExpired(retentionDays: number): PurgeResult {
    return purgeExpired(this.ctx, retentionDays);
  }

  /** Folds the WAL back into the file; called when the kiosk is idle, never on the enqueue path. */
  checkpoint(): void {
    this.guard(() => this.db.pragma('wal_checkpoint(PASSIVE)'));
  }

  /** Size of the write-ahead log: the engine checkpoints when it grows large even if sync is behind. */
  walBytes(): number {
    return sizeOf(`${this.file}-wal`);
  }

  /** The newest audit entries first (the technician's and the tests' view of who did what). */
  recentAudit(limit = 20): ReturnType<AuditRepo['recent']> {
    return this.audit.recent(limit);
  }

  stats(): StoreStats {
    return this.guard(() => {
      const byStatus = this.db.prepare('SELECT status, count(*) AS n FROM applications GROUP BY status').all() as { status: string; n: number }[];
      const count = (table: string) => (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      const pending = this.outbox.stats();
      return {
        file: this.file,
        schemaVersion: schemaVersion(this.db),
        fileBytes: sizeOf(this.file),
        walBytes: sizeOf(`${this.file}-wal`),
        applications: Object.fromEntries(byStatus.map((r) => [r.status, r.n])),
        pendingCount: pending.count,
        pendingBytes: pending.bytes,
        auditEntries: count('audit_log'),
        cachedQueries: count('query_cache'),
        ratings: count('ratings'),
      };
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      // PASSIVE: never waits for, or gets in the way of, another process reading the file.
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // A read-only or damaged file cannot checkpoint; closing still releases it.
    }
    this.db.close();
  }

  private guard<T>(fn: () => T): T {
    if (this.closed) throw new StoreError('io', '数据库已关闭 (the store is closed)');
    this.depth++;
    try {
      const v = fn();
      if (this.depth === 1) {
        if (this.health.state !== 'ok') this.setHealth({ state: 'ok' });
        this.deliverChanges();
      }
      return v;
    } catch (e) {
      if (this.depth === 1) this.queued = [];
      const err = classifySqliteError(e);
      if (err instanceof StoreError && err.isFatal) this.setHealth({ state: 'error', code: err.code, message: err.message });
      throw err;
    } finally {
      this.depth--;
    }
  }

  private deliverChanges(): void {
    const batch = this.queued;
    this.queued = [];
    for (const c of batch) {
      for (const l of [...this.changeListeners]) {
        try {
          l(c.id, c.status);
        } catch {
          // one listener's failure must not stop the others
        }
      }
    }
  }

  private setHealth(h: StoreHealth): void {
    this.health = h;
    try {
      this.onHealth(h);
    } catch {
      // a listener's failure must not turn a successful write into an error
    }
  }
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
