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

const unknownKiosk = () => new HttpError(401, 'unknown-kiosk', 'this kiosk is not registered with the server');

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
    const ts = Number(timestamp);
    const skewed = !Number.isFinite(ts) || Math.abs(this.now() - ts) > MAX_SKEW_MS;
    const badNonce = !/^[0-9a-f]{32}$/.test(nonce);
    if (skewed || badNonce) {
      // Refused before anything is remembered; a kiosk that is not registered is told that first.
      if ((await this.storage.kioskPublicKey(kioskId)) === null) throw unknownKiosk();
      if (skewed) throw new HttpError(401, 'clock-skew', 'timestamp more than 5 minutes off the server clock');
      throw new HttpError(401, 'bad-nonce', 'nonce must be 32 hex digits');
    }
    // The key is read every time (the server CLI may re-register a kiosk while the server
    // runs), in the same step that remembers the nonce: one round trip per request.
    const seen = await this.storage.checkIn(kioskId, nonce, this.now());
    if (!seen) throw unknownKiosk();
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
    if (!verify(this.keyOf(seen.publicKeyPem), parts, signature)) {
      // Only a correctly signed nonce is kept, so strangers cannot fill the table (and a
      // nonce seen before is someone else's, left alone).
      if (seen.firstSeen) await this.storage.forgetNonce(kioskId, nonce);
      throw new HttpError(401, 'bad-signature', 'signature does not verify');
    }
    await this.pruneNonces();
    // A unique key decided, so a nonce replayed through another instance is refused too.
    if (!seen.firstSeen) throw new HttpError(401, 'replayed-nonce', 'this nonce was already used');
    return { kioskId, declaredBodySha256: bodySha256 };
  }

  verifyBody(auth: Authenticated, body: Buffer): void {
    if (crypto.createHash('sha256').update(body).digest('hex') !== auth.declaredBodySha256) {
      throw new HttpError(401, 'body-mismatch', 'body does not match its signed hash');
    }
  }

  private keyOf(pem: string): KeyObject {
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
