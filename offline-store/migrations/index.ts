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

/** Returns the versions applied. Refuses a database from a newer kiosk. */
export function migrate(db: Db, list: readonly Migration[] = migrations): number[] {
  const latest = list.length;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new StoreError('too-new', `数据库版本 ${current} 比本程序支持的 ${latest} 新，请升级程序 (database schema ${current} is newer than this kiosk's ${latest})`);
  }
  const applied: number[] = [];
  for (const m of list) {
    if (m.version <= current) continue;
    guarded(() =>
      db.transaction(() => {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }).immediate(),
    );
    applied.push(m.version);
  }
  return applied;
}
