// The store-sync station module through the real dispatcher: submit with a photo,
// watch the status hub go online with nothing pending, take the embedded server
// away and back, and open a damaged store without crashing the station.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStation, type Station } from '../../../main/core/station.js';
import { parseStationConfig } from '../../../main/core/config.js';
import { nodePlatform } from '../../../main/core/platform.js';
import { createLogger } from '../../../main/core/logger.js';
import { storeSyncModule, type EmbeddedSyncServerService } from '../../../main/core/modules/store-sync.js';
import { specialistModule } from '../../../main/core/modules/specialist.js';
import { memorySecretStore } from '../../../offline-store/keys/secret-store.js';
import { photo, residents, tempDir } from '../../unit/store/helpers.js';

const stations: Station[] = [];
const ctx = { host: 'web' as const, connection: 'test' };
/** Every log line the station wrote: checked for personal data. */
const logLines: string[] = [];
afterEach(async () => {
  for (const s of stations.splice(0)) await s.dispose();
});

async function station(dataDir: string, secrets = memorySecretStore()) {
  const s = await createStation({
    config: parseStationConfig({ stationId: 'station-t1', sync: { intervalSeconds: 3600, backoffBaseMs: 50, backoffMaxMs: 200, requestTimeoutMs: 2000 } }),
    platform: nodePlatform({ dataDir, secrets, log: createLogger('station', (l) => logLines.push(l)) }),
    host: 'web',
    modules: [storeSyncModule, specialistModule],
  });
  stations.push(s);
  // The desk channels (代办, the queue, the audit log) need this connection's own desk session.
  const login = await s.dispatcher.call('specialist:login', { specialistId: 'dev', pin: '135790' }, ctx);
  expect(login).toMatchObject({ ok: true, value: { outcome: 'ok' } });
  return s;
}

async function until(pred: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('store-sync station module', () => {
  it('submits through the contract, syncs to the embedded server and reports real status', async () => {
    const s = await station(tempDir('xy-station-'));
    const events: { id: string; status: string }[] = [];
    const sub = s.dispatcher.subscribe('store:application-changed', {}, (e) => events.push(e as { id: string; status: string }), ctx);
    expect(sub.ok).toBe(true);
    const p = photo(200 * 1024, 9);
    const submitted = await s.dispatcher.call(
      'store:submit-application',
      {
        serviceId: 'pension-certification',
        catalogueVersion: '2026.11.0',
        formData: { address: residents[0].address },
        applicant: { idNumber: residents[0].idNumber, name: residents[0].name },
        attachments: [{ name: '人像', mediaType: 'image/jpeg', base64: p.data.toString('base64'), sha256: p.sha256 }],
        onBehalf: true,
      },
      ctx,
    );
    expect(submitted).toMatchObject({ ok: true, value: { status: 'queued', localTrackingNumber: expect.stringMatching(/^XY-\d{8}-0001$/) } });
    const id = (submitted as { value: { id: string } }).value.id;
    await until(() => s.status.get().sync.online && s.status.get().sync.pendingCount === 0);
    expect(events.filter((e) => e.id === id).map((e) => e.status)).toEqual(['queued', 'sending', 'accepted']);
    const got = await s.dispatcher.call('store:get-application', { id }, ctx);
    expect(got).toMatchObject({ ok: true, value: { status: 'accepted', receiptNumber: expect.stringMatching(/^SB-/) } });

    const server = s.services.get<EmbeddedSyncServerService>('embedded-sync-server')!;
    const url = server.url;
    await server.stop();
    const offline = await s.dispatcher.call('sync:now', {}, ctx);
    expect(offline).toMatchObject({ ok: true, value: { status: { online: false, lastError: { code: 'network' } } } });
    expect(s.status.get().sync.online).toBe(false);
    const cached = await s.dispatcher.call('store:query-social-insurance', { idNumber: residents[0].idNumber }, ctx);
    expect(cached).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await server.start();
    expect(server.url).toBe(url);
    await until(() => s.status.get().sync.online);
    const live = await s.dispatcher.call('store:query-social-insurance', { idNumber: residents[0].idNumber }, ctx);
    expect(live).toMatchObject({ ok: true, value: { source: 'live', record: { name: '张秀英' } } });
    // The card's name must be the record's: a record in another name is withheld, not shown or printed.
    const sameName = await s.dispatcher.call('store:query-social-insurance', { idNumber: residents[0].idNumber, name: '张秀英' }, ctx);
    expect(sameName).toMatchObject({ ok: true, value: { record: { name: '张秀英' } } });
    const otherName = await s.dispatcher.call('store:query-social-insurance', { idNumber: residents[0].idNumber, name: '王秀英' }, ctx);
    expect(otherName).toMatchObject({ ok: true, value: { source: 'live', record: null, refused: 'name-mismatch' } });
    expect(JSON.stringify(otherName)).not.toContain('张秀英');
    const queue = await s.dispatcher.call('store:list-applications', { idNumber: residents[0].idNumber }, ctx);
    expect(queue).toMatchObject({ ok: true, value: { applications: [{ id, onBehalfOf: { specialistId: 'dev', specialistName: '开发测试员' } }] } });
    expect(JSON.stringify(queue)).not.toContain(residents[0].idNumber);
    expect(await s.dispatcher.call('store:rate-satisfaction', { serviceId: 'pension-certification', applicationId: id, score: 5 }, ctx)).toMatchObject({ ok: true });
    expect(await s.dispatcher.call('store:audit-append', { action: 'receipt.print', subjectId: id }, ctx)).toMatchObject({ ok: true });

    expect(logLines.length).toBeGreaterThan(0);
    const logged = logLines.join('\n');
    for (const needle of [residents[0].idNumber, residents[0].name, residents[0].address, '110101']) expect(logged).not.toContain(needle);
  });

  it('refuses a photo whose hash does not match, and a payload above the channel limit', async () => {
    const s = await station(tempDir('xy-station-'));
    const p = photo(1000, 2);
    const bad = await s.dispatcher.call(
      'store:submit-application',
      { serviceId: 'elderly-allowance', catalogueVersion: '1', formData: {}, attachments: [{ name: 'x', mediaType: 'image/jpeg', base64: p.data.toString('base64'), sha256: crypto.createHash('sha256').update('other').digest('hex') }] },
      ctx,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const huge = await s.dispatcher.call('store:submit-application', { serviceId: 'elderly-allowance', catalogueVersion: '1', formData: {}, attachments: [{ name: 'x', mediaType: 'image/jpeg', base64: 'A'.repeat(9 * 1024 * 1024), sha256: '0'.repeat(64) }] }, ctx);
    expect(huge).toMatchObject({ ok: false, error: { code: 'payload-too-large' } });
  });

  it('a damaged store is an error state and a storage-error on every channel, not a crash', async () => {
    const dir = tempDir('xy-station-');
    const secrets = memorySecretStore();
    const s1 = await station(dir, secrets);
    await s1.dispose();
    stations.length = 0;
    const file = path.join(dir, 'store', 'kiosk.db');
    fs.writeFileSync(file, crypto.randomBytes(8192));
    const s2 = await station(dir, secrets);
    expect(s2.status.get().store).toMatchObject({ state: 'error', message: expect.stringContaining('无法解密') });
    expect(await s2.dispatcher.call('store:list-applications', {}, ctx)).toMatchObject({ ok: false, error: { code: 'storage-error' } });
  });
});
