// Start-up phases, each logged once with the time since this process started
// (performance.now() counts from the process's start), so a slow start can be
// read phase by phase on a box's log; bench:startup prints them side by side.
import { performance } from 'node:perf_hooks';
import type { Logger } from './logger.js';

export function startupMark(log: Logger, phase: string): void {
  log.info('startup', { phase, ms: Math.round(performance.now()) });
}

/** A mark for something that happens many times (a page request, a socket): only its first time is a start-up phase. */
export function firstTimeMark(log: Logger, phase: string): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    startupMark(log, phase);
  };
}

/**
 * One turn of the event loop. The web host serves Chromium's first requests
 * while the station starts; a start that is one synchronous block (awaits on
 * work already done yield to nothing) would hold them all until its end.
 */
export function nextTurn(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}
