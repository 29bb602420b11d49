// A small web host in a process of its own: the real static server, request
// guards and WebSocket gate (main/webhost/server.ts) in front of a station with
// only the app and catalogue modules. Tests that try to crash or break into the
// host use it, so that a crash shows as this process exiting, not as an error
// inside the test runner. Usage: node --import tsx small-webhost.ts RENDERER_DIR
// Prints `SMALL_WEBHOST=<json>` with the port, origin and one launch URL.
import { startWebHost } from '../../main/webhost/server.js';
import { createStation } from '../../main/core/station.js';
import { parseStationConfig } from '../../main/core/config.js';
import { createLogger } from '../../main/core/logger.js';
import { memorySecretStore } from '../../main/core/key-file-secrets.js';
import { appModule } from '../../main/core/modules/app.js';
import { catalogueModule } from '../../main/core/modules/catalogue.js';

const rendererDir = process.argv[2];
if (!rendererDir) throw new Error('usage: small-webhost.ts RENDERER_DIR');
const log = createLogger('small-webhost');
const platform = { dataDir: rendererDir, now: () => new Date(), log, secrets: memorySecretStore(), env: {} };
const station = await createStation({ config: parseStationConfig({}), platform, host: 'web', modules: [catalogueModule, appModule] });
const host = await startWebHost({ station, rendererDir, port: 0, log: log.child('webhost') });
process.stdout.write(`SMALL_WEBHOST=${JSON.stringify({ port: host.port, url: host.launchUrl() })}\n`);
process.on('SIGTERM', () => {
  void host
    .dispose()
    .then(() => station.dispose())
    .then(() => process.exit(0));
});
