// Entry point of the web host. Its first milliseconds bind the kiosk's port and
// start Chromium (early-start.ts); only then is the rest of the host loaded
// (host-main.ts: the config's full check, the web host, the station), so that
// Chromium's start, the longest part of a kiosk's, runs beside the host's. This
// file's imports are kept to what that needs: none of them loads a schema.
// `--headless` opens no browser and prints a one-time URL instead (the first
// browser to open it gets the session; the code is then dead).
import { createLogger } from '../core/logger.js';
import { LaunchUsageError, parseLaunchArgs } from './launch-args.js';
import { configuredPort, NoDisplayError, startEarly, type EarlyStart } from './early-start.js';

async function main(): Promise<void> {
  const log = createLogger('xiangyin');
  const args = parseLaunchArgs(process.argv.slice(2));
  const port = configuredPort(args);
  const early: EarlyStart | null = port === null ? null : await startEarly(args, port, log);
  // Before any schema is built (see zod-startup.ts): host-main's modules build theirs as they load.
  await import('../core/zod-startup.js');
  const { runHost } = await import('./host-main.js');
  await runHost(args, early, log);
}

main().catch(async (e: unknown) => {
  const told = e instanceof LaunchUsageError || e instanceof NoDisplayError || (await import('./host-main.js')).isToldError(e);
  process.stderr.write(`${told ? (e as Error).message : (e as Error).stack}\n`);
  // 78 (EX_CONFIG): scripts/start.mjs does not restart a host whose config is wrong (or refused in production), or that has no display.
  process.exit(told ? 78 : 1);
});
