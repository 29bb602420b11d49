// Kills a real kiosk process (crash-child.ts) with SIGKILL again and again while
// it enqueues and syncs, and collects the ids it reported committed before each
// kill. The crash test asserts on what the server holds afterwards;
// bench:faults counts it. Both also need the kiosk's last, unkilled start that
// drains the outbox: openCrashKiosk opens the same store the children used.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { storeConfigSchema, syncConfigSchema } from '../../offline-store/config.js';
import { keyFileSecretStore } from '../../offline-store/keys/key-file-store.js';
import type { SecretStore } from '../../offline-store/keys/secret-store.js';
import { openKioskSync, type KioskSync } from '../../offline-store/kiosk-sync.js';
import { loadKioskIdentity } from '../../offline-store/sync/identity.js';
import { repoRoot } from './kiosk-process.js';

/** The kiosk id crash-child.ts syncs as. */
export const CRASH_KIOSK_ID = 'crash-kiosk';

const nodeBin = path.join(repoRoot, 'node_modules', '.bin', 'node');
const childSource = path.join(import.meta.dirname, 'crash-child.ts');

/**
 * The child is bundled once into plain JS (esbuild, which tsx already brings) so
 * each start costs ~0.3 s instead of ~1.5 s of TypeScript loading on a busy
 * 2-core machine; without esbuild it falls back to `node --import tsx`. The
 * bundle sits under node_modules so that its one external import resolves.
 */
async function childCommand(): Promise<{ command: string[]; dispose: () => void }> {
  try {
    const { build } = await import('esbuild');
    const outfile = path.join(repoRoot, 'node_modules', '.cache', 'xiangyin-tests', `crash-child-${process.pid}.mjs`);
    await build({ entryPoints: [childSource], bundle: true, platform: 'node', format: 'esm', target: 'node22', outfile, external: ['better-sqlite3-multiple-ciphers'], logLevel: 'error' });
    return { command: [outfile], dispose: () => fs.rmSync(outfile, { force: true }) };
  } catch {
    return { command: ['--import', 'tsx', childSource], dispose: () => {} };
  }
}

/**
 * Runs one child and kills it with SIGKILL at a random moment: now and then
 * during start-up (opening, migrating), mostly while it works (enqueueing,
 * uploading, submitting batches). Returns the ids it reported committed.
 */
function runAndKill(command: string[], dataDir: string, url: string, seed: number, serverKeyFile: string): Promise<{ ids: string[]; ready: boolean }> {
  return new Promise((resolve, reject) => {
    const p = spawn(nodeBin, [...command, dataDir, url, String(seed), serverKeyFile], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
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

export interface KillRun {
  /** Ids the children reported committed before their kill. */
  reported: Set<string>;
  killedBeforeReady: number;
  secrets: SecretStore;
}

/**
 * Registers the kiosk whose keys live in dataDir with the server (through
 * `register`), then starts and kills `kills` children one after another.
 */
export async function killKioskRepeatedly(opts: {
  kills: number;
  dataDir: string;
  url: string;
  serverPublicKeyPem: string;
  register: (kioskId: string, publicKeyPem: string) => void;
  onKill?: (done: number) => void;
}): Promise<KillRun> {
  const secrets = keyFileSecretStore(path.join(opts.dataDir, 'keys'));
  const identity = await loadKioskIdentity(secrets);
  opts.register(CRASH_KIOSK_ID, identity.publicKeyPem);
  // The child pins the server's key like any kiosk; it reads it from a file.
  const serverKeyFile = path.join(opts.dataDir, 'server-key.pem');
  fs.writeFileSync(serverKeyFile, opts.serverPublicKeyPem);

  const { command, dispose } = await childCommand();
  const reported = new Set<string>();
  let killedBeforeReady = 0;
  try {
    for (let i = 0; i < opts.kills; i++) {
      const r = await runAndKill(command, opts.dataDir, opts.url, i, serverKeyFile);
      r.ids.forEach((id) => reported.add(id));
      if (!r.ready) killedBeforeReady++;
      opts.onKill?.(i + 1);
    }
  } finally {
    dispose();
  }
  return { reported, killedBeforeReady, secrets };
}

/** The kiosk's last start, not killed: the store the children left, against the same server. */
export function openCrashKiosk(opts: { dataDir: string; secrets: SecretStore; url: string; serverPublicKeyPem: string }): Promise<KioskSync> {
  return openKioskSync({
    dbFile: path.join(opts.dataDir, 'store', 'kiosk.db'),
    secrets: opts.secrets,
    kioskId: CRASH_KIOSK_ID,
    serverUrl: opts.url,
    serverPublicKeyPem: opts.serverPublicKeyPem,
    sync: syncConfigSchema.parse({ backoffBaseMs: 10, backoffMaxMs: 100 }),
    store: storeConfigSchema.parse({}),
    log: { info: () => {}, warn: () => {} },
  });
}
