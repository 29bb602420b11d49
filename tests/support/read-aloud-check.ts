// "Every screen can be read aloud", checked as a resident who cannot read would
// find out: press 朗读 and compare what the station was asked to speak with the
// words on the screen. Words in buttons (said by the question when they matter),
// the step counter, the microphone bar and status lines (已输入 3 位, which
// change with every key) are left out; every other run of Chinese characters in
// the screen's content must be spoken. Digits are not compared: they are spoken
// as words (幺三八…), which is the point.
import type { Page } from 'playwright-core';

/** Records what the page asks the station to speak (the speech:synthesize calls on its WebSocket). */
export function recordSpeech(page: Page): string[] {
  const said: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', (f) => {
      if (typeof f.payload !== 'string') return;
      const m = JSON.parse(f.payload) as { type?: string; channel?: string; args?: { text?: unknown } };
      if (m.type === 'call' && m.channel === 'speech:synthesize') said.push(String(m.args?.text ?? ''));
    }),
  );
  return said;
}

/** Presses 朗读 (stopping the screen's own prompt first) and returns what was spoken and which words of the screen were not. */
export async function readAloud(page: Page, said: string[]): Promise<{ spoken: string; unread: string[] }> {
  const button = page.locator('[data-nav="read-aloud"]');
  if ((await button.getAttribute('aria-pressed')) === 'true') {
    await button.evaluate((b: HTMLElement) => b.click());
    await page.waitForFunction(() => document.querySelector('[data-nav="read-aloud"]')?.getAttribute('aria-pressed') !== 'true');
  }
  const before = said.length;
  await button.evaluate((b: HTMLElement) => b.click());
  for (let i = 0; i < 100 && said.length === before; i++) await page.waitForTimeout(50);
  const spoken = said.slice(before).join('');
  // Text node by text node, so list items are not run together.
  const shown = await page.evaluate(() => {
    const skip = 'button, .voice-bar, .step-indicator, [role="status"], [aria-hidden="true"], .visually-hidden';
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    const texts: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.closest(skip)) texts.push(n.textContent ?? '');
    return texts;
  });
  const runs = [...new Set(shown.flatMap((t) => t.match(/[\u4e00-\u9fff]+/g) ?? []))];
  if ((await button.getAttribute('aria-pressed')) === 'true') await button.evaluate((b: HTMLElement) => b.click());
  return { spoken, unread: runs.filter((r) => !spoken.includes(r)) };
}
