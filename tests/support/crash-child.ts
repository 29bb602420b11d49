// A kiosk process that crash-kiosk.ts kills (the crash test, bench:faults): it
// enqueues applications with photos and syncs them, printing "E <id>" only after
// each enqueue has committed, until the parent kills it with SIGKILL at a random
// moment. Run with node --import tsx, or bundled by crash-kiosk.ts.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { storeConfigSchema, syncConfigSchema } from '../../offline-store/config.js';
import { keyFileSecretStore } from '../../offline-store/keys/key-file-store.js';
import { openKioskSync } from '../../offline-store/kiosk-sync.js';

const [dataDir, serverUrl, seedArg, serverKeyFile] = process.argv.slice(2);
if (!dataDir || !serverUrl || !serverKeyFile) {
  process.stderr.write('usage: crash-child <dataDir> <serverUrl> <seed> <server-key.pem>\n');
  process.exit(2);
}
const seed = Number(seedArg ?? 0);
const k = await openKioskSync({
  dbFile: path.join(dataDir, 'store', 'kiosk.db'),
  secrets: keyFileSecretStore(path.join(dataDir, 'keys')),
  kioskId: 'crash-kiosk',
  serverUrl,
  serverPublicKeyPem: fs.readFileSync(serverKeyFile, 'utf8'),
  sync: syncConfigSchema.parse({ intervalSeconds: 0.05, chunkBytes: 16 * 1024, batchSize: 10, concurrency: 3, backoffBaseMs: 10, backoffMaxMs: 100, requestTimeoutMs: 2000 }),
  store: storeConfigSchema.parse({}),
  log: { info: () => {}, warn: () => {} },
});
process.stdout.write('READY\n');
k.engine.start();

const ids = ['110101194303050028', '130624193808120037', '13062419361118108X'];
for (let i = 0; ; i++) {
  const size = 1024 + ((seed * 7919 + i * 104729) % (90 * 1024));
  const data = crypto.randomBytes(size);
  const a = k.store.applications.submit({
    serviceId: 'pension-certification',
    catalogueVersion: '2026.11.0',
    applicant: { idNumber: ids[i % 3]!, name: '测试居民' },
    formData: { seq: i, seed },
    attachments: [{ name: '人像', mediaType: 'image/jpeg', data, sha256: crypto.createHash('sha256').update(data).digest('hex') }],
    actor: { kind: 'resident' },
  });
  process.stdout.write(`E ${a.id}\n`);
  k.engine.trigger();
  await new Promise((r) => setTimeout(r, Math.random() * 40));
}
