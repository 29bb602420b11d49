// Everything that keeps a kiosk window a kiosk: no navigation away, no new
// windows, no downloads, no zoom, no devtools or reload shortcuts, and only the
// microphone and camera for our own origin.
import type { BrowserWindow, Session, WebContents } from 'electron';
import { APP_ORIGIN } from './ipc-names.js';

const BLOCKED_SHORTCUTS = [
  (i: Electron.Input) => i.key === 'F5' || i.key === 'F11' || i.key === 'F12',
  (i: Electron.Input) => (i.control || i.meta) && ['r', 'R', 'w', 'W', 'q', 'Q', 'n', 'N', 't', 'T', 'p', 'P', '+', '-', '=', '0'].includes(i.key),
  (i: Electron.Input) => (i.control || i.meta) && i.shift && ['i', 'I', 'j', 'J', 'c', 'C'].includes(i.key),
  (i: Electron.Input) => i.alt && (i.key === 'ArrowLeft' || i.key === 'ArrowRight' || i.key === 'F4'),
];

export function isOwnOrigin(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((wc, permission, callback, details) => {
    const origin = details.requestingUrl ?? wc.getURL();
    callback((permission === 'media') && isOwnOrigin(origin));
  });
  session.setPermissionCheckHandler((_wc, permission, origin) => permission === 'media' && isOwnOrigin(origin));
  session.on('will-download', (e) => e.preventDefault());
  // Nothing leaves the machine from the renderer; sync runs in the main process.
  session.webRequest.onBeforeRequest((details, cb) => {
    const ok = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools://') || details.url.startsWith('blob:') || details.url.startsWith('data:');
    cb({ cancel: !ok });
  });
}

export function hardenWebContents(wc: WebContents): void {
  wc.on('will-navigate', (e, url) => {
    if (!isOwnOrigin(url)) e.preventDefault();
  });
  wc.on('will-redirect', (e, url) => {
    if (!isOwnOrigin(url)) e.preventDefault();
  });
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
  wc.on('will-attach-webview', (e) => e.preventDefault());
  wc.on('before-input-event', (e, input) => {
    if (BLOCKED_SHORTCUTS.some((f) => f(input))) e.preventDefault();
  });
  wc.on('zoom-changed', () => wc.setZoomFactor(1));
  wc.setVisualZoomLevelLimits(1, 1).catch(() => {});
  wc.on('devtools-opened', () => wc.closeDevTools());
}

export function kioskWindowOptions(preload: string): Electron.BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: '#FFFBF2',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      navigateOnDragDrop: false,
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}

export type { BrowserWindow };
