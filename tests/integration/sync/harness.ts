// A real sync server on a real port and a kiosk (store + engine) against it, in
// fresh temporary folders. Tests put the link emulator or a fault proxy between.
import path from 'node:path';
import { syncConfigSchema, storeConfigSchema, type SyncConfig } from '../../../offline-store/config.js';
import { memorySecretStore, type SecretStore } from '../../../offline-store/keys/secret-store.js';
import { openKioskSync, type KioskSync } from '../../../offline-store/kiosk-sync.js';
import { SyncServer } from '../../../sync-server/server.js';
import { tempDir } from '../../unit/store/helpers.js';

export const quietLog = { info: () => {}, warn: () => {} };

export async function startServer(dir = tempDir('xy-server-')): Promise<{ server: SyncServer; url: string; dir: string }> {
  const server = new SyncServer({ dataDir: dir });
  const url = await server.start();
  return { server, url, dir };
}

export async function startKiosk(opts: {
  server: SyncServer;
  url: string;
  dir?: string;
  kioskId?: string;
  secrets?: SecretStore;
  sync?: Partial<SyncConfig>;
  register?: boolean;
}): Promise<KioskSync & { dir: string }> {
  const dir = opts.dir ?? tempDir('xy-kiosk-');
  const secrets = opts.secrets ?? memorySecretStore();
  const kioskId = opts.kioskId ?? 'kiosk-test';
  const k = await openKioskSync({
    dbFile: path.join(dir, 'store', 'kiosk.db'),
    secrets,
    kioskId,
    serverUrl: opts.url,
    sync: syncConfigSchema.parse({ requestTimeoutMs: 3000, backoffBaseMs: 20, backoffMaxMs: 500, intervalSeconds: 3600, ...opts.sync }),
    store: storeConfigSchema.parse({}),
    log: quietLog,
  });
  if (opts.register ?? true) opts.server.admin.registerKiosk(kioskId, k.identity.publicKeyPem);
  return { ...k, dir };
}

/** Runs sync passes until the outbox is empty or the attempts run out. */
export async function drain(k: KioskSync, attempts = 200): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    await k.engine.syncNow();
    if (k.store.outbox.stats().count === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`outbox not drained: ${k.store.outbox.stats().count} left`);
}
