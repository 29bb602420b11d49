// The first screen's data (first-screen.ts) as the station last answered it,
// kept in the data folder, so that a kiosk starting again (after every power
// cut) can draw its home screen without waiting for its station: the station
// then starts once the page is up (lazy-station.ts), and no longer competes
// with Chromium's own start for a box's few cores.
//
// The answer is a function of the station config and the host's code alone
// (app:info reads the config; catalogue:list the built-in catalogue and the
// config's ui mode), so it is kept under a key made of both: another config or
// another build never finds it. It holds no personal data (the station's name,
// its link templates, its service titles). Since it is drawn before the station
// could check it, it is trusted only as far as the data folder is: a regular
// file of ours that nobody else may write, else it is not used.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FirstScreenData } from '../../common/ipc/first-screen.js';
import type { Logger } from '../core/logger.js';

export const FIRST_SCREEN_CACHE_FILE = 'first-screen.json';

export interface FirstScreenCache {
  /** The kept answer as JSON, or null when there is none for this key (or it may not be trusted). */
  read(): string | null;
  /** Keeps `data` for the next start, if it differs from what is kept; never throws. */
  write(data: FirstScreenData): void;
}

/**
 * The build's identity, written by scripts/build-host.mjs beside the built
 * launcher (a hash of every file of the build), when `entryFile` is that
 * launcher. Run from TypeScript sources (tests) there is none, and nothing is
 * kept: a build left in dist/ would not be the code running.
 */
export function buildIdOf(entryFile: string): string | null {
  if (!entryFile.endsWith(path.join('dist', 'host', 'launch.js'))) return null;
  try {
    return fs.readFileSync(path.join(path.dirname(entryFile), 'build-id'), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

export function cacheKey(buildId: string, config: unknown): string {
  return crypto.createHash('sha256').update(buildId).update('\0').update(JSON.stringify(config)).digest('hex');
}

/** A file only this process's user can have written: ours, regular, not writable by group or others. */
function trusted(file: string): boolean {
  const st = fs.lstatSync(file);
  return st.isFile() && st.uid === process.getuid?.() && (st.mode & 0o022) === 0;
}

export function firstScreenCache(dataDir: string, key: string, log: Logger): FirstScreenCache {
  const file = path.join(dataDir, FIRST_SCREEN_CACHE_FILE);
  let kept: string | null = null;
  return {
    read() {
      try {
        if (!trusted(file)) {
          log.warn('first screen cache ignored: not a private file of ours');
          return null;
        }
        const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { key?: unknown; data?: unknown };
        if (parsed.key !== key || typeof parsed.data !== 'object' || parsed.data === null) return null;
        kept = JSON.stringify(parsed.data);
        return kept;
      } catch (e) {
        // None yet (the first start), or torn by a power cut mid-write: the station answers instead.
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('first screen cache unreadable', { error: (e as Error).message });
        return null;
      }
    },
    write(data) {
      const json = JSON.stringify(data);
      if (json === kept) return;
      if (kept !== null) log.warn('first screen cache was stale: it is replaced');
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
        fs.writeFileSync(tmp, JSON.stringify({ key, data }), { mode: 0o600 });
        fs.renameSync(tmp, file);
        kept = json;
      } catch (e) {
        // A full disk costs the next start its head start, nothing more.
        log.warn('first screen cache not written', { error: (e as Error).message });
        try {
          fs.rmSync(tmp, { force: true });
        } catch {
          // There was no folder to write it in.
        }
      }
    },
  };
}
