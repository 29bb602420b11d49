// The first screen's data from the web host (common/ipc/first-screen.ts). The
// page's HTML preloads FIRST_SCREEN_PATH, so the answer is usually in before
// this script runs: the tiles are drawn at once, while the socket opens for
// everything after. It also answers what SESSION_PATH would: 401 is a browser
// without a session.
import type { FirstScreenData } from '../../../common/ipc/first-screen.js';
import { FIRST_SCREEN_PATH } from '../../../common/ipc/paths.js';

/** The data; 'no-session' on a clear 401; null when the host gave nothing usable (the page then asks over its socket). */
export async function fetchFirstScreen(win: Window): Promise<FirstScreenData | 'no-session' | null> {
  try {
    // Same mode and credentials as the HTML's <link rel="preload" as="fetch" crossorigin>, so the preloaded answer is the one used.
    const res = await win.fetch(FIRST_SCREEN_PATH, { credentials: 'same-origin' });
    if (res.status === 401) return 'no-session';
    if (!res.ok) return null;
    const body = (await res.json()) as Partial<FirstScreenData> | null;
    // Our own host's answer, checked by the station against the contract; here only that it is the shape asked for.
    return body?.appInfo && Array.isArray(body.catalogue?.services) ? (body as FirstScreenData) : null;
  } catch {
    return null;
  }
}
