// Issue 19, item 1 on the TV: a TV box let any keyed number be asked about, so
// anyone at any TV could read a neighbour's pension record, applications and
// 同样的事已经办过 status. The station now answers a TV about a keyed number only
// after the one-time code texted to the phone on file for it was keyed back in
// this visit. A real TV host process (web host, embedded sync server with its
// simulated SMS gateway), called over its own WebSockets as the renderer calls it;
// the code is read from the simulated outbox as the family reads their phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKiosk, type IpcAnswer, type KioskProcess } from '../../support/kiosk-process.js';

let tv: KioskProcess;
const ZHANG = '110101194303050028'; // a demo resident with a phone on file
const NOBODY = '110102195006010311'; // a valid number nobody has on file

beforeAll(async () => {
  tv = await startKiosk({ config: { uiMode: 'tv', devices: { idcard: { type: 'none' }, printer: { type: 'none' } } } });
}, 120_000);

afterAll(async () => {
  await tv?.stop();
});

const outcome = (r: IpcAnswer<unknown>) => (r.ok ? 'answered' : r.error.code);
/** Every channel that answers about a resident's number. */
const personal = (idNumber: string) =>
  Promise.all([
    tv.ipc('store:query-social-insurance', { idNumber }),
    tv.ipc('store:list-applications', { idNumber }),
    tv.ipc('store:same-kind-application', { idNumber, serviceId: 'pension-certification' }),
  ]).then((rs) => rs.map(outcome));

async function latestCode(): Promise<string> {
  const messages = await tv.control<{ phoneMasked: string; text: string }[]>('embedded-sync-server', 'smsOutbox');
  expect(messages[0]?.phoneMasked).toBe('138****5678');
  return /验证码是(\d{6})/.exec(messages[0]!.text)![1]!;
}

describe('a number keyed on a TV', () => {
  it('is answered about only after the code texted to its phone on file is keyed back, for this visit only', async () => {
    // Keyed, not checked: nothing of theirs.
    expect(await personal(ZHANG)).toEqual(['forbidden', 'forbidden', 'forbidden']);
    const refused = await tv.ipc('store:query-social-insurance', { idNumber: ZHANG });
    expect(!refused.ok && refused.error.message).toContain('验证码');

    const sent = await tv.ipc('identity:request-code', { idNumber: ZHANG });
    expect(sent).toEqual({ ok: true, value: { outcome: 'sent', phoneMasked: '138****5678', expiresInSeconds: 300, resendAfterSeconds: 60 } });
    const code = await latestCode();
    const wrong = code === '000000' ? '000001' : '000000';
    expect(await tv.ipc('identity:verify-code', { idNumber: ZHANG, code: wrong })).toEqual({ ok: true, value: { outcome: 'wrong-code', attemptsLeft: 4 } });
    expect(await personal(ZHANG)).toEqual(['forbidden', 'forbidden', 'forbidden']);

    expect(await tv.ipc('identity:verify-code', { idNumber: ZHANG, code })).toEqual({ ok: true, value: { outcome: 'verified' } });
    expect(await personal(ZHANG)).toEqual(['answered', 'answered', 'answered']);
    // The code opened that number, not another.
    expect(await personal(NOBODY)).toEqual(['forbidden', 'forbidden', 'forbidden']);

    // The visit ends (walk-away, timeout): the number is closed again.
    expect((await tv.ipc('app:resident-session-cleared', {})).ok).toBe(true);
    expect(await personal(ZHANG)).toEqual(['forbidden', 'forbidden', 'forbidden']);
  });

  it('says plainly when there is no phone on file, and when a code was asked for within the minute', async () => {
    expect(await tv.ipc('identity:request-code', { idNumber: NOBODY })).toEqual({ ok: true, value: { outcome: 'no-phone-on-file' } });
    // The code above was keyed back, so a new visit may have one at once; a second within the minute waits.
    const first = await tv.ipc<{ outcome: string }>('identity:request-code', { idNumber: ZHANG });
    expect(first.ok && first.value.outcome).toBe('sent');
    const again = await tv.ipc<{ outcome: string; retryAfterSeconds?: number }>('identity:request-code', { idNumber: ZHANG });
    expect(again.ok && again.value.outcome).toBe('rate-limited');
    expect(again.ok && again.value.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('says offline when the sync server cannot be reached', async () => {
    await tv.control('embedded-sync-server', 'stop');
    try {
      expect(await tv.ipc('identity:verify-code', { idNumber: ZHANG, code: '123456' })).toEqual({ ok: true, value: { outcome: 'offline' } });
    } finally {
      await tv.control('embedded-sync-server', 'start');
    }
  });
});
