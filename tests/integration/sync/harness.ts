// A real sync server on a real port and a kiosk (store + engine) against it, in
// fresh temporary folders. Tests put the link emulator or a fault proxy between.
// raw() sends one hand-made signed request, as only a test would.
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { syncConfigSchema, storeConfigSchema, type SyncConfig } from '../../../offline-store/config.js';
import { memorySecretStore, type SecretStore } from '../../../offline-store/keys/secret-store.js';
import { openKioskSync, type KioskSync } from '../../../offline-store/kiosk-sync.js';
import { sha256Hex } from '../../../offline-store/sync/canonical.js';
import { H } from '../../../offline-store/sync/protocol.js';
import { sign } from '../../../offline-store/sync/signing.js';
import { SyncServer } from '../../../sync-server/server.js';
import { freshDatabase, type StorageKind, type TestDatabase } from '../../support/postgres.js';
import { tempDir } from '../../unit/store/helpers.js';

export const quietLog = { info: () => {}, warn: () => {} };

/** The tests' server master key: one constant, so a server restarted on its folder opens it again. */
export const testMasterKey = crypto.createHash('sha256').update('xiangyin test master key').digest();

export interface StartedServer {
  server: SyncServer;
  url: string;
  /** The SQLite server's folder (empty for PostgreSQL). */
  dir: string;
  /** The PostgreSQL database (null for SQLite). */
  database: TestDatabase | null;
}

/** A server on a fresh storage of the kind asked (SQLite by default). */
export async function startServer(o: { storage?: StorageKind; dir?: string } = {}): Promise<StartedServer> {
  const database = o.storage === 'postgres' ? await freshDatabase() : null;
  const dir = database ? '' : (o.dir ?? tempDir('xy-server-'));
  const server = await SyncServer.open(database ? { database: database.url, masterKey: testMasterKey } : { dataDir: dir, masterKey: testMasterKey });
  const url = await server.start();
  return { server, url, dir, database };
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
    serverPublicKeyPem: opts.server.publicKeyPem,
    sync: syncConfigSchema.parse({ requestTimeoutMs: 3000, backoffBaseMs: 20, backoffMaxMs: 500, intervalSeconds: 3600, ...opts.sync }),
    store: storeConfigSchema.parse({}),
    log: quietLog,
  });
  if (opts.register ?? true) await opts.server.admin.registerKiosk(kioskId, k.identity.publicKeyPem);
  return { ...k, dir };
}

/** Runs sync passes until the outbox is empty or the attempts run out. */
/**
 * A server of the storage asked and one registered kiosk per id, each pushed onto
 * `cleanups` (the test's afterEach runs them last first): the set-up of the tests
 * where TV boxes and a station talk to one server.
 */
export async function serverWithKiosks<Id extends string>(
  storage: StorageKind,
  ids: readonly Id[],
  cleanups: (() => Promise<void> | void)[],
): Promise<{ started: StartedServer; kiosks: Record<Id, KioskSync & { dir: string }> }> {
  const started = await startServer({ storage });
  cleanups.push(() => started.server.dispose());
  const kiosks = {} as Record<Id, KioskSync & { dir: string }>;
  for (const kioskId of ids) {
    const k = await startKiosk({ server: started.server, url: started.url, kioskId });
    cleanups.push(() => k.close());
    kiosks[kioskId] = k;
  }
  return { started, kiosks };
}

export async function drain(k: KioskSync, attempts = 200): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    await k.engine.syncNow();
    if (k.store.outbox.stats().count === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`outbox not drained: ${k.store.outbox.stats().count} left`);
}

export interface RawOpts {
  method?: string;
  path: string;
  body?: Buffer;
  kioskId: string;
  key: crypto.KeyObject;
  timestamp?: number;
  nonce?: string;
  /** Headers the server acts on, sent and signed (content-encoding, x-upload-*). */
  headers?: Record<string, string>;
  /** Changes headers after signing, as something in between would. */
  tamper?: (h: Record<string, string>) => void;
}

export interface RawAnswer {
  /** The request's nonce, which the server's signature on the answer covers. */
  nonce: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json: { error?: { code: string }; results?: { outcome: string; receiptNumber: string | null; httpStatus: number }[]; received?: number; complete?: boolean };
}

/** One hand-made signed request, for tests that must send what a kiosk never would. */
export function raw(url: string, o: RawOpts): Promise<RawAnswer> {
  const method = o.method ?? 'GET';
  const body = o.body ?? Buffer.alloc(0);
  const timestamp = String(o.timestamp ?? Date.now());
  const nonce = o.nonce ?? crypto.randomBytes(16).toString('hex');
  const bodySha256 = sha256Hex(body);
  const extra = o.headers ?? {};
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...extra,
    [H.kiosk]: o.kioskId,
    [H.timestamp]: timestamp,
    [H.nonce]: nonce,
    [H.bodyHash]: bodySha256,
    [H.signature]: sign(o.key, {
      method,
      path: o.path,
      kioskId: o.kioskId,
      timestamp,
      nonce,
      bodySha256,
      contentEncoding: extra[H.contentEncoding] ?? '',
      uploadOffset: extra[H.uploadOffset] ?? '',
      uploadLength: extra[H.uploadLength] ?? '',
      uploadSha256: extra[H.uploadSha256] ?? '',
    }),
  };
  o.tamper?.(headers);
  return new Promise((resolve, reject) => {
    const r = http.request(new URL(o.path, url), { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        let b = Buffer.concat(chunks);
        if (res.headers['content-encoding'] === 'gzip') b = zlib.gunzipSync(b);
        resolve({ nonce, status: res.statusCode ?? 0, headers: res.headers, body: b, json: JSON.parse(b.toString()) });
      });
    });
    r.on('error', reject);
    r.end(body);
  });
}
