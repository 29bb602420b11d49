// The TV's one-time code step, once for every TV test that keys a number: after
// the number's read-back the TV texts a code to the phone on file; the test reads
// it from the simulated SMS gateway's outbox (as the family reads their phone)
// and keys it with the remote's digits, then OK. Waits for states, never for time.
import type { Page } from 'playwright-core';

/** Where the test reads the texts the simulated gateway "sent": the TV's embedded server, through its test control. */
export interface SmsOutboxReader {
  control<T = unknown>(service: string, method: string, ...args: unknown[]): Promise<T>;
}

const CODE = /验证码是(\d{6})/;

/** The code of the newest text in the outbox (waits for one to be there). */
export async function latestCode(kiosk: SmsOutboxReader, timeoutMs = 30_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const messages = await kiosk.control<{ text: string }[]>('embedded-sync-server', 'smsOutbox');
    const code = CODE.exec(messages[0]?.text ?? '')?.[1];
    if (code) return code;
    if (Date.now() > until) throw new Error('no one-time code in the simulated SMS outbox');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * On the code screen (after the number's read-back was confirmed): keys the code
 * from the outbox and confirms it, then waits for the code screen to go.
 * `onCodeScreen` runs once the screen is up (a screenshot, a check).
 */
export async function enterTvCode(page: Page, kiosk: SmsOutboxReader, opts: { onCodeScreen?: () => Promise<void> } = {}): Promise<void> {
  await page.waitForSelector('[data-screen="identify-code"] [data-testid="code-sent"]', { timeout: 60_000 });
  await opts.onCodeScreen?.();
  const code = await latestCode(kiosk);
  await page.keyboard.type(code);
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-action') === 'confirm-code', null, { timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('[data-screen^="identify-code"]'), null, { timeout: 60_000 });
}

/** Keys `idNumber` on the TV's keypad, confirms its read-back and keys its one-time code: the whole keyed identity of a visit. */
export async function keyIdentityOnTv(page: Page, kiosk: SmsOutboxReader, idNumber: string): Promise<void> {
  await page.waitForSelector('[data-screen="identify-keyed"]');
  await page.keyboard.type(idNumber);
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-action') === 'confirm-id', null, { timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="id-readback"]');
  await page.keyboard.press('Enter'); // 是, focused
  await enterTvCode(page, kiosk);
}
