// The usual start of an end-to-end file: a real kiosk process, Chromium, and one
// page opened from the kiosk's launch URL on its home screen (its tiles shown).
// What must see the page from its first frame (a recorder of what it says or
// sends, a camera permission) goes in `beforeHome`. close() is the file's
// afterAll; a start that fails half-way closes what it had opened.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startKiosk, type KioskProcess } from './kiosk-process.js';
import { launchBrowser, newKioskPage } from './browser.js';

/** A TV box: no card reader and no printer. */
export const TV_BOX_CONFIG = { uiMode: 'tv', devices: { idcard: { type: 'none' }, printer: { type: 'none' } } };

export interface OpenKiosk {
  readonly kiosk: KioskProcess;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

export async function openKiosk(
  opts: { config?: Record<string, unknown>; browserArgs?: string[]; beforeHome?: (opened: Omit<OpenKiosk, 'close'>) => void | Promise<void> } = {},
): Promise<OpenKiosk> {
  const kiosk = await startKiosk(opts.config ? { config: opts.config } : {});
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await kiosk.stop();
  };
  try {
    browser = await launchBrowser(opts.browserArgs);
    const { context, page } = await newKioskPage(browser);
    await opts.beforeHome?.({ kiosk, browser, context, page });
    await page.goto(await kiosk.launchUrl());
    await page.waitForSelector('.tile');
    return { kiosk, browser, context, page, close };
  } catch (e) {
    await close();
    throw e;
  }
}
