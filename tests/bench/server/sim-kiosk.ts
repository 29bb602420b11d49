// A simulated kiosk for bench:server: its own Ed25519 key pair and its own
// SyncClient (the kiosk's real client: signed requests, gzip, answers checked
// against the pinned server key), submitting applications each with a photo
// uploaded in chunks, as the kiosk's uploader does: resume from the server's
// offset after any failure, then the batch, retried with the same idempotency
// key until the server answers it. Many of these share one process; they hold
// no store, only what they sent and what the server answered.
import crypto from 'node:crypto';
import { SyncClient } from '../../../offline-store/sync/client.js';
import { generateSigningKey, signingIdentity, type SigningIdentity } from '../../../offline-store/sync/signing.js';
import type { WireApplication } from '../../../offline-store/sync/protocol.js';

const RESIDENTS = [
  { idNumber: '110101194303050028', name: '张秀英' },
  { idNumber: '130624193808120037', name: '李德福' },
  { idNumber: '13062419361118108X', name: '张桂兰' },
];

export interface KioskOutcome {
  /** Every receipt number the server gave each application (one, unless something is wrong). */
  receipts: Map<string, Set<string>>;
  /** Milliseconds of each batch request that was answered. */
  batchMs: number[];
  requests: number;
  retries: number;
  gaveUp: number;
}

export interface SimKioskOptions {
  id: string;
  serverPublicKeyPem: string;
  baseUrl: string;
  photoBytes: number;
  chunkBytes: number;
  /** Attempts per request before the kiosk gives up on an application (and it counts as lost). */
  attempts: number;
}

export class SimKiosk {
  readonly identity: SigningIdentity = signingIdentity(generateSigningKey());

  constructor(private readonly o: SimKioskOptions) {}

  async submit(count: number, out: KioskOutcome): Promise<void> {
    const client = new SyncClient({
      baseUrl: this.o.baseUrl,
      kioskId: this.o.id,
      identity: this.identity,
      serverPublicKeyPem: this.o.serverPublicKeyPem,
      requestTimeoutMs: 30_000,
      maxResponseBytes: 1024 * 1024,
      maxSockets: 1,
    });
    try {
      for (let i = 0; i < count; i++) await this.one(client, i, out);
    } finally {
      client.close();
    }
  }

  private async one(client: SyncClient, n: number, out: KioskOutcome): Promise<void> {
    const photo = crypto.randomBytes(this.o.photoBytes);
    const sha256 = crypto.createHash('sha256').update(photo).digest('hex');
    const attId = crypto.randomUUID();
    const id = crypto.randomUUID();
    const r = RESIDENTS[n % RESIDENTS.length]!;
    const app: WireApplication = {
      id,
      revision: 0,
      idempotencyKey: `${id}.0`,
      localTrackingNumber: `XY-20261206-${String(n + 1).padStart(4, '0')}`,
      serviceId: 'elderly-allowance',
      catalogueVersion: '2026.11.0',
      applicant: { idNumber: r.idNumber, name: r.name },
      formData: { address: '河北省保定市阜平县龙泉关镇骆驼湾村12号', phone: '13800138000', bankAccount: '6217000010001234567' },
      onBehalfOf: null,
      attachments: [{ id: attId, name: '身份证正面', mediaType: 'image/jpeg', size: photo.length, sha256 }],
      createdAt: new Date().toISOString(),
    };
    out.receipts.set(id, new Set());
    const retry = async <T>(what: () => Promise<T>): Promise<T | null> => {
      for (let attempt = 1; attempt <= this.o.attempts; attempt++) {
        out.requests++;
        try {
          return await what();
        } catch {
          out.retries++;
          // A dead instance, a refused replay of a nonce nginx retried: sign it again, a little later.
          await new Promise((res) => setTimeout(res, Math.min(2000, 50 * attempt)));
        }
      }
      return null;
    };

    // The photo, chunk by chunk, resuming at the server's offset whatever happened.
    let offset = 0;
    while (offset < photo.length) {
      const end = Math.min(photo.length, offset + this.o.chunkBytes);
      const from = offset;
      const state = await retry(async () => {
        try {
          return await client.uploadChunk(attId, from, photo.length, sha256, photo.subarray(from, end));
        } catch (e) {
          // Where does the server stand? (The chunk may have been stored before the answer was lost.)
          const s = await client.uploadState(attId).catch(() => null);
          if (s) return { ...s, offsetMismatch: true };
          throw e;
        }
      });
      if (!state) {
        out.gaveUp++;
        return;
      }
      offset = state.complete ? photo.length : state.received;
    }

    const results = await retry(async () => {
      const t0 = performance.now();
      const res = await client.submitBatch([app]);
      out.batchMs.push(performance.now() - t0);
      return res;
    });
    const result = results?.[0];
    if (!result || !result.receiptNumber || (result.outcome !== 'accepted' && result.outcome !== 'replayed')) {
      out.gaveUp++;
      return;
    }
    out.receipts.get(id)!.add(result.receiptNumber);
  }
}
