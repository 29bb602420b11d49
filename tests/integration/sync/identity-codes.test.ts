// One-time codes through the real server and the kiosk's real signed client,
// against both storages: a TV box asks for a code for a keyed number, the
// simulated gateway writes the text to the outbox (the phone masked), the box
// sends the code back; a wrong code, another box, a number with no phone and a
// second request within the minute each get their typed answer; the station the
// box names reads the outbox, another kiosk does not see it. And the schema steps
// that hold them (SQLite v6, PostgreSQL v4), added to a database of the version before.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../offline-store/db/sqlite.js';
import { openServerDatabase, serverSchemaSteps } from '../../../sync-server/db.js';
import { migratePostgres, postgresSchemaSteps } from '../../../sync-server/storage/postgres/schema.js';
import { freshDatabase, postgresAvailable, storages } from '../../support/postgres.js';
import { tempDir } from '../../unit/store/helpers.js';
import { serverWithKiosks } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const ZHANG = '110101194303050028';
const NOBODY = '110102195006010311';
const codeIn = (text: string) => /验证码是(\d{6})/.exec(text)?.[1] ?? '';

describe.each(storages)('one-time codes at the server (%s storage)', (storage) => {
  it('texts a code to the phone on file, checks it once, and answers every refusal in its own words', async () => {
    const { kiosks } = await serverWithKiosks(storage, ['tv-home-1', 'tv-home-2', 'station-s1'], cleanups);
    const { 'tv-home-1': tv, 'tv-home-2': other, 'station-s1': station } = kiosks;

    expect(await tv.client.requestIdentityCode({ idNumber: NOBODY, station: 'station-s1' })).toEqual({ outcome: 'no-phone-on-file' });
    expect(await tv.client.requestIdentityCode({ idNumber: ZHANG, station: 'station-s1' })).toEqual({ outcome: 'sent', phoneMasked: '138****5678', expiresInSeconds: 300, resendAfterSeconds: 60 });
    const again = await tv.client.requestIdentityCode({ idNumber: ZHANG, station: 'station-s1' });
    expect(again.outcome).toBe('rate-limited');

    // The station the box names sees the text (the whole phone never); the box itself too; another box not.
    const atStation = await station.client.smsOutbox();
    expect(atStation).toHaveLength(1);
    expect(atStation[0]!.phoneMasked).toBe('138****5678');
    expect(JSON.stringify(atStation)).not.toContain('13812345678');
    expect(await tv.client.smsOutbox()).toEqual(atStation);
    expect(await other.client.smsOutbox()).toEqual([]);
    const code = codeIn(atStation[0]!.text);
    expect(code).toMatch(/^\d{6}$/);

    const wrong = code === '000000' ? '000001' : '000000';
    expect(await tv.client.verifyIdentityCode({ idNumber: ZHANG, code: wrong })).toEqual({ outcome: 'wrong-code', attemptsLeft: 4 });
    expect(await other.client.verifyIdentityCode({ idNumber: ZHANG, code })).toEqual({ outcome: 'no-code' });
    expect(await tv.client.verifyIdentityCode({ idNumber: ZHANG, code })).toEqual({ outcome: 'verified' });
    expect(await tv.client.verifyIdentityCode({ idNumber: ZHANG, code })).toEqual({ outcome: 'no-code' });
  });
});

describe.each(storages)('who is behind a TV\'s call for help (%s storage)', (storage) => {
  it('the station\'s listing names the caller (masked) and the phone on file, only for a number whose code was keyed back on that box; sealed at rest', async () => {
    const { started, kiosks } = await serverWithKiosks(storage, ['tv-home-1', 'tv-home-2', 'station-s1'], cleanups);
    const { 'tv-home-1': tv, 'tv-home-2': other, 'station-s1': station } = kiosks;
    const call = (id: string, checkedIdNumber?: string) => ({ id, toStation: 'station-s1', reason: 'asked' as const, serviceId: null, ...(checkedIdNumber ? { checkedIdNumber } : {}) });

    // Named before any code: no caller. Another box naming the number: no caller either.
    await tv.client.openHelpCall(call('00000000-0000-4000-8000-000000000001', ZHANG));
    expect((await station.client.helpCallsForMe())[0]!.caller).toBeNull();
    expect(await tv.client.requestIdentityCode({ idNumber: ZHANG, station: 'station-s1' })).toMatchObject({ outcome: 'sent' });
    const code = codeIn((await station.client.smsOutbox())[0]!.text);
    expect(await tv.client.verifyIdentityCode({ idNumber: ZHANG, code })).toEqual({ outcome: 'verified' });
    await other.client.openHelpCall(call('00000000-0000-4000-8000-000000000002', ZHANG));

    // The same call asked again, now that the family's code was keyed back on this box: the desk learns who.
    const toTv = await tv.client.openHelpCall(call('00000000-0000-4000-8000-000000000001', ZHANG));
    expect(toTv.caller ?? null).toBeNull();
    const listed = await station.client.helpCallsForMe();
    const mine = listed.find((c) => c.fromKiosk === 'tv-home-1')!;
    expect(mine.caller).toEqual({ name: '张**', idNumber: '1101**********0028', phone: '13812345678' });
    expect(listed.find((c) => c.fromKiosk === 'tv-home-2')!.caller).toBeNull();
    // The TV and another party are never told it; at rest it is sealed.
    expect((await tv.client.helpCall('00000000-0000-4000-8000-000000000001')).caller ?? null).toBeNull();
    const held = await started.server.storage.withHelpCalls((calls) => JSON.stringify([...calls.values()]));
    for (const clear of ['13812345678', '张秀英', ZHANG]) expect(held).not.toContain(clear);
  });
});

describe('the schema steps that hold one-time codes', () => {
  it('SQLite version 6, added to a version 5 file, keeps what was there', () => {
    const dir = tempDir('xy-codes-v5-');
    fs.mkdirSync(path.join(dir, 'uploads'));
    const old = new Database(path.join(dir, 'server.db'));
    for (const step of serverSchemaSteps.slice(0, 5)) step(old);
    old.pragma('user_version = 5');
    old.prepare('INSERT INTO help_calls (id, call_json) VALUES (?, ?)').run('c1', '{}');
    old.close();
    expect(serverSchemaSteps).toHaveLength(6);
    const db = openServerDatabase(dir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(6);
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('resident_phones', 'one_time_codes', 'sms_outbox') ORDER BY name").all() as { name: string }[]).map((r) => r.name);
      expect(tables).toEqual(['one_time_codes', 'resident_phones', 'sms_outbox']);
      expect(db.prepare('SELECT count(*) AS n FROM help_calls').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it.skipIf(!postgresAvailable())('PostgreSQL version 4, added to a version 3 database', async () => {
    const db = await freshDatabase();
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    cleanups.push(() => pool.end());
    expect(await migratePostgres(pool, 3)).toBe(3);
    await pool.query("INSERT INTO help_calls (id, call_json) VALUES ('c1', '{}')");
    expect(postgresSchemaSteps).toHaveLength(4);
    expect(await migratePostgres(pool)).toBe(4);
    const tables = (await pool.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('resident_phones', 'one_time_codes', 'sms_outbox') ORDER BY 1")).rows.map((r) => r.t);
    expect(tables).toEqual(['one_time_codes', 'resident_phones', 'sms_outbox']);
    expect((await pool.query('SELECT count(*)::int AS n FROM help_calls')).rows[0]).toEqual({ n: 1 });
  });
});
