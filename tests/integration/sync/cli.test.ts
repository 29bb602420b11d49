// The technician CLIs as real processes against a kiosk's data folder: sync a
// kiosk's outbox (starting the embedded server for the pass), decide on the
// server, bring the decisions back, and read the store's figures.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { storeConfigSchema, syncConfigSchema } from '../../../offline-store/config.js';
import { keyFileSecretStore } from '../../../offline-store/keys/key-file-store.js';
import { openKioskSync } from '../../../offline-store/kiosk-sync.js';
import { storePaths } from '../../../offline-store/paths.js';
import { generateSigningKey, signingIdentity } from '../../../offline-store/sync/signing.js';
import { sampleSubmit, tempDir } from '../../unit/store/helpers.js';
import { quietLog } from './harness.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const nodeBin = path.join(root, 'node_modules', '.bin', 'node');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const r = await run(nodeBin, [path.join(root, 'bin', 'xiangyin.js'), ...args], { cwd: root, env: { ...process.env, XIANGYIN_CONFIG: '' } });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

describe('store, sync and server CLIs', () => {
  it('sync now uploads, server complete/reject decide, and store stats shows the outcome', { timeout: 90_000 }, async () => {
    const dataDir = path.join(tempDir('xy-cli-'), 'data');
    const paths = storePaths(dataDir);
    const k = await openKioskSync({
      dbFile: paths.dbFile,
      secrets: keyFileSecretStore(paths.keysDir),
      kioskId: 'station-dev',
      serverUrl: 'http://127.0.0.1:9',
      // Never reached: this kiosk only fills its outbox for the CLI to send.
      serverPublicKeyPem: signingIdentity(generateSigningKey()).publicKeyPem,
      sync: syncConfigSchema.parse({}),
      store: storeConfigSchema.parse({}),
      log: quietLog,
    });
    const a = k.store.applications.submit(sampleSubmit(0));
    const b = k.store.applications.submit(sampleSubmit(1));
    await k.close();

    const before = await cli('sync', 'status', '--data-dir', dataDir);
    expect(before.out).toMatch(/outbox: +2 pending/);
    const first = await cli('sync', 'now', '--json', '--data-dir', dataDir);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out.trim().split('\n').at(-1)!)).toMatchObject({ accepted: 2, error: null, status: { pendingCount: 0 } });

    const list = await cli('server', 'list', '--json', '--data-dir', dataDir);
    expect((JSON.parse(list.out) as { id: string; status: string }[]).map((x) => x.status)).toEqual(['accepted', 'accepted']);
    expect((await cli('server', 'complete', a.id, '--data-dir', dataDir)).code).toBe(0);
    const rej = await cli('server', 'reject', b.id, '--reason', '缺少户口本', '--data-dir', dataDir);
    expect(rej.out).toContain('rejected (缺少户口本)');
    expect((await cli('server', 'reject', a.id, '--reason', 'x', '--data-dir', dataDir)).code).toBe(1);

    const second = await cli('sync', 'now', '--json', '--data-dir', dataDir);
    expect(JSON.parse(second.out.trim().split('\n').at(-1)!)).toMatchObject({ downloaded: 2 });
    const stats = await cli('store', 'stats', '--json', '--data-dir', dataDir);
    expect(JSON.parse(stats.out)).toMatchObject({ schemaVersion: 2, applications: { completed: 1, rejected: 1 }, pendingCount: 0 });
    const plain = await cli('store', 'stats', '--data-dir', dataDir);
    expect(plain.out).toMatch(/applications: +completed 1, rejected 1/);
    expect(plain.out).not.toMatch(/110101|张秀英/);
    expect((await cli('store', 'bogus')).code).toBe(2);

    // The server CLI refuses, at publish time, a catalogue its feed could not carry;
    // the kiosk's next pass is unharmed.
    const catalogueFile = path.join(dataDir, 'catalogue.json');
    fs.writeFileSync(catalogueFile, JSON.stringify({ note: 'new services' }));
    const tooLong = await cli('server', 'catalogue', `2026.12.0-${'x'.repeat(30)}`, catalogueFile, '--data-dir', dataDir);
    expect(tooLong.code).toBe(1);
    expect(tooLong.err).toContain('1-32 letters');
    expect((await cli('server', 'catalogue', '2026.12.0', catalogueFile, '--data-dir', dataDir)).code).toBe(0);
    // Registering prints the server key the kiosk pins (sync.serverPublicKey).
    const reg = await cli('server', 'register', '--kiosk', 'station-dev', '--this-kiosk', '--data-dir', dataDir);
    expect(reg.out).toMatch(/server key fingerprint [0-9a-f]{16}; set the kiosk's sync.serverPublicKey to:\n-----BEGIN PUBLIC KEY-----/);
    const third = await cli('sync', 'now', '--json', '--data-dir', dataDir);
    expect(JSON.parse(third.out.trim().split('\n').at(-1)!)).toMatchObject({ error: null, downloaded: 1 });
  });
});
