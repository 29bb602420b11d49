// `npx xiangyin sync …` — the technician's view of store-and-forward sync.
//   status [--json]      the outbox and what the kiosk last saw of the server
//   now [--json]         run one sync pass from here (safe beside a running kiosk:
//                        the server's idempotency keys make a double send harmless)
//   identity             this kiosk's id, public key and fingerprint, for
//                        registering it with a real server (`xiangyin server register`)
// Shared options: --config FILE, --data-dir DIR.
import fs from 'node:fs';
import type { SyncStatus } from '../../common/domain/status.js';
import { StoreError } from '../../offline-store/db/errors.js';
import { openKioskSync } from '../../offline-store/kiosk-sync.js';
import { OfflineStore } from '../../offline-store/store.js';
import { loadKioskIdentity } from '../../offline-store/sync/identity.js';
import { readEmbeddedInfo, startEmbeddedServer } from '../../sync-server/embedded.js';
import type { SyncServer } from '../../sync-server/server.js';
import { APP_VERSION } from '../core/version.js';
import { cliContext, formatBytes, type CliContext } from './store-context.js';

const USAGE = 'usage: xiangyin sync status|now|identity [--json] [--config FILE] [--data-dir DIR]';

export async function run(args: string[]): Promise<number> {
  const ctx = cliContext(args);
  const cmd = ctx.rest[0];
  try {
    if (cmd === 'status') return await status(ctx);
    if (cmd === 'now') return await now(ctx);
    if (cmd === 'identity') return await identity(ctx);
  } catch (e) {
    if (e instanceof StoreError) {
      console.error(`store error (${e.code}): ${e.message}`);
      return 1;
    }
    throw e;
  }
  console.error(USAGE);
  return 2;
}

function serverDescription(ctx: CliContext): string {
  if (ctx.config.sync.server !== 'embedded') return ctx.config.sync.server;
  const info = readEmbeddedInfo(ctx.paths.serverDir);
  return `embedded (${info ? info.url : 'not started yet'})`;
}

async function status(ctx: CliContext): Promise<number> {
  if (!fs.existsSync(ctx.paths.dbFile)) {
    console.error(`No store at ${ctx.paths.dbFile} (has the kiosk run with this data folder?)`);
    return 1;
  }
  const store = await OfflineStore.open({ file: ctx.paths.dbFile, secrets: ctx.secrets });
  try {
    const pending = store.outbox.stats();
    const saved = store.outbox.getState('status');
    const last = saved ? (JSON.parse(saved) as SyncStatus & { savedAt?: string }) : null;
    const cursor = store.outbox.getState('cursor') ?? '0';
    if (ctx.json) {
      console.log(JSON.stringify({ server: serverDescription(ctx), pendingCount: pending.count, pendingBytes: pending.bytes, last, cursor: Number(cursor) }));
      return 0;
    }
    console.log(`server:        ${serverDescription(ctx)}`);
    console.log(`outbox:        ${pending.count} pending, ${formatBytes(pending.bytes)}`);
    console.log(`link:          ${last ? (last.online ? 'online' : 'offline') : 'unknown'}${last?.savedAt ? ` (as of ${last.savedAt})` : ''}`);
    console.log(`last success:  ${last?.lastSuccessAt ?? 'never'}`);
    console.log(`last error:    ${last?.lastError ? `${last.lastError.code}: ${last.lastError.message}` : 'none'}`);
    console.log(`change cursor: ${cursor}`);
    return 0;
  } finally {
    store.close();
  }
}

async function now(ctx: CliContext): Promise<number> {
  // With the embedded default the server lives inside the kiosk. If the kiosk is
  // not running, start the same server (same folder, same port) just for this pass.
  let temporary: SyncServer | null = null;
  let url = ctx.config.sync.server;
  let serverKey = ctx.config.sync.serverPublicKey ?? '';
  if (url === 'embedded') {
    const info = readEmbeddedInfo(ctx.paths.serverDir);
    const alive = info && info.pid !== process.pid && isAlive(info.pid);
    if (info && alive) {
      url = info.url;
      serverKey = info.publicKeyPem;
    } else {
      temporary = await startEmbeddedServer(ctx.paths.serverDir, ctx.secrets, undefined, { attachmentDays: ctx.config.store.retentionDays });
      url = temporary.url;
      serverKey = temporary.publicKeyPem;
      await temporary.admin.registerKiosk(ctx.config.stationId, (await loadKioskIdentity(ctx.secrets)).publicKeyPem);
    }
  }
  const k = await openKioskSync({
    dbFile: ctx.paths.dbFile,
    secrets: ctx.secrets,
    kioskId: ctx.config.stationId,
    serverUrl: url,
    serverPublicKeyPem: serverKey,
    sync: ctx.config.sync,
    store: ctx.config.store,
    log: { info: () => {}, warn: () => {} },
    userAgent: `xiangyin-cli/${APP_VERSION}`,
  });
  try {
    const r = await k.engine.syncNow();
    const s = k.engine.status;
    if (ctx.json) console.log(JSON.stringify({ ...r, status: s }));
    else {
      console.log(`server:   ${url}${temporary ? ' (embedded, started for this pass)' : ''}`);
      console.log(`result:   ${r.error ? `failed — ${r.error.code}: ${r.error.message}` : 'ok'}`);
      console.log(`uploaded: ${r.accepted} accepted, ${r.rejected} rejected; ${r.downloaded} change(s) downloaded`);
      console.log(`outbox:   ${s.pendingCount} pending, ${formatBytes(s.pendingBytes)}`);
    }
    return r.error ? 1 : 0;
  } finally {
    await k.close();
    await temporary?.dispose();
  }
}

async function identity(ctx: CliContext): Promise<number> {
  const id = await loadKioskIdentity(ctx.secrets);
  if (ctx.json) console.log(JSON.stringify({ kioskId: ctx.config.stationId, fingerprint: id.fingerprint, publicKeyPem: id.publicKeyPem }));
  else console.log(`kiosk id:    ${ctx.config.stationId}\nfingerprint: ${id.fingerprint}\n${id.publicKeyPem.trim()}`);
  return 0;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
