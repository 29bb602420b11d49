// What the printer simulator printed, for tests: waited for, never read too early.
import { expect } from 'vitest';
import type { KioskProcess } from './kiosk-process.js';

/**
 * The printer simulator's jobs once `count` are there. The simulator decodes a job
 * from its end of the serial line after the host's print call has returned, so
 * reading the jobs at once can find none yet: wait for the state, not for time.
 */
export async function printerJobs<J>(kiosk: Pick<KioskProcess, 'control'>, count: number): Promise<J[]> {
  await expect.poll(async () => (await kiosk.control<unknown[]>('printer-simulator', 'jobs')).length, { timeout: 20_000 }).toBe(count);
  return kiosk.control<J[]>('printer-simulator', 'jobs');
}
