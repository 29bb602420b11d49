// Two real processes opening and migrating one fresh database at the same moment
// (two first starts, or the kiosk and a technician's CLI): for the kiosk's
// encrypted store and for the sync server's file. One waits for the other; the
// answer is never "table already exists". Each child is kept running and is sent
// the same file in the same tick, round after round, so the race is hit without
// paying for a process start per round.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../../offline-store/db/open.js';
import { LATEST_VERSION, migrate, schemaVersion } from '../../../offline-store/migrations/index.js';
import { migration001 } from '../../../offline-store/migrations/001-initial.js';
import { openServerDatabase, serverSchemaSteps } from '../../../sync-server/db.js';

const ROUNDS = 12;
const root = path.resolve(import.meta.dirname, '../../..');
const nodeBin = path.join(root, 'node_modules', '.bin', 'node');
const child = path.join(import.meta.dirname, 'migrate-child.ts');

interface Child {
  proc: ChildProcessWithoutNullStreams;
  next(): Promise<string>;
}

function start(): Promise<Child> {
  const proc = spawn(nodeBin, ['--import', 'tsx', child], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiting: { resolve(l: string): void; reject(e: Error): void }[] = [];
  readline.createInterface({ input: proc.stdout }).on('line', (l) => {
    const w = waiting.shift();
    if (w) w.resolve(l);
    else lines.push(l);
  });
  let err = '';
  proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
  // One listener for the child's life: whoever still waits for a line learns it died.
  proc.once('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`child exited (${code}): ${err.slice(0, 2000)}`));
  });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      const l = lines.shift();
      if (l !== undefined) return resolve(l);
      waiting.push({ resolve, reject });
    });
  return next().then((ready) => {
    expect(ready).toBe('READY');
    return { proc, next };
  });
}

let children: Child[] = [];
let dir = '';
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xy-migrate-race-'));
  children = await Promise.all([start(), start()]);
}, 60_000);
afterAll(() => {
  for (const c of children) c.proc.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Sends one line to both children in the same tick; returns both answers. */
async function both(line: string): Promise<string[]> {
  for (const c of children) c.proc.stdin.write(`${line}\n`);
  return Promise.all(children.map((c) => c.next()));
}

describe('two processes migrating one database at once', () => {
  it('the kiosk store: both open a fresh file at the latest version, none sees "already exists"', async () => {
    const answers: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const key = crypto.randomBytes(32);
      const file = path.join(dir, `kiosk-${round}.db`);
      answers.push(...(await both(`kiosk ${file} ${key.toString('hex')}`)));
      const db = openEncryptedDatabase({ file, key, readonly: true });
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      db.close();
    }
    // A lock held past busy_timeout may be answered with a typed StoreError('busy'); nothing else.
    const bad = answers.filter((a) => a !== 'OK' && !a.startsWith('ERR StoreError busy '));
    expect(bad).toEqual([]);
    expect(answers.filter((a) => a === 'OK').length).toBeGreaterThanOrEqual(ROUNDS);
  }, 120_000);

  it('the kiosk store: both upgrade one existing version-1 file at once, each migration runs once', async () => {
    const answers: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const key = crypto.randomBytes(32);
      const file = path.join(dir, `upgrade-${round}.db`);
      const old = openEncryptedDatabase({ file, key });
      migrate(old, [migration001]);
      old.close();
      answers.push(...(await both(`kiosk ${file} ${key.toString('hex')}`)));
      const db = openEncryptedDatabase({ file, key, readonly: true });
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      db.close();
    }
    const bad = answers.filter((a) => a !== 'OK' && !a.startsWith('ERR StoreError busy '));
    expect(bad).toEqual([]);
    expect(answers.filter((a) => a === 'OK').length).toBeGreaterThanOrEqual(ROUNDS);
  }, 120_000);

  it('the sync server: both start on a fresh folder, each step runs once, one data key and one signing key', async () => {
    const answers: string[] = [];
    const masterKey = crypto.randomBytes(32);
    for (let round = 0; round < ROUNDS; round++) {
      const serverDir = path.join(dir, `server-${round}`);
      answers.push(...(await both(`server ${serverDir} ${masterKey.toString('hex')}`)));
      const db = openServerDatabase(serverDir);
      expect(db.pragma('user_version', { simple: true })).toBe(serverSchemaSteps.length);
      expect(db.prepare('SELECT count(*) AS n FROM data_key').get()).toEqual({ n: 1 });
      expect(db.prepare('SELECT count(*) AS n FROM server_identity WHERE private_key_enc IS NOT NULL AND private_key_der IS NULL').get()).toEqual({ n: 1 });
      db.close();
    }
    expect(answers).toEqual(Array(ROUNDS * 2).fill('OK'));
  }, 120_000);
});
