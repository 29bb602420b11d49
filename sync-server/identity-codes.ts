// One-time codes that check a number keyed on a TV box at home: the box asks for
// a code for an ID number, the server texts 6 digits to the phone on file, and
// the family keys them back (offline-store/sync/identity-code-protocol.ts).
// The rules live here, once, above the storage:
// - a code is 6 digits from crypto.randomInt, stored only as a keyed hash bound
//   to the resident and the box (Vault.codeMac), valid 5 minutes, used once;
// - 5 wrong tries and the code is locked (a new one may be asked for, within
//   the send limits: at most 25 guesses an hour at a million codes);
// - at most 1 send per 60 s and 5 per hour per ID number, whichever box asks
//   (the minute's wait is for a code nobody keyed back: once the last one was,
//   the family who comes back for another visit need not wait);
// - a number with no phone on file gets no code (the station checks in person).
// Each step is one transaction over that resident's state (withOneTimeCode).
import crypto from 'node:crypto';
import { requestCodeSchema, verifyCodeSchema, type RequestCodeAnswer, type VerifyCodeAnswer } from '../offline-store/sync/identity-code-protocol.js';
import { HttpError } from './http-util.js';
import { maskPhone, type SmsGateway } from './sms.js';
import type { OneTimeCodeRow, ServerStorage } from './storage/storage.js';
import { phoneAd, type Vault } from './vault.js';

export const CODE_VALID_MS = 5 * 60_000;
export const CODE_MAX_WRONG = 5;
export const RESEND_AFTER_MS = 60_000;
export const SENDS_PER_HOUR = 5;
const HOUR_MS = 60 * 60_000;

export function codeText(code: string): string {
  return `【乡音】您的验证码是${code}，5分钟内有效。工作人员不会向您要验证码，请勿告诉他人。`;
}

export class IdentityCodeDesk {
  constructor(
    private readonly storage: ServerStorage,
    private readonly vault: Vault,
    private readonly sms: SmsGateway,
    private readonly now: () => Date,
    /** Six digits, uniformly: crypto.randomInt unless a test pins it. */
    private readonly newCode: () => string = () => String(crypto.randomInt(0, 1_000_000)).padStart(6, '0'),
  ) {}

  async request(fromKiosk: string, body: unknown): Promise<RequestCodeAnswer> {
    const parsed = requestCodeSchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'bad-code-request', 'a code request needs a valid idNumber and station (or null)');
    const idKey = this.vault.residentKey(parsed.data.idNumber);
    const phoneEnc = await this.storage.residentPhone(idKey);
    if (!phoneEnc) return { outcome: 'no-phone-on-file' };
    const phone = this.vault.openText(phoneEnc, phoneAd(idKey));
    const code = this.newCode();
    const now = this.now().getTime();
    const answer = await this.storage.withOneTimeCode(idKey, (row): { row: OneTimeCodeRow | null; result: RequestCodeAnswer } => {
      const sends = (row?.sends ?? []).filter((t) => now - t < HOUR_MS);
      const last = sends.length ? Math.max(...sends) : null;
      const minuteWait = last !== null && !row?.verified && now - last < RESEND_AFTER_MS ? last + RESEND_AFTER_MS - now : 0;
      const wait = sends.length >= SENDS_PER_HOUR ? Math.min(...sends) + HOUR_MS - now : minuteWait;
      if (wait > 0) return { row, result: { outcome: 'rate-limited', retryAfterSeconds: Math.ceil(wait / 1000) } };
      return {
        row: { kioskId: fromKiosk, codeMac: this.vault.codeMac(idKey, fromKiosk, code), expiresAt: now + CODE_VALID_MS, wrong: 0, sends: [...sends, now] },
        result: { outcome: 'sent', phoneMasked: maskPhone(phone), expiresInSeconds: CODE_VALID_MS / 1000, resendAfterSeconds: RESEND_AFTER_MS / 1000 },
      };
    });
    if (answer.outcome !== 'sent') return answer;
    try {
      await this.sms.send({ phone, text: codeText(code), fromKiosk, station: parsed.data.station });
    } catch {
      // The send counts against the limits all the same: a failing provider must not become unlimited retries.
      throw new HttpError(503, 'sms-failed', 'the text could not be sent; try again in a minute');
    }
    return answer;
  }

  async verify(fromKiosk: string, body: unknown): Promise<VerifyCodeAnswer> {
    const parsed = verifyCodeSchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'bad-code', 'a check needs a valid idNumber and a 6-digit code');
    const idKey = this.vault.residentKey(parsed.data.idNumber);
    const mac = Buffer.from(this.vault.codeMac(idKey, fromKiosk, parsed.data.code), 'hex');
    const now = this.now().getTime();
    return this.storage.withOneTimeCode(idKey, (row): { row: OneTimeCodeRow | null; result: VerifyCodeAnswer } => {
      // A code sent for another box is no code for this one: a code seen on one TV opens nothing elsewhere.
      if (!row?.codeMac || row.kioskId !== fromKiosk) return { row, result: { outcome: 'no-code' } };
      if (row.wrong >= CODE_MAX_WRONG) return { row, result: { outcome: 'locked' } };
      if (now >= row.expiresAt) return { row, result: { outcome: 'expired' } };
      if (crypto.timingSafeEqual(mac, Buffer.from(row.codeMac, 'hex'))) return { row: { ...row, codeMac: null, wrong: 0, verified: true }, result: { outcome: 'verified' } };
      const wrong = row.wrong + 1;
      return { row: { ...row, wrong }, result: wrong >= CODE_MAX_WRONG ? { outcome: 'locked' } : { outcome: 'wrong-code', attemptsLeft: CODE_MAX_WRONG - wrong } };
    });
  }

  /** The simulated gateway's latest texts for this kiosk's requests or its desk. */
  async outbox(kioskId: string) {
    return (await this.storage.smsOutbox(kioskId, 20)).map((m) => ({ phoneMasked: m.phoneMasked, text: m.text, at: m.at }));
  }
}
