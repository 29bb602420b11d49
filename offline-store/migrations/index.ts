// Applies pending migrations in order, each in its own transaction together with
// the `user_version` bump, so a crash leaves the file at a whole version.
import type { Db } from '../db/open.js';
import { guarded, StoreError } from '../db/errors.js';
import type { Migration } from './migration.js';
import { migration001 } from './001-initial.js';
import { migration002 } from './002-cache-ratings-devices.js';

export const migrations: readonly Migration[] = [migration001, migration002];
export const LATEST_VERSION = migrations.length;

export function schemaVersion(db: Db): number {
  return guarded(() => db.pragma('user_version', { simple: true }) as number);
}

function tooNew(current: number, latest: number): StoreError {
  return new StoreError('too-new', `数据库版本 ${current} 比本程序支持的 ${latest} 新，请升级程序 (database schema ${current} is newer than this kiosk's ${latest})`);
}

/**
 * Returns the versions applied. Refuses a database from a newer kiosk.
 *
 * Two processes may open one file at once (the kiosk and a technician's CLI, two
 * first starts): each migration takes the write lock first (IMMEDIATE) and reads
 * the version again under it, so the second process waits for the first and then
 * finds the work done, instead of running it twice ("table already exists").
 * A lock held past busy_timeout is a StoreError('busy').
 */
export function migrate(db: Db, list: readonly Migration[] = migrations): number[] {
  const latest = list.length;
  const current = schemaVersion(db);
  if (current > latest) throw tooNew(current, latest);
  const applied: number[] = [];
  for (const m of list) {
    if (m.version <= current) continue;
    const ran = guarded(() =>
      db
        .transaction(() => {
          const now = schemaVersion(db);
          if (now > latest) throw tooNew(now, latest);
          if (now >= m.version) return false; // another process applied it while we waited
          m.up(db);
          db.pragma(`user_version = ${m.version}`);
          return true;
        })
        .immediate(),
    );
    if (ran) applied.push(m.version);
  }
  return applied;
}
