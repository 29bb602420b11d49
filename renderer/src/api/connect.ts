// Chooses the transport at start: the Electron preload when present, otherwise
// the web host's WebSocket.
import { createKioskApi, type KioskApi } from '../../../common/ipc/client.js';
import { createPreloadTransport, type PreloadBridge } from './preload-transport.js';
import { createWsTransport, takeToken, wsUrl } from './ws-transport.js';

declare global {
  interface Window {
    kiosk?: PreloadBridge;
  }
}

export class NoTokenError extends Error {}

export function connectKioskApi(win: Window = window): { api: KioskApi; transport: 'preload' | 'websocket' } {
  if (win.kiosk) return { api: createKioskApi(createPreloadTransport(win.kiosk)), transport: 'preload' };
  const token = takeToken(win.location, win.sessionStorage, win.history);
  if (!token) throw new NoTokenError('no access token: open the kiosk from the URL the station printed');
  return { api: createKioskApi(createWsTransport(wsUrl(win.location, token))), transport: 'websocket' };
}
