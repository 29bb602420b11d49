// Entry point of the web host: station config → web host → (optionally) Chromium
// in app/kiosk mode → station core. The port is bound and Chromium started before
// the station's areas, which start while Chromium does. `--headless` prints a
// one-time URL instead (the first browser to open it gets the session; the code
// is then dead).
// With `--test-controls` the control token is printed too, for the e2e harness
// reading our stdout (a pipe no other user can read); never in a URL.
// Shutdown on SIGINT/SIGTERM is orderly: browser, host, then the station.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStationConfig, ConfigError } from '../core/config.js';
import { ProductionConfigError, assertProductionReady } from '../core/production.js';
import { createLogger } from '../core/logger.js';
import { defaultDataDir, nodePlatform } from '../core/platform.js';
import { keyFileSecretStore } from '../core/key-file-secrets.js';
import type { Station } from '../core/station.js';
import { startWebHost } from './server.js';
import { startDeskHost, type DeskHost } from './desk-host.js';
import { DeskTlsError, deskTls } from './desk-tls.js';
import { DESK_LISTENER_SERVICE, type DeskListenerInfo } from '../core/desk-listener.js';
import { storePaths } from '../../offline-store/paths.js';
import { findChromium, launchChromium } from './chromium.js';
import { startupMark } from '../core/startup-trace.js';
import { browserExitMessage, noDisplayMessage } from './display.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Args {
  config?: string;
  headless: boolean;
  port?: number;
  dataDir?: string;
  testControls: boolean;
  window: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { headless: false, testControls: false, window: false };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i];
    if (v === '--headless') a.headless = true;
    else if (v === '--test-controls') a.testControls = true;
    else if (v === '--window') a.window = true;
    else if (v === '--config') a.config = argv[++i];
    else if (v === '--port') a.port = Number(argv[++i]);
    else if (v === '--data-dir') a.dataDir = argv[++i];
    else throw new ConfigError(`unknown option ${v}`);
  }
  return a;
}

async function main(): Promise<void> {
  const log = createLogger('xiangyin');
  const args = parseArgs(process.argv.slice(2));
  const config = loadStationConfig(args.config ?? process.env.XIANGYIN_CONFIG);
  startupMark(log, 'config');
  // Set by scripts/start.mjs when it starts the host again after a crash.
  if (process.env.XIANGYIN_RESTARTED_AFTER) log.warn('web host restarted after it stopped unexpectedly', { why: process.env.XIANGYIN_RESTARTED_AFTER });
  const dataDir = args.dataDir ?? config.dataDir ?? defaultDataDir();
  // Keys live beside, not inside, the data folder (see offline-store/paths.ts), so
  // the store, the CLIs and the host agree on one place.
  const platform = nodePlatform({ dataDir, secrets: keyFileSecretStore(storePaths(dataDir).keysDir), log });

  // No display: say so before anything starts (scripts/start.mjs does not start us again for it).
  const noDisplay = args.headless ? null : noDisplayMessage();
  if (noDisplay) throw new NoDisplayError(noDisplay);

  // Refused before the port is bound, as createStation would (it checks again).
  assertProductionReady(config);
  // The desk's certificate too (made once, on a LAN address): a desk that cannot be served safely stops the start.
  const tls = config.webHost.desk.enabled ? await deskTls({ setting: config.webHost.desk.tls, address: config.webHost.desk.address, keysDir: storePaths(dataDir).keysDir }) : null;
  // The port is bound and Chromium started first, and the station's areas (the
  // store, the devices, the speech model…) start while Chromium starts: the two
  // take about as long, and the page's first calls wait for the station (see
  // server.ts). The station's code is loaded only then, off the path to the port.
  let stationStarted!: (s: Promise<Station>) => void;
  const station = new Promise<Station>((resolve) => (stationStarted = resolve));
  const host = await startWebHost({
    station,
    rendererDir: path.join(root, 'dist', 'renderer'),
    port: args.port ?? config.webHost.port,
    log: log.child('webhost'),
    testControls: args.testControls,
  });

  // The specialist's own device opens the desk here (loopback unless the config names a LAN address).
  let desk: DeskHost | null = null;
  if (config.webHost.desk.enabled) {
    desk = await startDeskHost({
      station,
      rendererDir: path.join(root, 'dist', 'renderer'),
      address: config.webHost.desk.address,
      port: config.webHost.desk.port,
      log: log.child('desk'),
      tls,
    });
    process.stdout.write(`XIANGYIN_DESK_URL=${desk.url}\n`);
    const info: DeskListenerInfo = { url: desk.url, certificateSha256: tls?.fingerprint ?? null };
    void station.then((s) => s.services.provide(DESK_LISTENER_SERVICE, info), () => undefined);
    // What the tablet's browser shows for the certificate, to compare before trusting it.
    if (tls) process.stdout.write(`XIANGYIN_DESK_CERT_SHA256=${tls.fingerprint}\n`);
  }

  let browser: ReturnType<typeof launchChromium> | null = null;
  // Declared before the browser starts: it may exit (or a signal come) while the
  // station is still starting, and the station is then awaited before it is disposed.
  let stopping = false;
  async function shutdown(why: string, exitCode = 0) {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { why });
    await browser?.dispose();
    await host.dispose();
    await desk?.dispose();
    // A station that failed to start has nothing to dispose (main's catch says why).
    await station.then((s) => s.dispose(), () => undefined);
    process.exit(exitCode);
  }
  if (args.testControls) process.stdout.write(`XIANGYIN_CONTROL_TOKEN=${host.controlToken}\n`);
  if (args.headless) {
    // The one line scripts and tests wait for; keep its shape stable.
    process.stdout.write(`XIANGYIN_URL=${host.launchUrl()}\n`);
  } else {
    const chromium = findChromium();
    if (!chromium) {
      log.error('Chromium not found: install the chromium package, or use --headless and open the URL yourself');
      process.stdout.write(`XIANGYIN_URL=${host.launchUrl()}\n`);
    } else {
      process.stdout.write(`Kiosk: web host + Chromium (${chromium})\n`);
      const startedAt = Date.now();
      browser = launchChromium(chromium, host.launchUrl(), { kiosk: !args.window });
      startupMark(log, 'chromium spawned');
      let stderrTail = '';
      browser.child.stderr?.on('data', (c: Buffer) => (stderrTail = (stderrTail + c.toString()).slice(-2000)));
      browser.child.on('exit', (code, signal) => {
        const early = browserExitMessage({ code, signal, afterMs: Date.now() - startedAt, stderrTail });
        if (early) process.stderr.write(`${early}\n`);
        // A browser that could not start would fail again: 78 tells scripts/start.mjs not to retry.
        void shutdown('browser closed', early ? 78 : 0);
      });
    }
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  stationStarted(import('../core/station.js').then(({ createStation }) => createStation({ config, platform, host: 'web' })));
  // A station that cannot start ends the process (main's catch): the browser
  // (and its profile folder) and the port go first.
  await station.catch(async (e: unknown) => {
    await browser?.dispose();
    await host.dispose();
    await desk?.dispose();
    throw e;
  });
}

/** Nothing to show the kiosk on: starting again would not help either. */
class NoDisplayError extends Error {
  override name = 'NoDisplayError';
}

main().catch((e) => {
  const told = e instanceof ConfigError || e instanceof ProductionConfigError || e instanceof NoDisplayError || e instanceof DeskTlsError;
  process.stderr.write(`${told ? (e as Error).message : (e as Error).stack}\n`);
  // 78 (EX_CONFIG): scripts/start.mjs does not restart a host whose config is wrong (or refused in production), or that has no display.
  process.exit(told ? 78 : 1);
});
