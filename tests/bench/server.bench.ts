// npm run bench:server — the sync server at province scale, on this machine:
// simulated kiosks (sim-kiosk.ts: each its own key pair, real signed requests,
// real gzip, a 60 KB photo in 16 KB chunks per application) against two server
// instances (`npx xiangyin server run --db …`, separate processes) on one
// PostgreSQL (a throwaway cluster, durable: fsync and synchronous commit on)
// behind nginx, all on 127.0.0.1. Halfway through, one instance is SIGKILLed
// and started again. Then the same run against the single-process SQLite
// server (`server run --server-dir …`, synchronous=FULL), direct.
// Counts lost (an application without a receipt, or with a receipt the
// server does not hold) and duplicated (more than one row, or more than one
// receipt, for one application), checks a sample of attachments byte for byte,
// and prints where the CPU went. Last line JSON.
//   --kiosks N (2000)  --apps N per kiosk (5)  --concurrency N kiosks at once (64)
//   --max-seconds N per run (900): no new kiosk starts after that; the rest count as unfinished.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SyncServer } from '../../sync-server/server.js';
import { freePort, startCluster } from '../support/postgres-cluster.js';
import { CpuMeter } from './server/cpu-meter.js';
import { startNginx } from './server/nginx.js';
import { SimKiosk, type KioskOutcome } from './server/sim-kiosk.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const KIOSKS = arg('kiosks', 2000);
const APPS = arg('apps', 5);
const CONCURRENCY = arg('concurrency', 64);
const MAX_SECONDS = arg('max-seconds', 900);
const PHOTO_BYTES = 60 * 1024;
const CHUNK_BYTES = 16 * 1024;
const SAMPLE_ATTACHMENTS = 200;

const root = path.resolve(import.meta.dirname, '../..');
const nodeBin = path.join(root, 'node_modules', '.bin', 'node');
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

interface Instance {
  child: ChildProcess;
  url: string;
  exited: Promise<void>;
}

/** `xiangyin server run …` as its own process, once it prints the line scripts wait for. */
async function startInstance(args: string[], env: NodeJS.ProcessEnv): Promise<Instance> {
  const child = spawn(nodeBin, [path.join(root, 'bin', 'xiangyin.js'), 'server', 'run', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /SYNC_SERVER_URL=(\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server run exited ${code}: ${err}`)));
  });
  return { child, url, exited };
}

async function stopInstance(i: Instance): Promise<void> {
  if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill('SIGTERM');
  await i.exited;
}

interface RunResult {
  seconds: number;
  applicationsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  lost: number;
  duplicated: number;
  unfinished: number;
  requests: number;
  retries: number;
  attachmentsChecked: number;
  cpuSeconds: Record<string, number>;
}

/**
 * Runs every kiosk against `baseUrl` (CONCURRENCY at a time), calling `midway`
 * once half the applications have their receipts; then checks the server's
 * rows against what the kiosks were told.
 */
async function drive(o: {
  label: string;
  baseUrl: string;
  admin: SyncServer;
  kiosks: SimKiosk[];
  midway?: () => Promise<void>;
  cpu: CpuMeter;
}): Promise<RunResult> {
  const out: KioskOutcome = { receipts: new Map(), batchMs: [], requests: 0, retries: 0, gaveUp: 0 };
  const total = o.kiosks.length * APPS;
  let next = 0;
  let done = 0;
  let midwayRun: Promise<void> | null = null;
  const t0 = performance.now();
  const progress = setInterval(() => {
    const receipts = [...out.receipts.values()].filter((s) => s.size > 0).length;
    console.log(`${o.label}: ${receipts}/${total} applications with a receipt, ${done}/${o.kiosks.length} kiosks done, ${out.retries} retries, ${round((performance.now() - t0) / 1000)} s`);
  }, 10_000);
  const workers = Array.from({ length: Math.min(CONCURRENCY, o.kiosks.length) }, async () => {
    while (next < o.kiosks.length && (performance.now() - t0) / 1000 < MAX_SECONDS) {
      const k = o.kiosks[next++]!;
      await k.submit(APPS, out);
      done++;
      if (o.midway && !midwayRun && done * APPS >= total / 2) midwayRun = o.midway();
    }
  });
  await Promise.all(workers);
  await midwayRun;
  clearInterval(progress);
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = o.cpu.stop();

  // What the server holds, against what each kiosk was told.
  const rows = await o.admin.admin.applications();
  const byId = new Map<string, string[]>();
  for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r.receiptNumber]);
  let lost = 0;
  let duplicated = 0;
  for (const [id, receipts] of out.receipts) {
    const held = byId.get(id) ?? [];
    if (receipts.size === 0) lost++;
    else if (held.length === 0 || !receipts.has(held[0]!)) lost++;
    if (receipts.size > 1 || held.length > 1) duplicated++;
  }
  const known = new Set(out.receipts.keys());
  duplicated += rows.filter((r) => !known.has(r.id)).length;
  duplicated += rows.length - new Set(rows.map((r) => r.receiptNumber)).size;
  // A sample of attachments, byte for byte against the hash the kiosk declared.
  let attachmentsChecked = 0;
  for (const r of rows.slice(0, SAMPLE_ATTACHMENTS)) {
    const att = r.attachments[0]!;
    const bytes = await o.admin.attachment(att.id);
    if (!bytes || crypto.createHash('sha256').update(bytes).digest('hex') !== att.sha256) lost++;
    else attachmentsChecked++;
  }
  const sorted = [...out.batchMs].sort((a, b) => a - b);
  const accepted = [...out.receipts.values()].filter((s) => s.size > 0).length;
  return {
    seconds: round(seconds),
    applicationsPerSecond: round(accepted / seconds),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    lost,
    duplicated,
    unfinished: total - out.receipts.size,
    requests: out.requests,
    retries: out.retries,
    attachmentsChecked,
    cpuSeconds,
  };
}

async function registerAll(admin: SyncServer, kiosks: SimKiosk[], ids: string[]): Promise<void> {
  for (const [i, k] of kiosks.entries()) await admin.admin.registerKiosk(ids[i]!, k.identity.publicKeyPem);
}

function makeKiosks(prefix: string, serverPublicKeyPem: string, baseUrl: string): { kiosks: SimKiosk[]; ids: string[] } {
  const ids = Array.from({ length: KIOSKS }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}`);
  const kiosks = ids.map((id) => new SimKiosk({ id, serverPublicKeyPem, baseUrl, photoBytes: PHOTO_BYTES, chunkBytes: CHUNK_BYTES, attempts: 40 }));
  return { kiosks, ids };
}

async function postgresRun(dir: string, keyFile: string): Promise<RunResult & { instanceKills: number }> {
  const cluster = await startCluster({ durable: true, maxConnections: 100, log: console.log });
  try {
    const database = cluster.url('postgres');
    const env = { ...process.env, XIANGYIN_SERVER_DB: database, XIANGYIN_SERVER_MASTER_KEY_FILE: keyFile, XIANGYIN_CONFIG: '' };
    // The operator's side (registering kiosks, reading back) through the same storage, in this process.
    const admin = await SyncServer.open({ database, masterKey: fs.readFileSync(keyFile), seedDemo: false });
    const ports = [await freePort(), await freePort()];
    const instances = [await startInstance(['--port', String(ports[0])], env), await startInstance(['--port', String(ports[1])], env)];
    const nginx = await startNginx(path.join(dir, 'nginx'), await freePort(), ports);
    const { kiosks, ids } = makeKiosks('pg', admin.publicKeyPem, nginx.url);
    await registerAll(admin, kiosks, ids);
    const postmaster = Number(fs.readFileSync(path.join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const cpu = new CpuMeter(() => ({ postgres: [postmaster], instances: instances.map((i) => i.child.pid!), nginx: [nginx.pid] }));
    let kills = 0;
    const r = await drive({
      label: 'postgres ×2 + nginx',
      baseUrl: nginx.url,
      admin,
      kiosks,
      cpu,
      midway: async () => {
        console.log('SIGKILL instance A, and start it again on its port');
        cpu.sample();
        instances[0]!.child.kill('SIGKILL');
        await instances[0]!.exited;
        kills++;
        instances[0] = await startInstance(['--port', String(ports[0])], env);
      },
    });
    await nginx.stop();
    for (const i of instances) await stopInstance(i);
    await admin.dispose();
    return { ...r, instanceKills: kills };
  } finally {
    await cluster.stop();
  }
}

async function sqliteRun(dir: string, keyFile: string): Promise<RunResult> {
  const serverDir = path.join(dir, 'sqlite-server');
  const admin = await SyncServer.open({ dataDir: serverDir, masterKey: fs.readFileSync(keyFile), seedDemo: false });
  const port = await freePort();
  const env = { ...process.env, XIANGYIN_SERVER_MASTER_KEY_FILE: keyFile, XIANGYIN_CONFIG: '', XIANGYIN_SERVER_DB: '' };
  const instance = await startInstance(['--server-dir', serverDir, '--port', String(port)], env);
  const { kiosks, ids } = makeKiosks('lite', admin.publicKeyPem, instance.url);
  await registerAll(admin, kiosks, ids);
  const cpu = new CpuMeter(() => ({ instances: [instance.child.pid!] }));
  const r = await drive({ label: 'sqlite ×1', baseUrl: instance.url, admin, kiosks, cpu });
  await stopInstance(instance);
  await admin.dispose();
  return r;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xy-bench-server-'));
  const keyFile = path.join(dir, 'master.key');
  fs.writeFileSync(keyFile, crypto.randomBytes(32), { mode: 0o600 });
  console.log(`${KIOSKS} kiosks × ${APPS} applications, ${PHOTO_BYTES / 1024} KB photo each in ${CHUNK_BYTES / 1024} KB chunks, ${CONCURRENCY} kiosks at a time, ${os.cpus().length} cores`);
  try {
    const pg = await postgresRun(dir, keyFile);
    console.log('postgres:', JSON.stringify(pg));
    const lite = await sqliteRun(dir, keyFile);
    console.log('sqlite:', JSON.stringify(lite));
    console.log(
      JSON.stringify({
        kiosks: KIOSKS,
        applications: KIOSKS * APPS,
        seconds: pg.seconds,
        applicationsPerSecond: pg.applicationsPerSecond,
        p50Ms: pg.p50Ms,
        p99Ms: pg.p99Ms,
        lost: pg.lost,
        duplicated: pg.duplicated,
        instanceKills: pg.instanceKills,
        unfinished: pg.unfinished,
        retries: pg.retries,
        cpuSeconds: pg.cpuSeconds,
        sqlite: { seconds: lite.seconds, applicationsPerSecond: lite.applicationsPerSecond, p50Ms: lite.p50Ms, p99Ms: lite.p99Ms, lost: lite.lost, duplicated: lite.duplicated, unfinished: lite.unfinished, cpuSeconds: lite.cpuSeconds },
        ratioToSqlite: round(pg.applicationsPerSecond / lite.applicationsPerSecond, 2),
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
