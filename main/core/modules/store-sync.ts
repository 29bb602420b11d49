// Store & sync area: opens the encrypted offline store under the data folder,
// starts the sync engine against the configured server (by default the embedded
// reference server on 127.0.0.1, with this kiosk registered automatically), and
// serves the store:* and sync:* channels. A store that cannot open (wrong key,
// damaged, read-only, full disk) is an error state on the status bar and a typed
// 'storage-error' on every channel, never a crashed station.
import type { ServerApplication } from '../../../sync-server/admin.js';
import type { ApplicationStatus } from '../../../common/domain/application.js';
import { IpcFailure } from '../../../common/ipc/result.js';
import { StoreError } from '../../../offline-store/db/errors.js';
import { openKioskSync, type KioskSync } from '../../../offline-store/kiosk-sync.js';
import { storePaths } from '../../../offline-store/paths.js';
import { querySocialInsurance } from '../../../offline-store/sync/queries.js';
import { MasterKeyError } from '../../../sync-server/master-key.js';
import type { SyncServer } from '../../../sync-server/server.js';
import type { ModuleFactory } from '../module.js';
import { APP_VERSION } from '../version.js';
import { nextTurn } from '../startup-trace.js';
import { HELP_CALLS_REMOTE_SERVICE, type HelpCallsRemote } from '../../help/remote.js';
import { storeHandlers } from './store-sync-handlers.js';
import { applicantScope, residentScope } from './resident-scope.js';
import { IDENTITY_CODES_REMOTE_SERVICE, type IdentityCodesRemote } from './identity-check.js';

/** What the lead's end-to-end tests use to show offline → online. */
export interface EmbeddedSyncServerService {
  readonly url: string;
  readonly running: boolean;
  stop(): Promise<void>;
  start(): Promise<void>;
  markCompleted(applicationId: string): Promise<ServerApplication>;
  markRejected(applicationId: string, reason: string): Promise<ServerApplication>;
  applications(): Promise<ServerApplication[]>;
  /** The simulated SMS gateway's latest texts for this station (a TV's one-time code, for the tests to key). */
  smsOutbox(): Promise<{ phoneMasked: string; text: string; at: string }[]>;
}

export const storeSyncModule: ModuleFactory = async ({ config, platform, status, services }) => {
  const log = platform.log.child('store-sync');
  const paths = storePaths(platform.dataDir);
  let embedded: SyncServer | null = null;
  let kiosk: KioskSync;
  try {
    if (config.sync.server === 'embedded') {
      // Loaded only here: a production station (which refuses 'embedded') never
      // loads the reference server's code.
      const { startEmbeddedServer } = await import('../../../sync-server/embedded.js');
      // The embedded server keeps finished applications' attachments as long as the kiosk keeps its own copy.
      embedded = await startEmbeddedServer(paths.serverDir, platform.secrets, (m, f) => log.warn(m, f), { attachmentDays: config.store.retentionDays });
      await nextTurn();
    }
    kiosk = await openKioskSync({
      dbFile: paths.dbFile,
      secrets: platform.secrets,
      kioskId: config.stationId,
      timeZone: config.timeZone,
      serverUrl: embedded?.url ?? (config.sync.server as string),
      // The embedded server hands its key over in-process; a real one was pinned in the config.
      serverPublicKeyPem: embedded?.publicKeyPem ?? config.sync.serverPublicKey ?? '',
      sync: config.sync,
      store: config.store,
      log,
      now: platform.now,
      userAgent: `xiangyin/${APP_VERSION}`,
      onStatus: (s) => status.setSync(s),
      onHealth: (h) => status.setStore(h.state === 'ok' ? { state: 'ok' } : { state: 'error', message: h.message }),
    });
  } catch (e) {
    await embedded?.dispose();
    // The embedded server's master key not opening its data (a key store lost or
    // replaced) is a store that cannot open, like the kiosk's own wrong key.
    if (!(e instanceof StoreError || e instanceof MasterKeyError)) throw e;
    log.error('store failed to open', { code: e.code });
    status.setStore({ state: 'error', message: e.message });
    return { name: 'store-sync', handlers: unavailableHandlers(e.message) };
  }
  const k = kiosk;
  if (embedded) {
    const reg = await embedded.admin.registerKiosk(config.stationId, k.identity.publicKeyPem);
    log.info('embedded sync server', { url: embedded.url, kiosk: reg.kioskId, fingerprint: reg.fingerprint });
    const server = embedded;
    services.provide<EmbeddedSyncServerService>('embedded-sync-server', {
      get url() {
        return server.url;
      },
      get running() {
        return server.running;
      },
      stop: () => server.stop(),
      start: async () => {
        await server.start();
        k.engine.trigger();
      },
      // Operator decisions on the server side reach the kiosk through the change feed.
      markCompleted: (id: string) => server.admin.decide(id, 'completed', null),
      markRejected: (id: string, reason: string) => server.admin.decide(id, 'rejected', reason),
      applications: () => server.admin.applications({ kioskId: config.stationId }),
      smsOutbox: () => k.client.smsOutbox(),
    });
  }
  services.provide('store', k.store);
  // Help calls between TV boxes and the station's desk travel as signed requests of the same client.
  services.provide<HelpCallsRemote>(HELP_CALLS_REMOTE_SERVICE, k.client);
  // So do a TV's one-time codes for a keyed number (identity-check.ts).
  services.provide<IdentityCodesRemote>(IDENTITY_CODES_REMOTE_SERVICE, k.client);
  services.provide('sync', {
    engine: k.engine,
    status: () => k.engine.status,
    syncNow: () => k.engine.syncNow(),
    querySocialInsurance: (idNumber: string) => querySocialInsurance(k.store, k.client, k.engine, idNumber, platform.now),
    /** Catalogue updates arrive through the change feed; the catalogue area adopts them. */
    latestCatalogue: () => k.store.outbox.latestCatalogue(),
  });
  status.setSync(k.engine.status);
  k.engine.start();

  const listeners = new Set<(e: { id: string; status: ApplicationStatus }) => void>();
  const unsubscribe = k.store.onApplicationChanged((id, st) => {
    for (const l of listeners) l({ id, status: st });
  });

  return {
    name: 'store-sync',
    handlers: storeHandlers(k, platform.now, residentScope(config, services), applicantScope(config, services)),
    streams: {
      'store:application-changed': (_args, emit) => {
        listeners.add(emit);
        return () => listeners.delete(emit);
      },
    },
    async dispose() {
      unsubscribe();
      await k.close();
      await embedded?.dispose();
    },
  };
};

function unavailableHandlers(message: string) {
  const fail = () => {
    throw new IpcFailure('storage-error', message);
  };
  return {
    'store:submit-application': fail,
    'store:save-draft': fail,
    'store:cancel-draft': fail,
    'store:list-applications': fail,
    'store:get-application': fail,
    'store:retry-application': fail,
    'store:query-social-insurance': fail,
    'store:rate-satisfaction': fail,
    'store:audit-append': fail,
    'store:stats': fail,
    'sync:now': fail,
  };
}
