// Many web hosts starting for the first time at once (a double-clicked launcher,
// a service restarted while the first start still runs) must all end with the
// one key on disk, and every database any of them created must open with it.
// The web host's key store used to rename its temp file over the key: the last
// writer won and the databases the others had created were lost for good.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../../offline-store/db/open.js';
import { DATABASE_KEY_NAME } from '../../../offline-store/keys/secret-store.js';
import { repoRoot } from '../../support/kiosk-process.js';

const STARTS = Number(process.env.XY_KEY_STARTS ?? 8);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xy-keyrace-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('concurrent first starts', () => {
  it(`${STARTS} processes creating the key at once all use the key on disk`, async () => {
    const keysDir = path.join(work, 'xiangyin-keys');
    const children = Array.from({ length: STARTS }, (_, i) => {
      const dbFile = path.join(work, `db-${i}`, 'kiosk.db');
      const p = spawn(path.join(repoRoot, 'node_modules', '.bin', 'node'), ['--import', 'tsx', 'tests/integration/keys/first-start-child.ts', keysDir, dbFile], {
        cwd: repoRoot,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      p.stderr.on('data', (c: Buffer) => (err += c.toString()));
      const ready = new Promise<void>((resolve) => p.stdout.on('data', (c: Buffer) => ((out += c.toString()), out.includes('ready') && resolve())));
      const done = new Promise<string>((resolve, reject) =>
        p.on('close', (code) => {
          const m = /key=([0-9a-f]+)/.exec(out);
          if (code === 0 && m) resolve(m[1]!);
          else reject(new Error(`start ${i} exited with ${code}\n${err}`));
        }),
      );
      return { p, ready, done, dbFile };
    });
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.p.stdin.write('go\n');
    const used = await Promise.all(children.map((c) => c.done));

    const onDisk = fs.readFileSync(path.join(keysDir, `${DATABASE_KEY_NAME}.key`));
    expect(new Set(used)).toEqual(new Set([onDisk.toString('hex')]));
    expect(fs.statSync(path.join(keysDir, `${DATABASE_KEY_NAME}.key`)).mode & 0o777).toBe(0o600);
    // No temp files left behind beside the key.
    expect(fs.readdirSync(keysDir)).toEqual([`${DATABASE_KEY_NAME}.key`]);
    for (const c of children) {
      const db = openEncryptedDatabase({ file: c.dbFile, key: onDisk, readonly: true });
      expect(db.prepare('SELECT v FROM t').get()).toEqual({ v: 'written at first start' });
      db.close();
    }
  }, 120_000);
});
