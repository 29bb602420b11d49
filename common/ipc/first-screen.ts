// What the kiosk's first screen needs from the station, in one answer the web
// host serves over HTTP (FIRST_SCREEN_PATH) before the page's socket is open:
// the page draws its tiles from it at once, and opens its socket meanwhile
// for everything after. The same two answers the page would otherwise ask for
// over the socket (app:info, catalogue:list), from the same handlers.
import type { ResultOf } from './contract.js';

export interface FirstScreenData {
  readonly appInfo: ResultOf<'app:info'>;
  readonly catalogue: ResultOf<'catalogue:list'>;
}
