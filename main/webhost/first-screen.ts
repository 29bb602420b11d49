// The kiosk's first screen (common/ipc/first-screen.ts), asked of the station's
// dispatcher exactly as the page would ask over its socket: the same channels,
// the same checks of their answers, the kiosk's own surface. Served by the web
// host at FIRST_SCREEN_PATH (server.ts).
import type { FirstScreenData } from '../../common/ipc/first-screen.js';
import type { ResultOf } from '../../common/ipc/contract.js';
import type { Dispatcher } from '../core/dispatcher.js';

/** No desk session can belong to it: no socket of that name exists. */
const CONTEXT = { host: 'web', connection: 'first-screen', surface: 'kiosk' } as const;

/** Both answers, or null when either channel failed (the page then asks over its socket). */
export async function firstScreenData(dispatcher: Dispatcher): Promise<FirstScreenData | null> {
  const [appInfo, catalogue] = await Promise.all([dispatcher.call('app:info', {}, CONTEXT), dispatcher.call('catalogue:list', {}, CONTEXT)]);
  if (!appInfo.ok || !catalogue.ok) return null;
  return { appInfo: appInfo.value as ResultOf<'app:info'>, catalogue: catalogue.value as ResultOf<'catalogue:list'> };
}
