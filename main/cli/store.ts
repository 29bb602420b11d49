// `npx xiangyin store …` — the technician's view of the kiosk's offline store.
//   stats [--json]            sizes, schema version, applications by status, outbox
//   purge                     apply the retention rule now
// Shared options: --config FILE, --data-dir DIR.
import fs from 'node:fs';
import { StoreError } from '../../offline-store/db/errors.js';
import { OfflineStore } from '../../offline-store/store.js';
import { cliContext, formatBytes } from './store-context.js';

const USAGE = 'usage: xiangyin store stats|purge [--json] [--config FILE] [--data-dir DIR]';

export async function run(args: string[]): Promise<number> {
  const ctx = cliContext(args);
  const cmd = ctx.rest[0];
  if (cmd !== 'stats' && cmd !== 'purge') {
    console.error(USAGE);
    return 2;
  }
  if (!fs.existsSync(ctx.paths.dbFile)) {
    console.error(`No store at ${ctx.paths.dbFile} (has the kiosk run with this data folder?)`);
    return 1;
  }
  let store: OfflineStore;
  try {
    store = await OfflineStore.open({ file: ctx.paths.dbFile, secrets: ctx.secrets });
  } catch (e) {
    if (e instanceof StoreError) {
      console.error(`store error (${e.code}): ${e.message}`);
      return 1;
    }
    throw e;
  }
  try {
    if (cmd === 'purge') {
      const r = store.purgeExpired(ctx.config.store.retentionDays);
      console.log(ctx.json ? JSON.stringify(r) : `purged ${r.applications} completed application(s) older than ${ctx.config.store.retentionDays} days, ${r.cacheEntries} cached answer(s)`);
      return 0;
    }
    const s = store.stats();
    if (ctx.json) {
      console.log(JSON.stringify(s));
      return 0;
    }
    console.log(`store:          ${s.file}`);
    console.log(`schema version: ${s.schemaVersion}`);
    console.log(`file size:      ${formatBytes(s.fileBytes)} (+ WAL ${formatBytes(s.walBytes)})`);
    console.log(`applications:   ${Object.entries(s.applications).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
    console.log(`outbox:         ${s.pendingCount} pending, ${formatBytes(s.pendingBytes)}`);
    console.log(`audit entries:  ${s.auditEntries}`);
    console.log(`cached answers: ${s.cachedQueries}`);
    console.log(`ratings:        ${s.ratings}`);
    return 0;
  } catch (e) {
    if (e instanceof StoreError) {
      console.error(`store error (${e.code}): ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    store.close();
  }
}
