// The web host after its first milliseconds (early-start.ts): the config's full
// check, the web host's handlers on the port bound early, the desk's listener,
// then the station. Loaded by launch.ts once Chromium is started, so none of
// this code is on the path to it. The station starts at once on a first start;
// when the first screen's data is kept from an earlier one, it starts once the
// page asks for it (lazy-station.ts), so that it does not slow Chromium's start.
// With `--test-controls` the control token is printed too, for the e2e harness
// reading our stdout (a pipe no other user can read); never in a URL.
// Shutdown on SIGINT/SIGTERM is orderly: browser, host, then the station.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStationConfig, ConfigError } from '../core/config.js';
import { ProductionConfigError, assertProductionReady } from '../core/production.js';
import type { Logger } from '../core/logger.js';
import { defaultDataDir, nodePlatform } from '../core/platform.js';
import { keyFileSecretStore } from '../core/key-file-secrets.js';
import { startWebHost, type WebHost } from './server.js';
import { startDeskHost, type DeskHost } from './desk-host.js';
import { DeskTlsError, deskTls } from './desk-tls.js';
import { DESK_LISTENER_SERVICE, type DeskListenerInfo } from '../core/desk-listener.js';
import { storePaths } from '../../offline-store/paths.js';
import { startupMark } from '../core/startup-trace.js';
import { browserExitMessage } from './display.js';
import { startEarly, type EarlyStart } from './early-start.js';
import type { LaunchArgs } from './launch-args.js';
import { lazyStation } from './lazy-station.js';
import { buildIdOf, cacheKey, firstScreenCache } from './first-screen-cache.js';
import { firstScreenData } from './first-screen.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * With the first screen drawn from a kept answer, the station starts when the
 * page opens its socket; at the latest this long after the web host serves,
 * should no page come (a headless start, a browser that failed).
 */
export const STATION_AT_LATEST_MS = 3000;

/** Errors a person is told in one sentence, with exit code 78: starting again would not help. */
export function isToldError(e: unknown): boolean {
  return e instanceof ConfigError || e instanceof ProductionConfigError || e instanceof DeskTlsError;
}

/**
 * Runs the host to its end. `early` is what launch.ts opened before this code
 * was loaded, or null when the config file could not be read for its port; it
 * is opened here then, once the config has passed.
 */
export async function runHost(args: LaunchArgs, early: EarlyStart | null, log: Logger): Promise<void> {
  const opened = { early };
  try {
    await run(args, opened, log);
  } catch (e) {
    // A start that failed closes what the early start opened: the browser (and its profile folder) and the port.
    await opened.early?.browser?.dispose();
    await opened.early?.held.close();
    throw e;
  }
}

async function run(args: LaunchArgs, opened: { early: EarlyStart | null }, log: Logger): Promise<void> {
  const config = loadStationConfig(args.config ?? process.env.XIANGYIN_CONFIG);
  startupMark(log, 'config');
  // Set by scripts/start.mjs when it starts the host again after a crash.
  if (process.env.XIANGYIN_RESTARTED_AFTER) log.warn('web host restarted after it stopped unexpectedly', { why: process.env.XIANGYIN_RESTARTED_AFTER });
  const dataDir = args.dataDir ?? config.dataDir ?? defaultDataDir();
  // Keys live beside, not inside, the data folder (see offline-store/paths.ts), so
  // the store, the CLIs and the host agree on one place.
  const platform = nodePlatform({ dataDir, secrets: keyFileSecretStore(storePaths(dataDir).keysDir), log });

  // Refused before anything is served, as createStation would (it checks again).
  assertProductionReady(config);
  const early = (opened.early ??= await startEarly(args, args.port ?? config.webHost.port, log));
  // The desk's certificate too (made once, on a LAN address): a desk that cannot be served safely stops the start.
  const tls = config.webHost.desk.enabled ? await deskTls({ setting: config.webHost.desk.tls, address: config.webHost.desk.address, keysDir: storePaths(dataDir).keysDir }) : null;
  // Chromium is starting already. The station's areas (the store, the devices,
  // the speech model…) start when first needed, and the page's first calls wait
  // for the station (see server.ts). The station's code is loaded only then.
  const station = lazyStation(() => import('../core/station.js').then(({ createStation }) => createStation({ config, platform, host: 'web' })), log);
  const buildId = buildIdOf(path.resolve(process.argv[1] ?? ''));
  const cache = buildId ? firstScreenCache(dataDir, cacheKey(buildId, config), log) : null;
  const kept = cache?.read() ?? null;
  const host: WebHost = await startWebHost({
    station: (why) => station.get(why),
    // Only until the station answers itself: a page loaded later gets its fresh answer.
    keptFirstScreen: () => (station.ready ? null : kept),
    rendererDir: path.join(root, 'dist', 'renderer'),
    held: early.held,
    sessions: early.sessions,
    log: log.child('webhost'),
    testControls: args.testControls,
  });

  // The specialist's own device opens the desk here (loopback unless the config names a LAN address).
  let desk: DeskHost | null = null;
  if (config.webHost.desk.enabled) {
    desk = await startDeskHost({
      station: (why) => station.get(why),
      rendererDir: path.join(root, 'dist', 'renderer'),
      address: config.webHost.desk.address,
      port: config.webHost.desk.port,
      log: log.child('desk'),
      tls,
    });
    process.stdout.write(`XIANGYIN_DESK_URL=${desk.url}\n`);
    const info: DeskListenerInfo = { url: desk.url, certificateSha256: tls?.fingerprint ?? null };
    void station.started.then((s) => s.services.provide(DESK_LISTENER_SERVICE, info), () => undefined);
    // What the tablet's browser shows for the certificate, to compare before trusting it.
    if (tls) process.stdout.write(`XIANGYIN_DESK_CERT_SHA256=${tls.fingerprint}\n`);
  }

  const browser = early.browser;
  // Declared before the station starts: the browser may exit (or a signal come)
  // while the station is still starting, and the station is then awaited before it is disposed.
  let stopping = false;
  async function shutdown(why: string, exitCode = 0) {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { why });
    await browser?.dispose();
    await host.dispose();
    await desk?.dispose();
    await station.dispose();
    process.exit(exitCode);
  }
  if (args.testControls) process.stdout.write(`XIANGYIN_CONTROL_TOKEN=${host.controlToken}\n`);
  // The one line scripts and tests wait for; keep its shape stable.
  if (args.headless) process.stdout.write(`XIANGYIN_URL=${host.launchUrl()}\n`);
  void browser?.exited.then((exit) => {
    const early = browserExitMessage(exit);
    if (early) process.stderr.write(`${early}\n`);
    // A browser that could not start would fail again: 78 tells scripts/start.mjs not to retry.
    void shutdown('browser closed', early ? 78 : 0);
  });
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  if (kept === null) void station.get('no first screen kept');
  else setTimeout(() => void station.get('no page came'), STATION_AT_LATEST_MS);
  const started = station.started;
  // Kept for the next start (a kiosk starts again after every power cut), once
  // the station is up: the same answer the page would have had from it.
  void started
    .then((st) => firstScreenData(st.dispatcher))
    .then((data) => data && cache?.write(data))
    .catch(() => undefined);
  // A station that cannot start ends the process (launch.ts's catch): the browser
  // (and its profile folder) and the port go first.
  await started.catch(async (e: unknown) => {
    await host.dispose();
    await desk?.dispose();
    throw e;
  });
}
