// The reference sync server: a real HTTP server over its own SQLite file. Each
// request is authenticated (auth.ts) before its body is read; handlers answer in
// the protocol's JSON shapes, gzipped when the kiosk accepts it, and every
// answer (errors included) is signed with the server's key for the request it
// answers, so a kiosk believes nothing a proxy or a forger says in its name. The same object
// serves the embedded default (in the kiosk process), `npx xiangyin server run`,
// and the tests; stop() and start() again keep the port and the data.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '../offline-store/db/sqlite.js';
import { sha256Hex } from '../offline-store/sync/canonical.js';
import { changeSchema, H, PROTOCOL_PREFIX, socialInsuranceQuerySchema, type Change } from '../offline-store/sync/protocol.js';
import { signAnswer, type SigningIdentity } from '../offline-store/sync/signing.js';
import { AdminDesk } from './admin.js';
import { ApplicationDesk } from './applications.js';
import { Authenticator } from './auth.js';
import { openServerDatabase, serverIdentity } from './db.js';
import { seedDemoResidents } from './demo-data.js';
import { FaceDesk } from './face-advice.js';
import { DEFAULT_RETENTION, purgeExpired, type PurgeResult, type RetentionPolicy } from './retention.js';
import { sealLegacyRows } from './seal-legacy.js';
import { residentAd, unlockVault, type Vault } from './vault.js';
import { HttpError, parseJsonBody, readBody, sendError, sendJson, type AnswerSigner } from './http-util.js';
import { DEFAULT_QUERY_RATE, TokenBuckets, type RateLimit } from './rate-limit.js';
import { UploadDesk } from './uploads.js';

export interface SyncServerOptions {
  dataDir: string;
  host?: string;
  /** 0 picks a free port the first time; later starts reuse it. */
  port?: number;
  now?: () => Date;
  log?: (msg: string, fields?: Record<string, unknown>) => void;
  seedDemo?: boolean;
  /** Look-ups of residents' records allowed per kiosk. */
  queryRate?: RateLimit;
  /**
   * The 32-byte master key that wraps the data key sealing personal data
   * (master-key.ts says where it comes from). Never stored with the database.
   */
  masterKey: Buffer;
  /** What is purged when (defaults: DEFAULT_RETENTION); purges run at start and hourly while serving. */
  retention?: Partial<RetentionPolicy>;
}

const PURGE_EVERY_MS = 60 * 60_000;

const UPLOAD_CHUNK_LIMIT = 8 * 1024 * 1024 + 1;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A feed page stops growing past this many bytes of changes (at least one change): big catalogues must not make a page too large for a kiosk. */
const FEED_PAGE_BYTES = 1024 * 1024;

export class SyncServer {
  readonly admin: AdminDesk;
  /** The face check's demo enrolments and similarity advice (face-advice.ts). */
  readonly face: FaceDesk;
  private readonly db: Db;
  private readonly vault: Vault;
  private purgeTimer: NodeJS.Timeout | null = null;
  private readonly auth: Authenticator;
  private readonly desk: ApplicationDesk;
  private readonly uploads: UploadDesk;
  private readonly queryBuckets: TokenBuckets;
  /** The server's signing key. Public only so test tools can play a buggy server that signs its garbage. */
  readonly identity: SigningIdentity;
  private readonly now: () => Date;
  private server: http.Server | null = null;
  private port: number;

  constructor(private readonly o: SyncServerOptions) {
    this.now = o.now ?? (() => new Date());
    this.db = openServerDatabase(o.dataDir);
    try {
      this.vault = unlockVault(this.db, o.masterKey, this.now);
      sealLegacyRows(this.db, this.vault, o.dataDir);
    } catch (e) {
      this.db.close();
      throw e;
    }
    if (o.seedDemo ?? true) seedDemoResidents(this.db, this.vault, '2026-11-01T00:00:00.000Z');
    this.auth = new Authenticator(this.db, () => this.now().getTime());
    this.desk = new ApplicationDesk(this.db, this.vault, this.now);
    this.uploads = new UploadDesk(this.db, this.vault, o.dataDir, this.now);
    this.admin = new AdminDesk(this.db, this.vault, this.now);
    this.face = new FaceDesk(this.db, this.vault, this.admin, (id) => this.uploads.read(id), this.now);
    this.identity = serverIdentity(this.db, this.vault, this.now);
    this.queryBuckets = new TokenBuckets(o.queryRate ?? DEFAULT_QUERY_RATE, () => this.now().getTime());
    this.port = o.port ?? 0;
  }

  /** The key every answer is signed with (SPKI PEM): what a kiosk pins at registration. */
  get publicKeyPem(): string {
    return this.identity.publicKeyPem;
  }

  get fingerprint(): string {
    return this.identity.fingerprint;
  }

  /** Purges what the retention policy says the server no longer needs (retention.ts). */
  purge(): PurgeResult {
    return purgeExpired(this.db, this.vault, this.o.dataDir, this.now(), { ...DEFAULT_RETENTION, ...this.o.retention });
  }

  /** A whole attachment's bytes, opened from its sealed file (for operators and tests), or null. */
  attachment(id: string): Buffer | null {
    return this.uploads.read(id);
  }

  get running(): boolean {
    return this.server !== null;
  }

  get url(): string {
    return `http://${this.o.host ?? '127.0.0.1'}:${this.port}`;
  }

  async start(): Promise<string> {
    if (this.server) return this.url;
    const server = http.createServer((req, res) => void this.handle(req, res));
    // Keep idle connections longer than the kiosk's keep-alive so the kiosk, not
    // the server, decides when to drop them (avoids reusing a just-closed socket).
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 30_000;
    server.requestTimeout = 120_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.o.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    this.purgeNow();
    this.purgeTimer ??= setInterval(() => this.purgeNow(), PURGE_EVERY_MS).unref();
    return this.url;
  }

  /** Stops listening and drops open connections, as a server going away would. */
  async stop(): Promise<void> {
    const s = this.server;
    if (!s) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => s.close(() => resolve()));
    s.closeAllConnections();
    await closed;
  }

  async dispose(): Promise<void> {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    this.purgeTimer = null;
    await this.stop();
    this.db.close();
  }

  /** A failed purge is logged, never a stopped server: it runs again within the hour. */
  private purgeNow(): void {
    try {
      const r = this.purge();
      if (r.attachments + r.abandonedUploads + r.strayFiles > 0) this.o.log?.('retention purge', { ...r });
    } catch (e) {
      this.o.log?.('retention purge failed', { error: (e as Error)?.name, code: (e as NodeJS.ErrnoException)?.code });
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const sign = this.signerFor(req);
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      if (!url.pathname.startsWith(PROTOCOL_PREFIX + '/')) throw new HttpError(404, 'not-found', 'no such endpoint');
      const route = url.pathname.slice(PROTOCOL_PREFIX.length);
      const who = this.auth.check(req);
      const isUpload = req.method === 'PUT' && route.startsWith('/uploads/');
      const raw = await readBody(req, isUpload ? UPLOAD_CHUNK_LIMIT : undefined);
      this.auth.verifyBody(who, raw);
      const ok = (value: unknown, status = 200) => sendJson(req, res, sign, { status, value });

      if (req.method === 'POST' && route === '/applications/batch') {
        return ok({ results: this.desk.receiveBatch(who.kioskId, parseJsonBody(req, raw)) });
      }
      const upload = /^\/uploads\/([^/]*)$/.exec(route);
      if (upload && !UUID.test(upload[1]!)) throw new HttpError(400, 'bad-upload-id', 'an upload id is a lower-case UUID');
      if (upload && req.method === 'GET') return ok(this.uploads.state(who.kioskId, upload[1]!));
      if (upload && req.method === 'PUT') {
        const r = await this.uploads.putChunk(
          who.kioskId,
          upload[1]!,
          { offset: Number(req.headers[H.uploadOffset]), total: Number(req.headers[H.uploadLength]), sha256: String(req.headers[H.uploadSha256] ?? '') },
          raw,
        );
        return ok(r.state, r.status);
      }
      if (req.method === 'GET' && route === '/changes') {
        const after = integerParam(url, 'after', 0);
        const limit = integerParam(url, 'limit', 200);
        if (after === null || after < 0) throw new HttpError(400, 'bad-cursor', 'after must be a non-negative integer');
        if (limit === null || limit < 1 || limit > 1000) throw new HttpError(400, 'bad-limit', 'limit must be an integer from 1 to 1000');
        return ok(this.changes(who.kioskId, after, limit));
      }
      if (req.method === 'POST' && route === '/queries/social-insurance') {
        const wait = this.queryBuckets.take(who.kioskId);
        if (wait > 0) {
          const seconds = Math.ceil(wait / 1000);
          throw new HttpError(429, 'too-many-lookups', `too many look-ups from this kiosk; try again in ${seconds} s`, undefined, { 'retry-after': String(seconds) });
        }
        const q = socialInsuranceQuerySchema.safeParse(parseJsonBody(req, raw));
        if (!q.success) throw new HttpError(400, 'bad-query', 'idNumber is required');
        const idKey = this.vault.residentKey(q.data.idNumber);
        const row = this.db.prepare('SELECT record_enc, as_of FROM residents WHERE id_key = ?').get(idKey) as { record_enc: Buffer; as_of: string } | undefined;
        return ok({ record: row ? JSON.parse(this.vault.openText(row.record_enc, residentAd(idKey))) : null, asOf: row?.as_of ?? this.now().toISOString() });
      }
      if (req.method === 'GET' && route === '/ping') return ok({ serverTime: this.now().toISOString() });
      throw new HttpError(404, 'not-found', 'no such endpoint');
    } catch (e) {
      if (res.headersSent) return void res.destroy();
      if (e instanceof HttpError) return sendError(req, res, sign, e);
      // Never echo internals (or personal data) back; log the class only.
      this.o.log?.('sync server request failed', { error: (e as Error)?.name, code: (e as NodeJS.ErrnoException)?.code });
      sendError(req, res, sign, new HttpError(500, 'internal', 'the server failed to handle this request'));
    }
  }

  /**
   * Binds each answer to the request as the kiosk sent it: its kiosk id, method,
   * path and nonce (as received, even before they are checked: a refusal is
   * signed too, so the kiosk can tell the server's 401 from a proxy's).
   */
  private signerFor(req: http.IncomingMessage): AnswerSigner {
    const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : '');
    return (status, body) =>
      signAnswer(this.identity.privateKey, {
        status,
        kioskId: header(H.kiosk),
        method: req.method ?? '',
        path: req.url ?? '',
        requestNonce: header(H.nonce),
        bodySha256: sha256Hex(body),
      });
  }

  /**
   * One page of the feed. A row that does not fit the protocol (written by an
   * older server or by hand) is skipped and logged rather than failing every
   * page for every kiosk; the cursor moves past it all the same.
   */
  private changes(kioskId: string, after: number, limit: number) {
    const rows = this.db
      .prepare('SELECT * FROM changes WHERE seq > ? AND (kiosk_id = ? OR kiosk_id IS NULL) ORDER BY seq LIMIT ?')
      .all(after, kioskId, limit + 1) as Record<string, unknown>[];
    let more = rows.length > limit;
    const changes: Change[] = [];
    let nextCursor = after;
    let bytes = 0;
    for (const r of rows.slice(0, limit)) {
      const change = changeSchema.safeParse(toChange(r));
      if (change.success) {
        const size = Buffer.byteLength(JSON.stringify(change.data));
        if (changes.length > 0 && bytes + size > FEED_PAGE_BYTES) {
          more = true;
          break;
        }
        bytes += size;
        changes.push(change.data);
      } else this.o.log?.('change feed row skipped: it does not fit the protocol', { seq: Number(r.seq), kind: String(r.kind) });
      nextCursor = Number(r.seq);
    }
    return { changes, nextCursor, more };
  }
}

function toChange(r: Record<string, unknown>): unknown {
  if (r.kind === 'catalogue') {
    let p: { version?: unknown; payload?: unknown } = {};
    try {
      p = JSON.parse(String(r.payload_json)) as typeof p;
    } catch {
      // an unreadable row fails the schema below
    }
    return { seq: Number(r.seq), kind: 'catalogue', version: p.version, payload: p.payload, at: String(r.at) };
  }
  return {
    seq: Number(r.seq),
    kind: 'application-status',
    applicationId: String(r.application_id),
    status: r.status,
    receiptNumber: (r.receipt_number as string | null) ?? null,
    reason: (r.reason as string | null) ?? null,
    at: String(r.at),
  };
}

/** A query parameter that must be a plain decimal integer when present ('abc', '1e3', '' are not). */
function integerParam(url: URL, name: string, fallback: number): number | null {
  const v = url.searchParams.get(name);
  if (v === null) return fallback;
  return /^\d{1,15}$/.test(v) ? Number(v) : null;
}
