// Authenticates a request before its body is read: a registered kiosk, a
// timestamp within 5 minutes, a nonce not seen before, and a valid Ed25519
// signature over method, path, kiosk id, timestamp, nonce, the declared body
// hash and every other header the server acts on (Content-Encoding and the
// upload headers), so nothing in between can change what the server does. The
// body's real hash is compared with the declared one after reading it.
import crypto, { type KeyObject } from 'node:crypto';
import type http from 'node:http';
import { H, MAX_SKEW_MS } from '../offline-store/sync/protocol.js';
import { verify } from '../offline-store/sync/signing.js';
import { HttpError } from './http-util.js';
import type { ServerStorage } from './storage/storage.js';

export interface Authenticated {
  kioskId: string;
  declaredBodySha256: string;
}

export class Authenticator {
  private readonly keys = new Map<string, KeyObject>();
  private lastPrune = 0;

  constructor(
    private readonly storage: ServerStorage,
    private readonly now: () => number,
  ) {}

  async check(req: http.IncomingMessage): Promise<Authenticated> {
    const header = (name: string) => {
      const v = req.headers[name];
      if (typeof v !== 'string' || !v) throw new HttpError(401, 'unsigned', `missing ${name}`);
      return v;
    };
    const kioskId = header(H.kiosk);
    const timestamp = header(H.timestamp);
    const nonce = header(H.nonce);
    const bodySha256 = header(H.bodyHash);
    const signature = header(H.signature);
    const key = await this.keyOf(kioskId);
    if (!key) throw new HttpError(401, 'unknown-kiosk', 'this kiosk is not registered with the server');
    const ts = Number(timestamp);
    if (!Number.isFinite(ts) || Math.abs(this.now() - ts) > MAX_SKEW_MS) throw new HttpError(401, 'clock-skew', 'timestamp more than 5 minutes off the server clock');
    if (!/^[0-9a-f]{32}$/.test(nonce)) throw new HttpError(401, 'bad-nonce', 'nonce must be 32 hex digits');
    const optional = (name: string) => {
      const v = req.headers[name];
      return typeof v === 'string' ? v : '';
    };
    const parts = {
      method: req.method ?? '',
      path: req.url ?? '',
      kioskId,
      timestamp,
      nonce,
      bodySha256,
      contentEncoding: optional(H.contentEncoding),
      uploadOffset: optional(H.uploadOffset),
      uploadLength: optional(H.uploadLength),
      uploadSha256: optional(H.uploadSha256),
    };
    if (!verify(key, parts, signature)) {
      throw new HttpError(401, 'bad-signature', 'signature does not verify');
    }
    // Only a correctly signed nonce is remembered, so strangers cannot fill the table.
    await this.pruneNonces();
    // A unique key decides, so a nonce replayed through another instance is refused too.
    if (!(await this.storage.rememberNonce(kioskId, nonce, this.now()))) throw new HttpError(401, 'replayed-nonce', 'this nonce was already used');
    return { kioskId, declaredBodySha256: bodySha256 };
  }

  verifyBody(auth: Authenticated, body: Buffer): void {
    if (crypto.createHash('sha256').update(body).digest('hex') !== auth.declaredBodySha256) {
      throw new HttpError(401, 'body-mismatch', 'body does not match its signed hash');
    }
  }

  private async keyOf(kioskId: string): Promise<KeyObject | null> {
    // Read every time: the server CLI may re-register a kiosk while the server runs.
    const pem = await this.storage.kioskPublicKey(kioskId);
    if (!pem) return null;
    let key = this.keys.get(pem);
    if (!key) this.keys.set(pem, (key = crypto.createPublicKey(pem)));
    return key;
  }

  private async pruneNonces(): Promise<void> {
    const now = this.now();
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    await this.storage.forgetNoncesBefore(now - 2 * MAX_SKEW_MS);
  }
}
