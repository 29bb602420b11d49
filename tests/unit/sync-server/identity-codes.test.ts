// The one-time code rules of the reference server (identity-codes.ts), over a
// real SQLite storage with an injected clock and a recording SMS gateway: a code
// is texted to the phone on file only, is stored only as a keyed hash, works once
// within 5 minutes and only for the box it was sent for; 5 wrong tries lock it;
// at most 1 send a minute and 5 an hour per number.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedDemoResidents } from '../../../sync-server/demo-data.js';
import { IdentityCodeDesk } from '../../../sync-server/identity-codes.js';
import type { SmsMessage } from '../../../sync-server/sms.js';
import { SqliteStorage } from '../../../sync-server/storage/sqlite-storage.js';
import { unlockVault } from '../../../sync-server/vault.js';

const ZHANG = '110101194303050028'; // a demo resident, phone 13812345678 on file
const NOBODY = '110102195006010311'; // valid, but nobody on file

const open: SqliteStorage[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

async function setup() {
  const storage = new SqliteStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'codes-')));
  open.push(storage);
  const clock = { t: Date.parse('2026-12-06T08:00:00Z') };
  const now = () => new Date(clock.t);
  const vault = await unlockVault(storage, crypto.randomBytes(32), now);
  await storage.useVault(vault);
  await seedDemoResidents(storage, vault, '2026-11-01T00:00:00.000Z');
  const sent: SmsMessage[] = [];
  let next = 123456;
  const desk = new IdentityCodeDesk(storage, vault, { kind: 'recording', send: async (m) => void sent.push(m) }, now, () => String(next++).padStart(6, '0'));
  const codeOf = (m: SmsMessage | undefined) => /验证码是(\d{6})/.exec(m?.text ?? '')?.[1] ?? '';
  return { storage, desk, clock, sent, codeOf };
}

const ask = (idNumber: string) => ({ idNumber, station: null });

describe('one-time codes at the reference server', () => {
  it('texts 6 digits to the phone on file and says only the masked phone; a number with no phone gets none', async () => {
    const { desk, sent, codeOf } = await setup();
    expect(await desk.request('tv-1', ask(NOBODY))).toEqual({ outcome: 'no-phone-on-file' });
    expect(sent).toHaveLength(0);
    expect(await desk.request('tv-1', ask(ZHANG))).toEqual({ outcome: 'sent', phoneMasked: '138****5678', expiresInSeconds: 300, resendAfterSeconds: 60 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.phone).toBe('13812345678');
    expect(codeOf(sent[0])).toMatch(/^\d{6}$/);
    expect(await desk.verify('tv-1', { idNumber: ZHANG, code: codeOf(sent[0]) })).toEqual({ outcome: 'verified' });
    // Used once.
    expect(await desk.verify('tv-1', { idNumber: ZHANG, code: codeOf(sent[0]) })).toEqual({ outcome: 'no-code' });
  });

  it('stores the code only as a keyed hash, never the digits', async () => {
    const { storage, desk, sent, codeOf } = await setup();
    await desk.request('tv-1', ask(ZHANG));
    const code = codeOf(sent[0]);
    const rows = storage.db.prepare('SELECT state_json FROM one_time_codes').all() as { state_json: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.state_json).not.toContain(code);
    expect(rows[0]!.state_json).not.toContain(crypto.createHash('sha256').update(code).digest('hex'));
    const file = fs.readFileSync(path.join(storage.dir, 'server.db'));
    expect(file.includes(Buffer.from('13812345678'))).toBe(false);
  });

  it('expires after 5 minutes', async () => {
    const { desk, clock, sent, codeOf } = await setup();
    await desk.request('tv-1', ask(ZHANG));
    clock.t += 5 * 60_000;
    expect(await desk.verify('tv-1', { idNumber: ZHANG, code: codeOf(sent[0]) })).toEqual({ outcome: 'expired' });
  });

  it('counts wrong tries and locks the code at the fifth; the right code then opens nothing', async () => {
    const { desk, sent, codeOf } = await setup();
    await desk.request('tv-1', ask(ZHANG));
    const right = codeOf(sent[0]);
    const wrong = right === '000000' ? '000001' : '000000';
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await desk.verify('tv-1', { idNumber: ZHANG, code: wrong }));
    expect(answers).toEqual([
      { outcome: 'wrong-code', attemptsLeft: 4 },
      { outcome: 'wrong-code', attemptsLeft: 3 },
      { outcome: 'wrong-code', attemptsLeft: 2 },
      { outcome: 'wrong-code', attemptsLeft: 1 },
      { outcome: 'locked' },
    ]);
    expect(await desk.verify('tv-1', { idNumber: ZHANG, code: right })).toEqual({ outcome: 'locked' });
  });

  it('opens nothing on another box: a code is bound to the box it was sent for', async () => {
    const { desk, sent, codeOf } = await setup();
    await desk.request('tv-1', ask(ZHANG));
    expect(await desk.verify('tv-2', { idNumber: ZHANG, code: codeOf(sent[0]) })).toEqual({ outcome: 'no-code' });
    expect(await desk.verify('tv-1', { idNumber: ZHANG, code: codeOf(sent[0]) })).toEqual({ outcome: 'verified' });
  });

  it('sends at most once a minute and 5 times an hour per number, saying how long to wait', async () => {
    const { desk, clock, sent } = await setup();
    expect((await desk.request('tv-1', ask(ZHANG))).outcome).toBe('sent');
    clock.t += 20_000;
    expect(await desk.request('tv-2', ask(ZHANG))).toEqual({ outcome: 'rate-limited', retryAfterSeconds: 40 });
    for (let i = 0; i < 4; i++) {
      clock.t += 60_000;
      expect((await desk.request('tv-1', ask(ZHANG))).outcome).toBe('sent');
    }
    clock.t += 60_000;
    // Five sends, the first 4 min 20 s ago: the next is allowed an hour after it.
    expect(await desk.request('tv-1', ask(ZHANG))).toEqual({ outcome: 'rate-limited', retryAfterSeconds: 3600 - 320 });
    expect(sent).toHaveLength(5);
    clock.t += (3600 - 320) * 1000;
    expect((await desk.request('tv-1', ask(ZHANG))).outcome).toBe('sent');
  });

  it('lifts the minute’s wait once the last code was keyed back (a new visit), not the hourly limit', async () => {
    const { desk, sent, codeOf } = await setup();
    await desk.request('tv-1', ask(ZHANG));
    expect(await desk.verify('tv-1', { idNumber: ZHANG, code: codeOf(sent[0]) })).toEqual({ outcome: 'verified' });
    expect((await desk.request('tv-1', ask(ZHANG))).outcome).toBe('sent');
    // This one not keyed back: the minute's wait holds again.
    expect((await desk.request('tv-1', ask(ZHANG))).outcome).toBe('rate-limited');
  });

  it('refuses a malformed request or code with a typed 400', async () => {
    const { desk } = await setup();
    await expect(desk.request('tv-1', { idNumber: '110101194303050021', station: null })).rejects.toMatchObject({ status: 400, code: 'bad-code-request' });
    await expect(desk.verify('tv-1', { idNumber: ZHANG, code: '12345' })).rejects.toMatchObject({ status: 400, code: 'bad-code' });
  });
});
