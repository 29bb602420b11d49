// Chooses the transport at start: the Electron preload when present, otherwise
// the web host's WebSocket (authorised by the session cookie).
import { createKioskApi, type KioskApi } from '../../../common/ipc/client.js';
import { createPreloadTransport, type PreloadBridge } from './preload-transport.js';
import { createWsTransport, wsUrl } from './ws-transport.js';

declare global {
  interface Window {
    kiosk?: PreloadBridge;
  }
}

export function connectKioskApi(win: Window = window): { api: KioskApi; transport: 'preload' | 'websocket' } {
  if (win.kiosk) return { api: createKioskApi(createPreloadTransport(win.kiosk)), transport: 'preload' };
  // The session is an HttpOnly cookie the page cannot see; the host answered
  // the launch URL by setting it and redirecting here.
  return { api: createKioskApi(createWsTransport(wsUrl(win.location))), transport: 'websocket' };
}
