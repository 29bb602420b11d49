// The Electron shell, kept thin: one hardened full-screen kiosk window over the
// same station core the web host uses. Every IPC message is checked for its
// sender (our window, our origin) and then goes through the contract dispatcher.
import { app, BrowserWindow, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail } from '../../common/ipc/result.js';
import { loadStationConfig } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { defaultDataDir, nodePlatform } from '../core/platform.js';
import { createStation, type Station } from '../core/station.js';
import { hardenSession, hardenWebContents, isOwnOrigin, kioskWindowOptions } from './hardening.js';
import { registerSchemeAsPrivileged, serveRenderer } from './protocol.js';
import { safeStorageSecretStore } from './safe-storage-secrets.js';
import { APP_ORIGIN, ELECTRON_CALL, ELECTRON_EVENT, ELECTRON_SUBSCRIBE, ELECTRON_UNSUBSCRIBE } from './ipc-names.js';
import { CrashPolicy } from './crash-policy.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const log = createLogger('electron');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerSchemeAsPrivileged();
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  const config = loadStationConfig(process.env.XIANGYIN_CONFIG);
  const dataDir = config.dataDir ?? defaultDataDir();
  const platform = nodePlatform({ dataDir, secrets: safeStorageSecretStore(path.join(app.getPath('userData'), 'keys')), log });
  const station = await createStation({ config, platform, host: 'electron' });

  hardenSession(session.defaultSession);
  serveRenderer(path.join(here, '..', 'renderer'));

  let win: BrowserWindow | null = null;
  const crashes = new CrashPolicy({ windowMs: 10 * 60_000, maxReloads: 3 });
  const createWindow = () => {
    win = new BrowserWindow(kioskWindowOptions(path.join(here, 'preload.cjs')));
    hardenWebContents(win.webContents);
    win.once('ready-to-show', () => win?.show());
    win.webContents.on('render-process-gone', (_e, details) => {
      log.error('renderer gone', { reason: details.reason });
      if (crashes.record(Date.now()) === 'reload') win?.webContents.reload();
      else {
        // Reloading keeps failing: restart the whole app, which resets GPU and drivers.
        app.relaunch();
        app.exit(0);
      }
    });
    void win.loadURL(`${APP_ORIGIN}/index.html`);
  };
  wireIpc(station, () => win);
  createWindow();
  app.on('second-instance', () => win?.focus());
  app.on('before-quit', (e) => {
    e.preventDefault();
    void station.dispose().finally(() => app.exit(0));
  });
}

function senderOk(e: IpcMainInvokeEvent, getWin: () => BrowserWindow | null): boolean {
  const w = getWin();
  return !!w && e.sender === w.webContents && !!e.senderFrame && isOwnOrigin(e.senderFrame.url) && e.senderFrame === w.webContents.mainFrame;
}

function wireIpc(station: Station, getWin: () => BrowserWindow | null): void {
  const subs = new Map<number, () => void>();
  const ctx = { host: 'electron' as const };
  ipcMain.handle(ELECTRON_CALL, (e, channel: unknown, args: unknown) => {
    if (!senderOk(e, getWin)) return fail('forbidden', 'unknown sender');
    return station.dispatcher.call(channel, args, ctx);
  });
  ipcMain.handle(ELECTRON_SUBSCRIBE, (e, id: unknown, stream: unknown, args: unknown) => {
    if (!senderOk(e, getWin) || typeof id !== 'number') return fail('forbidden', 'unknown sender');
    const wc = e.sender;
    const opened = station.dispatcher.subscribe(stream, args, (event) => !wc.isDestroyed() && wc.send(ELECTRON_EVENT, id, event), ctx);
    if (!opened.ok) return opened;
    subs.get(id)?.();
    subs.set(id, opened.value);
    // Subscriptions end with the page: a reload or a crash must not leak listeners.
    wc.once('did-start-navigation', () => {
      subs.get(id)?.();
      subs.delete(id);
    });
    wc.once('destroyed', () => {
      subs.get(id)?.();
      subs.delete(id);
    });
    return { ok: true, value: null };
  });
  ipcMain.handle(ELECTRON_UNSUBSCRIBE, (e, id: unknown) => {
    if (!senderOk(e, getWin) || typeof id !== 'number') return fail('forbidden', 'unknown sender');
    subs.get(id)?.();
    subs.delete(id);
    return { ok: true, value: null };
  });
}
