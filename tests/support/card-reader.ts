// The ID-card reader's simulator, driven as a resident's hand would be, for tests.
import { expect } from 'vitest';
import type { KioskProcess } from './kiosk-process.js';

/**
 * Takes the card off the reader and waits until the reader has noticed, as a hand is slower than
 * its polling. `present`, not `card`: a card that failed to read has no `card` while it lies there.
 */
export async function takeCardAway(kiosk: Pick<KioskProcess, 'control' | 'ipc'>): Promise<void> {
  await kiosk.control('idcard-simulator', 'removeCard');
  await expect
    .poll(async () => {
      const r = await kiosk.ipc<{ present: boolean }>('idcard:current', {});
      return r.ok && !r.value.present;
    }, { timeout: 30_000 })
    .toBe(true);
}
