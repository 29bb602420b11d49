// The station, started the first time something needs it: the page's socket,
// a desk, a test control, or the first screen's data when none is kept
// (first-screen-cache.ts). On a box's two or four cores its start (loading
// its code, opening the store, the devices, the speech model) would otherwise
// run beside Chromium's own start and slow it; started once the page has
// drawn its first screen from the kept answer, it no longer does. Whatever
// asks for it meanwhile waits for it, as it waited for a station still
// starting before; nothing is refused.
import type { Station } from '../core/station.js';
import type { Logger } from '../core/logger.js';
import { startupMark } from '../core/startup-trace.js';

/** What the web hosts are given: the station, its promise, or a getter that starts it. */
export type StationSource = Station | Promise<Station> | ((why: string) => Promise<Station>);

/** `source` as a getter; `why` names what needs the station (logged once, by a lazy station). */
export function stationGetter(source: StationSource): (why: string) => Promise<Station> {
  if (typeof source === 'function') return source;
  const ready = Promise.resolve(source);
  // A station that fails to start is the launcher's to report (it exits); here it only must not be an unhandled rejection.
  ready.catch(() => undefined);
  return () => ready;
}

export interface LazyStation {
  /** The station, starting it now if nothing has yet. */
  get(why: string): Promise<Station>;
  /** The station once something has started it and it is up (or failed to start); starts nothing. */
  readonly started: Promise<Station>;
  /** Whether it has been started (it may still be starting). */
  readonly begun: boolean;
  /** Whether it has started and answers. */
  readonly ready: boolean;
  /** Disposes of it if it was started (waiting for it to finish starting); nothing otherwise. */
  dispose(): Promise<void>;
}

export function lazyStation(create: () => Promise<Station>, log: Logger): LazyStation {
  let station: Promise<Station> | null = null;
  let ready = false;
  let begin!: (s: Promise<Station>) => void;
  const started = new Promise<Station>((resolve) => (begin = resolve));
  started.catch(() => undefined);
  return {
    started,
    get(why) {
      if (!station) {
        log.info('station starting', { why });
        startupMark(log, 'station starting');
        station = create();
        begin(station);
        station.then(
          () => (ready = true),
          () => undefined,
        );
      }
      return station;
    },
    get begun() {
      return station !== null;
    },
    get ready() {
      return ready;
    },
    async dispose() {
      // A station that failed to start has nothing to dispose (the launcher says why).
      await station?.then((s) => s.dispose(), () => undefined);
    },
  };
}
