// Authenticates a request before its body is read: a registered kiosk, a
// timestamp within 5 minutes, a nonce not seen before, and a valid Ed25519
// signature over method, path, kiosk id, timestamp, nonce, the declared body
// hash and every other header the server acts on (Content-Encoding and the
// upload headers), so nothing in between can change what the server does. The
// body's real hash is compared with the declared one after reading it.
import crypto, { type KeyObject } from 'node:crypto';
import type http from 'node:http';
import type { Db } from '../offline-store/db/sqlite.js';
import { H, MAX_SKEW_MS } from '../offline-store/sync/protocol.js';
import { verify } from '../offline-store/sync/signing.js';
import { HttpError } from './http-util.js';

export interface Authenticated {
  kioskId: string;
  declaredBodySha256: string;
}

export class Authenticator {
  private readonly keys = new Map<string, KeyObject>();
  private lastPrune = 0;

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  check(req: http.IncomingMessage): Authenticated {
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
    const key = this.keyOf(kioskId);
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
    this.pruneNonces();
    const fresh = this.db.prepare('INSERT OR IGNORE INTO nonces (kiosk_id, nonce, seen_at) VALUES (?, ?, ?)').run(kioskId, nonce, this.now()).changes === 1;
    if (!fresh) throw new HttpError(401, 'replayed-nonce', 'this nonce was already used');
    return { kioskId, declaredBodySha256: bodySha256 };
  }

  verifyBody(auth: Authenticated, body: Buffer): void {
    if (crypto.createHash('sha256').update(body).digest('hex') !== auth.declaredBodySha256) {
      throw new HttpError(401, 'body-mismatch', 'body does not match its signed hash');
    }
  }

  private keyOf(kioskId: string): KeyObject | null {
    // Read every time: the server CLI may re-register a kiosk while the server runs.
    const row = this.db.prepare('SELECT public_key_pem FROM kiosks WHERE id = ?').get(kioskId) as { public_key_pem: string } | undefined;
    if (!row) return null;
    let key = this.keys.get(row.public_key_pem);
    if (!key) this.keys.set(row.public_key_pem, (key = crypto.createPublicKey(row.public_key_pem)));
    return key;
  }

  private pruneNonces(): void {
    const now = this.now();
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    this.db.prepare('DELETE FROM nonces WHERE seen_at < ?').run(now - 2 * MAX_SKEW_MS);
  }
}
