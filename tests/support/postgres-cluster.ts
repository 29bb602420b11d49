// A throwaway PostgreSQL cluster from Debian's server binaries (the
// `postgresql` package): initdb + pg_ctl in a fresh folder, listening on a unix
// socket in that folder (and, when asked, on a free 127.0.0.1 port), removed
// when stopped. PostgreSQL refuses to run as root, so under root the cluster
// runs as a dedicated system user (`xiangyin-pg`, created when missing).
// Readiness is awaited with pg_isready, never with a sleep.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const CLUSTER_USER = 'xiangyin-pg';

export interface PgCluster {
  /** The folder holding the data and the socket. */
  dir: string;
  socketDir: string;
  port: number;
  /** A superuser URL over the unix socket (`postgres` database unless named). */
  url(database?: string): string;
  /** The same over TCP on 127.0.0.1, when started with `tcp`. */
  tcpUrl(database?: string): string;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** Also listen on 127.0.0.1 (for processes that are not handed the socket path). */
  tcp?: boolean;
  /**
   * Durable (fsync, synchronous commit) as a production database; off by
   * default for tests, whose data dies with the cluster anyway and which only
   * kill server processes, never the database.
   */
  durable?: boolean;
  maxConnections?: number;
  log?: (line: string) => void;
}

/** The newest Debian PostgreSQL server binaries (/usr/lib/postgresql/N/bin), or null. */
export function findPgBin(): string | null {
  const root = '/usr/lib/postgresql';
  let versions: string[];
  try {
    versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')));
  } catch {
    return null;
  }
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

function clusterUser(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, CLUSTER_USER], { encoding: 'utf8' }).trim());
  if (spawnSync('id', [CLUSTER_USER]).status !== 0) {
    const r = spawnSync('useradd', ['--system', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', CLUSTER_USER], { encoding: 'utf8' });
    // Two test runs creating it at once: the loser finds it there.
    if (r.status !== 0 && spawnSync('id', [CLUSTER_USER]).status !== 0) throw new Error(`cannot create the system user ${CLUSTER_USER}: ${r.stderr}`);
  }
  return { uid: id('-u'), gid: id('-g') };
}

/** A TCP port free on 127.0.0.1 now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function run(bin: string, args: string[], as: RunAs, what: string): void {
  const r = spawnSync(bin, args, { ...as, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' } });
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}): ${(r.stderr || r.stdout || '').slice(-2000)}`);
}

export async function startCluster(o: ClusterOptions = {}): Promise<PgCluster> {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql (install the Debian package `postgresql`)');
  const as = clusterUser();
  // Under /tmp rather than a test's private TMPDIR: the cluster's user must reach it.
  const dir = fs.mkdtempSync(path.join('/tmp', 'xiangyin-pg-'));
  fs.chmodSync(dir, 0o700);
  if (as.uid !== undefined) fs.chownSync(dir, as.uid, as.gid!);
  const data = path.join(dir, 'data');
  const port = o.tcp ? await freePort() : 5432;
  let started = false;
  const stop = async () => {
    if (started) spawnSync(path.join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '60'], { ...as, encoding: 'utf8' });
    started = false;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions', '--no-sync'], as, 'initdb');
    const settings = [
      `listen_addresses='${o.tcp ? '127.0.0.1' : ''}'`,
      `port=${port}`,
      `unix_socket_directories='${dir}'`,
      `max_connections=${o.maxConnections ?? 300}`,
      'shared_buffers=128MB',
      ...(o.durable ? [] : ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off']),
    ];
    fs.appendFileSync(path.join(data, 'postgresql.conf'), `\n# xiangyin throwaway cluster\n${settings.join('\n')}\n`);
    started = true;
    run(path.join(bin, 'pg_ctl'), ['start', '-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '300'], as, 'pg_ctl start');
    await waitReady(bin, dir, port);
  } catch (e) {
    const logFile = path.join(dir, 'server.log');
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
    await stop();
    throw new Error(`${(e as Error).message}${tail ? `\nserver log:\n${tail}` : ''}`, { cause: e });
  }
  o.log?.(`postgresql cluster in ${dir} (socket${o.tcp ? `, 127.0.0.1:${port}` : ''})`);
  return {
    dir,
    socketDir: dir,
    port,
    url: (db = 'postgres') => `postgres://postgres@/${db}?host=${encodeURIComponent(dir)}&port=${port}`,
    tcpUrl: (db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${db}`,
    stop,
  };
}

/** pg_isready until it says yes: a slow machine may take long, and a state, not a time, decides. */
async function waitReady(bin: string, socketDir: string, port: number): Promise<void> {
  for (let i = 0; ; i++) {
    const code = await new Promise<number | null>((resolve) => {
      const p = spawn(path.join(bin, 'pg_isready'), ['-h', socketDir, '-p', String(port), '-U', 'postgres', '-t', '5'], { stdio: 'ignore' });
      p.on('exit', resolve);
      p.on('error', () => resolve(-1));
    });
    if (code === 0) return;
    // 2 = no response (not started), 1 = rejecting (starting up): ask again; give up after ~5 minutes of asking.
    if (i > 600) throw new Error(`pg_isready never answered yes (last exit ${code})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
