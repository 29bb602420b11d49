// The Electron shell, kept thin: one hardened full-screen kiosk window over the
// same station core the web host uses. Every IPC message is checked for its
// sender (our window, our origin) and then goes through the contract dispatcher.
// First, before any module that builds a schema (see zod-startup.ts).
import '../core/zod-startup.js';
import { app, BrowserWindow, ipcMain, safeStorage, session, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadStationConfig } from '../core/config.js';
import { ProductionConfigError } from '../core/production.js';
import { createLogger } from '../core/logger.js';
import { defaultDataDir, nodePlatform } from '../core/platform.js';
import { createStation, type Station } from '../core/station.js';
import { hardenSession, hardenWebContents, isOwnOrigin, kioskWindowOptions } from './hardening.js';
import { registerSchemeAsPrivileged, serveRenderer } from './protocol.js';
import { assertRealKeyring, KeyringUnavailableError, safeStorageSecretStore } from './safe-storage-secrets.js';
import { APP_ORIGIN, ELECTRON_CALL, ELECTRON_EVENT, ELECTRON_SUBSCRIBE, ELECTRON_UNSUBSCRIBE } from './ipc-names.js';
import { CrashPolicy } from './crash-policy.js';
import { createIpcHandlers, type Sender } from './ipc-handlers.js';
import { startDeskHost, type DeskHost } from '../webhost/desk-host.js';
import { DeskTlsError, deskTls } from '../webhost/desk-tls.js';
import { DESK_LISTENER_SERVICE, type DeskListenerInfo } from '../core/desk-listener.js';
import { RENDERER_JS_FLAGS } from '../core/renderer-memory.js';
import { storePaths } from '../../offline-store/paths.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const log = createLogger('electron');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // The kiosk session is no desktop Chromium recognises, so it would pick the
  // basic_text backend (a built-in password); ask for the keyring the session starts.
  if (process.platform === 'linux' && !app.commandLine.hasSwitch('password-store')) app.commandLine.appendSwitch('password-store', 'gnome-libsecret');
  app.commandLine.appendSwitch('js-flags', RENDERER_JS_FLAGS);
  registerSchemeAsPrivileged();
  start().catch((e: unknown) => {
    // A config the station refuses (invalid, or production with development parts) says why and exits.
    const known = e instanceof ConfigError || e instanceof ProductionConfigError || e instanceof KeyringUnavailableError || e instanceof DeskTlsError;
    log.error('station refused to start', { error: (e as Error)?.name ?? 'unknown' });
    process.stderr.write(`${known ? (e as Error).message : (e as Error)?.stack}\n`);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  // Refuse a keyring that protects nothing before anything is opened with it.
  assertRealKeyring(safeStorage, process.platform);
  const config = loadStationConfig(process.env.XIANGYIN_CONFIG);
  const dataDir = config.dataDir ?? defaultDataDir();
  const platform = nodePlatform({ dataDir, secrets: safeStorageSecretStore(path.join(app.getPath('userData'), 'keys'), safeStorage, process.platform), log });
  const station = await createStation({ config, platform, host: 'electron' });

  hardenSession(session.defaultSession);
  serveRenderer(path.join(here, '..', 'renderer'));
  // The specialist's own device opens the desk on the web host's desk listener, as under the web host.
  let desk: DeskHost | null = null;
  if (config.webHost.desk.enabled) {
    const tls = await deskTls({ setting: config.webHost.desk.tls, address: config.webHost.desk.address, keysDir: storePaths(dataDir).keysDir });
    desk = await startDeskHost({ station, rendererDir: path.join(here, '..', 'renderer'), address: config.webHost.desk.address, port: config.webHost.desk.port, log: log.child('desk'), tls });
    const info: DeskListenerInfo = { url: desk.url, certificateSha256: tls?.fingerprint ?? null };
    station.services.provide(DESK_LISTENER_SERVICE, info);
    log.info('specialist desk for a second screen or a LAN device', { ...info });
  }

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
    void Promise.resolve(desk?.dispose())
      .then(() => station.dispose())
      .finally(() => app.exit(0));
  });
}

function wireIpc(station: Station, getWin: () => BrowserWindow | null): void {
  const handlers = createIpcHandlers(station.dispatcher);
  // Only our one window, its main frame, at our own origin, may call the station.
  const sender = (e: IpcMainInvokeEvent): Sender => {
    const w = getWin();
    const wc = e.sender;
    return {
      ok: !!w && wc === w.webContents && !!e.senderFrame && e.senderFrame === wc.mainFrame && isOwnOrigin(e.senderFrame.url),
      id: wc.id,
      send: (id, event) => {
        if (!wc.isDestroyed()) wc.send(ELECTRON_EVENT, id, event);
      },
      onGone: (cb) => {
        wc.once('did-start-navigation', cb);
        wc.once('destroyed', cb);
      },
    };
  };
  ipcMain.handle(ELECTRON_CALL, (e, channel: unknown, args: unknown) => handlers.call(sender(e), channel, args));
  ipcMain.handle(ELECTRON_SUBSCRIBE, (e, id: unknown, stream: unknown, args: unknown) => handlers.subscribe(sender(e), id, stream, args));
  ipcMain.handle(ELECTRON_UNSUBSCRIBE, (e, id: unknown) => handlers.unsubscribe(sender(e), id));
}
