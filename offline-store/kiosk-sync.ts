// Composes a kiosk's store and sync: open the encrypted store, load the signing
// identity, build the client and the engine. Used by the station module, the
// CLI and the tests, so all three run the same code against the same files.
import type { SyncStatus } from '../common/domain/status.js';
import type { StoreConfig, SyncConfig } from './config.js';
import type { SecretStore } from './keys/secret-store.js';
import { OfflineStore, type StoreHealth } from './store.js';
import { SyncClient } from './sync/client.js';
import { SyncEngine, type SyncLog } from './sync/engine.js';
import { loadKioskIdentity } from './sync/identity.js';
import type { SigningIdentity } from './sync/signing.js';

export interface KioskSyncOptions {
  dbFile: string;
  secrets: SecretStore;
  kioskId: string;
  serverUrl: string;
  /** The server's public key (SPKI PEM) pinned at registration; answers not signed with it are refused. */
  serverPublicKeyPem: string;
  sync: SyncConfig;
  store: StoreConfig;
  log: SyncLog;
  now?: () => Date;
  /** The station's time zone (see OpenStoreOptions). */
  timeZone?: string;
  onStatus?: (s: SyncStatus) => void;
  onHealth?: (h: StoreHealth) => void;
  userAgent?: string;
}

export interface KioskSync {
  store: OfflineStore;
  client: SyncClient;
  engine: SyncEngine;
  identity: SigningIdentity;
  close(): Promise<void>;
}

export async function openKioskSync(o: KioskSyncOptions): Promise<KioskSync> {
  const store = await OfflineStore.open({ file: o.dbFile, secrets: o.secrets, now: o.now, timeZone: o.timeZone, onHealth: o.onHealth });
  try {
    const identity = await loadKioskIdentity(o.secrets);
    const client = new SyncClient({
      baseUrl: o.serverUrl,
      kioskId: o.kioskId,
      identity,
      serverPublicKeyPem: o.serverPublicKeyPem,
      requestTimeoutMs: o.sync.requestTimeoutMs,
      maxResponseBytes: o.sync.maxResponseBytes,
      maxSockets: o.sync.concurrency + 1,
      now: o.now,
      userAgent: o.userAgent,
    });
    const engine = new SyncEngine({ store, client, config: o.sync, log: o.log, onStatus: o.onStatus, now: o.now, retentionDays: o.store.retentionDays });
    return {
      store,
      client,
      engine,
      identity,
      async close() {
        await engine.stop();
        client.close();
        store.close();
      },
    };
  } catch (e) {
    store.close();
    throw e;
  }
}
