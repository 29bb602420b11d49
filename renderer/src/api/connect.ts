// Chooses the transport at start: the Electron preload when present, otherwise
// the web host's WebSocket (authorised by the session cookie).
import { createKioskApi, type KioskApi } from '../../../common/ipc/client.js';
import type { FirstScreenData } from '../../../common/ipc/first-screen.js';
import { fetchFirstScreen } from './first-screen.js';
import { createPreloadTransport, type PreloadBridge } from './preload-transport.js';
import { createWsTransport, hasSession, wsUrl } from './ws-transport.js';

declare global {
  interface Window {
    kiosk?: PreloadBridge;
  }
}

export class NoSessionError extends Error {}

export interface Connected {
  api: KioskApi;
  transport: 'preload' | 'websocket';
  /** What the first screen draws, when the web host has given it already (null: ask over the transport). */
  firstScreen: FirstScreenData | null;
}

/**
 * Under the web host, first asks for the first screen's data, which also tells
 * whether this browser holds a session: one opened at the bare URL (not the
 * one-time URL the station printed) is told so.
 */
export async function connectKioskApi(win: Window = window): Promise<Connected> {
  if (win.kiosk) return { api: createKioskApi(createPreloadTransport(win.kiosk)), transport: 'preload', firstScreen: null };
  const firstScreen = await fetchFirstScreen(win);
  // Without the data (the desk's listener, a host that could not answer), the session is asked about on its own.
  if (firstScreen === 'no-session' || (firstScreen === null && !(await hasSession(win)))) {
    throw new NoSessionError('no session: open the kiosk from the one-time URL the station printed');
  }
  // The session is an HttpOnly cookie the page cannot see; the host answered
  // the launch URL by setting it and redirecting here.
  return { api: createKioskApi(createWsTransport(wsUrl(win.location))), transport: 'websocket', firstScreen };
}
