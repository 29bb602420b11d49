// Crash: a real kiosk process enqueues and syncs while being killed with SIGKILL
// at random moments, 200 times (during start-up, mid-enqueue, mid-upload,
// mid-batch). Afterwards the server holds every enqueued application exactly
// once, with its receipt matching the kiosk's, and every attachment intact.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeConfigSchema, syncConfigSchema } from '../../../offline-store/config.js';
import { openEncryptedDatabase } from '../../../offline-store/db/open.js';
import { keyFileSecretStore } from '../../../offline-store/keys/key-file-store.js';
import { DATABASE_KEY_NAME } from '../../../offline-store/keys/secret-store.js';
import { openKioskSync } from '../../../offline-store/kiosk-sync.js';
import { loadKioskIdentity } from '../../../offline-store/sync/identity.js';
import { tempDir } from '../../unit/store/helpers.js';
import { quietLog, startServer } from './harness.js';

const KILLS = Number(process.env.XY_CRASH_KILLS ?? 200);
const root = path.resolve(import.meta.dirname, '../../..');
const nodeBin = path.join(root, 'node_modules', '.bin', 'node');
const childSource = path.join(import.meta.dirname, 'crash-child.ts');

/**
 * The child is bundled once into plain JS (esbuild, which tsx already brings) so
 * each of the 200 starts costs ~0.3 s instead of ~1.5 s of TypeScript loading on
 * a busy 2-core machine; without esbuild it falls back to `node --import tsx`.
 */
async function childCommand(): Promise<string[]> {
  try {
    const { build } = await import('esbuild');
    const outfile = path.join(root, 'node_modules', '.cache', 'xiangyin-tests', `crash-child-${process.pid}.mjs`);
    await build({ entryPoints: [childSource], bundle: true, platform: 'node', format: 'esm', target: 'node22', outfile, external: ['better-sqlite3-multiple-ciphers'], logLevel: 'error' });
    cleanups.push(() => fs.rmSync(outfile, { force: true }));
    return [outfile];
  } catch {
    return ['--import', 'tsx', childSource];
  }
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * Runs one child and kills it with SIGKILL at a random moment: now and then
 * during start-up (opening, migrating), mostly while it works (enqueueing,
 * uploading, submitting batches). Returns the ids it reported committed.
 */
function runAndKill(command: string[], dataDir: string, url: string, seed: number, serverKeyFile: string): Promise<{ ids: string[]; ready: boolean }> {
  return new Promise((resolve, reject) => {
    const p = spawn(nodeBin, [...command, dataDir, url, String(seed), serverKeyFile], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    const killAt = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => p.kill('SIGKILL'), ms);
    };
    const duringStartup = Math.random() < 0.15;
    if (duringStartup) killAt(Math.random() * 400);
    else killAt(20_000); // a safety net; the real kill follows READY
    p.stdout.on('data', (c: Buffer) => {
      const first = !out.includes('READY\n');
      out += c.toString();
      if (!duringStartup && first && out.includes('READY\n')) killAt(Math.random() * 800);
    });
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`child exited on its own (code ${code}): ${err.slice(0, 2000)}`));
      // Only whole lines count: a line cut by the kill was not reported.
      const lines = out.split('\n').slice(0, -1);
      resolve({ ids: lines.filter((l) => l.startsWith('E ')).map((l) => l.slice(2)), ready: lines.includes('READY') });
    });
  });
}

describe('crash safety', () => {
  it(`${KILLS} SIGKILLs while enqueueing and syncing: every application on the server exactly once, attachments intact`, { timeout: 600_000 }, async () => {
    const { server, url } = await startServer();
    cleanups.push(() => server.dispose());
    const dataDir = tempDir('xy-crash-');
    const secrets = keyFileSecretStore(path.join(dataDir, 'keys'));
    const identity = await loadKioskIdentity(secrets);
    server.admin.registerKiosk('crash-kiosk', identity.publicKeyPem);
    // The child pins the server's key like any kiosk; it reads it from a file.
    const serverKeyFile = path.join(dataDir, 'server-key.pem');
    fs.writeFileSync(serverKeyFile, server.publicKeyPem);

    const command = await childCommand();
    const reported = new Set<string>();
    let killedBeforeReady = 0;
    for (let i = 0; i < KILLS; i++) {
      const r = await runAndKill(command, dataDir, url, i, serverKeyFile);
      r.ids.forEach((id) => reported.add(id));
      if (!r.ready) killedBeforeReady++;
    }

    // A last kiosk start drains the outbox.
    const k = await openKioskSync({
      dbFile: path.join(dataDir, 'store', 'kiosk.db'),
      secrets,
      kioskId: 'crash-kiosk',
      serverUrl: url,
      serverPublicKeyPem: server.publicKeyPem,
      sync: syncConfigSchema.parse({ backoffBaseMs: 10, backoffMaxMs: 100 }),
      store: storeConfigSchema.parse({}),
      log: quietLog,
    });
    cleanups.push(() => k.close());
    for (let i = 0; i < 20 && k.store.outbox.stats().count > 0; i++) await k.engine.syncNow();

    const local = k.store.applications.list({ limit: 100_000 });
    const localIds = new Set(local.map((a) => a.id));
    expect(reported.size).toBeGreaterThan(KILLS);
    for (const id of reported) expect(localIds.has(id), `reported ${id} missing from the store`).toBe(true);
    expect(local.every((a) => a.status === 'accepted')).toBe(true);

    const onServer = server.admin.applications({ kioskId: 'crash-kiosk' });
    expect(onServer.length).toBe(local.length);
    expect(new Set(onServer.map((a) => a.id))).toEqual(localIds);
    const receipts = new Map(local.map((a) => [a.id, a.receiptNumber]));
    for (const a of onServer) {
      expect(a.receiptNumber).toBe(receipts.get(a.id));
      const detail = k.store.applications.get(a.id);
      expect(a.attachments.map((x) => x.sha256)).toEqual(detail.attachments.map((x) => x.sha256));
      for (const att of a.attachments) {
        const bytes = server.attachment(att.id)!;
        expect(bytes.length).toBe(att.size);
        expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(att.sha256);
      }
    }
    expect(new Set(onServer.map((a) => a.receiptNumber)).size).toBe(onServer.length);

    // And the kiosk's file itself is sound after 200 hard kills.
    const key = await secrets.getOrCreate(DATABASE_KEY_NAME, () => Buffer.alloc(0));
    const db = openEncryptedDatabase({ file: path.join(dataDir, 'store', 'kiosk.db'), key, readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    console.info(`crash test: ${KILLS} kills (${killedBeforeReady} during start-up), ${local.length} applications, ${reported.size} reported before their kill`);
  });
});
