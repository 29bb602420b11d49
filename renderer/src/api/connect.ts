// Chooses the transport at start: the Electron preload when present, otherwise
// the web host's WebSocket (authorised by the session cookie).
import { createKioskApi, type KioskApi } from '../../../common/ipc/client.js';
import { createPreloadTransport, type PreloadBridge } from './preload-transport.js';
import { createWsTransport, hasSession, wsUrl } from './ws-transport.js';

declare global {
  interface Window {
    kiosk?: PreloadBridge;
  }
}

export class NoSessionError extends Error {}

/**
 * Under the web host, first asks whether this browser holds a session: one
 * opened at the bare URL (not the one-time URL the station printed) is told so.
 */
export async function connectKioskApi(win: Window = window): Promise<{ api: KioskApi; transport: 'preload' | 'websocket' }> {
  if (win.kiosk) return { api: createKioskApi(createPreloadTransport(win.kiosk)), transport: 'preload' };
  if (!(await hasSession(win))) throw new NoSessionError('no session: open the kiosk from the one-time URL the station printed');
  // The session is an HttpOnly cookie the page cannot see; the host answered
  // the launch URL by setting it and redirecting here.
  return { api: createKioskApi(createWsTransport(wsUrl(win.location))), transport: 'websocket' };
}
