// Everything the core takes from its surroundings, passed in so tests can pass
// their own: where data lives, the clock, the logger, and how secrets are kept.
import os from 'node:os';
import path from 'node:path';
import { createLogger, type Logger } from './logger.js';

/** Wraps/unwraps small secrets (the database key). Electron uses safeStorage; the web host a 0600 key file. */
export interface SecretStore {
  readonly kind: 'electron-safe-storage' | 'key-file' | 'memory';
  /** Returns the secret named `name`, creating it with `create()` the first time. */
  getOrCreate(name: string, create: () => Buffer): Promise<Buffer>;
}

export interface Platform {
  readonly dataDir: string;
  readonly now: () => Date;
  readonly log: Logger;
  readonly secrets: SecretStore;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The user's data folder, following the XDG base directory convention. */
export function defaultDataDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const base = env.XDG_DATA_HOME || path.join(env.HOME || os.homedir(), '.local', 'share');
  return path.join(base, 'xiangyin');
}

export function nodePlatform(opts: { dataDir: string; secrets: SecretStore; log?: Logger }): Platform {
  return {
    dataDir: opts.dataDir,
    now: () => new Date(),
    log: opts.log ?? createLogger('station'),
    secrets: opts.secrets,
    env: process.env,
  };
}
