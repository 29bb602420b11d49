// Vitest globalSetup: one throwaway PostgreSQL cluster for the whole run (the
// suites that run against PostgreSQL each take a fresh database in it, see
// postgres.ts), stopped and removed when the run ends. Where the server
// binaries are missing the PostgreSQL suites are skipped and say so; CI
// installs them (build/apt-packages.txt). XY_POSTGRES_URL names an existing
// server instead (a superuser URL; databases are created in it).
import type { TestProject } from 'vitest/node';
import { findPgBin, startCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the test cluster's `postgres` database, or null when there is none. */
    postgresUrl: string | null;
    postgresSocketDir: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.XY_POSTGRES_URL) {
    project.provide('postgresUrl', process.env.XY_POSTGRES_URL);
    project.provide('postgresSocketDir', null);
    return async () => {};
  }
  if (!findPgBin()) {
    console.warn('SKIPPED: postgresql not installed (the sync server suites run against SQLite only)');
    project.provide('postgresUrl', null);
    project.provide('postgresSocketDir', null);
    return async () => {};
  }
  const cluster = await startCluster();
  project.provide('postgresUrl', cluster.url());
  project.provide('postgresSocketDir', cluster.socketDir);
  return () => cluster.stop();
}
