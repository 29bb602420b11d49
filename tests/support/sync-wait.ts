// Waiting for what a sync brings to show on the page. The kiosk syncs by
// itself, but an attempt that fails on a busy machine is retried after a
// backoff that may outlast a test's wait: so, until `selector` shows, the test
// asks for a sync every 2 s, as a specialist's 立即同步 would. The state is
// waited for, never a time. (Where a test is about the kiosk's own retry, it
// waits for the page alone instead.)
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { KioskProcess } from './kiosk-process.js';

export async function untilSynced(page: Page, kiosk: KioskProcess, selector: string, timeoutMs: number): Promise<void> {
  await expect
    .poll(
      async () => {
        if ((await page.locator(selector).count()) > 0) return true;
        await kiosk.control('sync', 'syncNow').catch(() => undefined);
        return false;
      },
      { timeout: timeoutMs, interval: 2000, message: `${selector} did not show within ${timeoutMs / 1000} s of asking for syncs` },
    )
    .toBe(true);
}
