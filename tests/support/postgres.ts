// Fresh PostgreSQL databases for tests, in the run's throwaway cluster
// (postgres-global-setup.ts): one per server under test, so tests never see
// each other's rows. `storages` lists the storages a parameterised suite runs
// against: SQLite always, PostgreSQL when the cluster is there.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { findPgBin } from './postgres-cluster.js';

export type StorageKind = 'sqlite' | 'postgres';

export function postgresAvailable(): boolean {
  return inject('postgresUrl') !== null;
}

/** The storages to run a protocol suite against. */
export const storages: StorageKind[] = postgresAvailable() ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  name: string;
  url: string;
  /** Everything the database administrator can read: a plain pg_dump. */
  dump(): string;
}

/** A new, empty database in the test cluster. */
export async function freshDatabase(): Promise<TestDatabase> {
  const admin = inject('postgresUrl');
  if (!admin) throw new Error('no PostgreSQL test cluster (install the Debian package postgresql)');
  const name = `xy_${crypto.randomBytes(6).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  const url = withDatabase(admin, name);
  return {
    name,
    url,
    dump: () => {
      const bin = findPgBin();
      if (!bin) throw new Error('pg_dump not found');
      return execFileSync(path.join(bin, 'pg_dump'), ['--no-owner', `--dbname=${url}`], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    },
  };
}

/** The same URL naming another database (a socket URL, postgres://user@/db?host=…, is no WHATWG URL). */
export function withDatabase(url: string, database: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^/]*\/)[^?]*/, `$1${database}`);
}
