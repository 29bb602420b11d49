// The face check's server side through the operator CLI, as real processes: a
// kiosk sends 养老资格认证 with its face descriptor, the server stores it sealed,
// a demo resident's first descriptor becomes their demo enrolment, a later one is
// compared with it and the similarity recorded as advice only, and the operator's
// complete / reject is what the kiosk then shows.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { storeConfigSchema, syncConfigSchema } from '../../../offline-store/config.js';
import { keyFileSecretStore } from '../../../offline-store/keys/key-file-store.js';
import { openKioskSync } from '../../../offline-store/kiosk-sync.js';
import { storePaths } from '../../../offline-store/paths.js';
import { generateSigningKey, signingIdentity } from '../../../offline-store/sync/signing.js';
import { faceSimilarity } from '../../../sync-server/face-advice.js';
import { idCheckDigit } from '../../../common/domain/id-number.js';
import { tempDir } from '../../unit/store/helpers.js';
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

const json = (v: unknown) => {
  const data = Buffer.from(JSON.stringify(v));
  return { data, sha256: crypto.createHash('sha256').update(data).digest('hex') };
};

function pension(idNumber: string, name: string, descriptor: number[]) {
  const d = json({ version: 1, model: 'human faceres', descriptor });
  const photo = Buffer.from('ffd8ffe000104a464946', 'hex');
  return {
    serviceId: 'pension-certification',
    catalogueVersion: '2026.11.0',
    applicant: { idNumber, name },
    formData: { forWhom: 'self', facePhoto: 'attachment:x.jpg' },
    attachments: [
      { name: '本人照片-x.jpg', mediaType: 'image/jpeg', data: photo, sha256: crypto.createHash('sha256').update(photo).digest('hex') },
      { name: 'face-descriptor.json', mediaType: 'application/json', ...d },
    ],
    actor: { kind: 'resident' as const },
  };
}

describe('face descriptors on the reference server', () => {
  it('the similarity formula is human\'s: identical descriptors 1, far apart 0', () => {
    const a = Array.from({ length: 1024 }, (_, i) => Math.sin(i));
    expect(faceSimilarity(a, a)).toBe(1);
    expect(faceSimilarity(a, a.map((x) => -x))).toBe(0);
    expect(() => faceSimilarity(a, a.slice(1))).toThrow(/different lengths/);
  });

  it('stores what it receives, enrols a demo resident, records the similarity as advice, and the operator decides', { timeout: 120_000 }, async () => {
    const dataDir = path.join(tempDir('xy-face-'), 'data');
    const paths = storePaths(dataDir);
    const k = await openKioskSync({
      dbFile: paths.dbFile,
      secrets: keyFileSecretStore(paths.keysDir),
      kioskId: 'station-dev',
      serverUrl: 'http://127.0.0.1:9',
      serverPublicKeyPem: signingIdentity(generateSigningKey()).publicKeyPem,
      sync: syncConfigSchema.parse({}),
      store: storeConfigSchema.parse({}),
      log: quietLog,
    });
    const stranger17 = '11010219500601031';
    const base = Array.from({ length: 1024 }, (_, i) => Math.sin(i * 1.7));
    const first = k.store.applications.submit(pension('110101194303050028', '张秀英', base));
    const second = k.store.applications.submit(pension('110101194303050028', '张秀英', base.map((x, i) => x + (i % 2 ? 0.19 : -0.19))));
    const stranger = k.store.applications.submit(pension(stranger17 + idCheckDigit(stranger17), '王五', base));
    await k.close();
    expect((await cli('sync', 'now', '--json', '--data-dir', dataDir)).code).toBe(0);

    // Stored: the descriptor travels as an attachment like the photo.
    const list = JSON.parse((await cli('server', 'list', '--json', '--data-dir', dataDir)).out) as { id: string; attachments: { name: string; mediaType: string }[] }[];
    expect(list.find((a) => a.id === first.id)!.attachments.map((a) => a.name)).toEqual(['本人照片-x.jpg', 'face-descriptor.json']);

    const none = await cli('server', 'face-advice', first.id, '--json', '--data-dir', dataDir);
    expect(JSON.parse(none.out)).toMatchObject({ applicationId: first.id, similarity: null });
    expect((await cli('server', 'face-enrol', first.id, '--data-dir', dataDir)).out).toContain('1101**********0028');
    const advice = await cli('server', 'face-advice', second.id, '--data-dir', dataDir);
    expect(advice.out).toMatch(/similarity 0\.\d\d to the demo enrolment — advice only/);
    const figure = JSON.parse((await cli('server', 'face-advice', second.id, '--json', '--data-dir', dataDir)).out) as { similarity: number };
    expect(figure.similarity).toBeGreaterThan(0.5);
    expect(figure.similarity).toBeLessThan(1);
    // Not a demo resident: real enrolment is the pension office's.
    const refused = await cli('server', 'face-enrol', stranger.id, '--data-dir', dataDir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('demo residents only');

    // The advice decides nothing: the operator does, and the kiosk shows it after sync.
    expect((await cli('server', 'complete', second.id, '--data-dir', dataDir)).code).toBe(0);
    const back = await cli('sync', 'now', '--json', '--data-dir', dataDir);
    expect(JSON.parse(back.out.trim().split('\n').at(-1)!)).toMatchObject({ downloaded: 1 });
    const stats = await cli('store', 'stats', '--json', '--data-dir', dataDir);
    expect(JSON.parse(stats.out)).toMatchObject({ applications: { completed: 1, accepted: 2 } });
  });
});
