// The reference sync server: a real HTTP server over its storage (its own SQLite
// file, or a PostgreSQL database that any number of instances share). Each
// request is authenticated (auth.ts) before its body is read; handlers answer in
// the protocol's JSON shapes, gzipped when the kiosk accepts it, and every
// answer (errors included) is signed with the server's key for the request it
// answers, so a kiosk believes nothing a proxy or a forger says in its name. The same object
// serves the embedded default (in the kiosk process), `npx xiangyin server run`,
// and the tests; stop() and start() again keep the port and the data. GET
// /healthz (unsigned, for a load balancer) answers 200 when the storage answers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sha256Hex } from '../offline-store/sync/canonical.js';
import { changeSchema, H, PROTOCOL_PREFIX, socialInsuranceQuerySchema, type Change } from '../offline-store/sync/protocol.js';
import { generateSigningKey, signAnswer, signingIdentity, type SigningIdentity } from '../offline-store/sync/signing.js';
import { AdminDesk } from './admin.js';
import { ApplicationDesk } from './applications.js';
import { Authenticator } from './auth.js';
import { seedDemoResidents } from './demo-data.js';
import { FaceDesk } from './face-advice.js';
import { DEFAULT_RETENTION, type PurgeResult, type RetentionPolicy } from './retention.js';
import { SqliteStorage } from './storage/sqlite-storage.js';
import type { ChangeRow, ServerStorage } from './storage/storage.js';
import { applicationAd, residentAd, SERVER_KEY_AD, unlockVault, type Vault } from './vault.js';
import { HttpError, parseJsonBody, readBody, sendError, sendJson, type AnswerSigner } from './http-util.js';
import { DEFAULT_QUERY_RATE, TokenBuckets, type RateLimit } from './rate-limit.js';
import { UploadDesk } from './uploads.js';
import { HelpCallDesk } from './help-calls.js';
import { helpCallers } from './help-callers.js';
import { IdentityCodeDesk } from './identity-codes.js';
import { SimulatedSmsGateway, type SmsGateway } from './sms.js';

export interface SyncServerOptions {
  /** The SQLite server's folder (the embedded default); not used with `database`. */
  dataDir?: string;
  /** A PostgreSQL URL (postgres://…): the storage any number of instances share. */
  database?: string;
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
  /**
   * How one-time codes reach residents' phones (sms.ts): a provider's gateway, or
   * (the default) the simulated one, which writes to the outbox in the storage.
   */
  sms?: (storage: ServerStorage, now: () => Date) => SmsGateway;
  /** Pins the one-time codes (tests of the rules only). */
  newCode?: () => string;
}

const PURGE_EVERY_MS = 60 * 60_000;

const UPLOAD_CHUNK_LIMIT = 8 * 1024 * 1024 + 1;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A feed page stops growing past this many bytes of changes (at least one change): big catalogues must not make a page too large for a kiosk. */
const FEED_PAGE_BYTES = 1024 * 1024;

/** The storage the options name: PostgreSQL for a `database` URL, else the SQLite folder. */
export async function openStorage(o: Pick<SyncServerOptions, 'dataDir' | 'database' | 'log'>): Promise<ServerStorage> {
  // Loaded only where a database is named: the kiosk's embedded server (SQLite) never parses pg.
  if (o.database) return (await import('./storage/postgres/postgres-storage.js')).openPostgresStorage(o.database, { log: o.log });
  if (!o.dataDir) throw new Error('a sync server needs a dataDir (SQLite) or a database URL (PostgreSQL)');
  return new SqliteStorage(o.dataDir);
}

export class SyncServer {
  readonly admin: AdminDesk;
  /** The face check's demo enrolments and similarity advice (face-advice.ts). */
  readonly face: FaceDesk;
  private purgeTimer: NodeJS.Timeout | null = null;
  private readonly auth: Authenticator;
  private readonly desk: ApplicationDesk;
  private readonly uploads: UploadDesk;
  private readonly helpCalls: HelpCallDesk;
  private readonly codes: IdentityCodeDesk;
  /** Which SMS gateway texts the one-time codes ('simulated' in development). */
  readonly smsKind: string;
  private readonly queryBuckets: TokenBuckets;
  /** The server's signing key. Public only so test tools can play a buggy server that signs its garbage. */
  readonly identity: SigningIdentity;
  private readonly now: () => Date;
  private server: http.Server | null = null;
  private port: number;

  /**
   * Opens the storage (migrating it), unlocks the vault with the master key,
   * and loads (or creates, once) the server's signing key.
   */
  static async open(o: SyncServerOptions): Promise<SyncServer> {
    const now = o.now ?? (() => new Date());
    const storage = await openStorage(o);
    try {
      const vault = await unlockVault(storage, o.masterKey, now);
      await storage.useVault(vault);
      if (o.seedDemo ?? true) await seedDemoResidents(storage, vault, '2026-11-01T00:00:00.000Z');
      const sealedKey = await storage.sealedServerKey(() => vault.seal(generateSigningKey(), SERVER_KEY_AD), now().toISOString());
      return new SyncServer(o, storage, vault, signingIdentity(vault.open(sealedKey, SERVER_KEY_AD)));
    } catch (e) {
      await storage.close();
      throw e;
    }
  }

  private constructor(
    private readonly o: SyncServerOptions,
    readonly storage: ServerStorage,
    private readonly vault: Vault,
    identity: SigningIdentity,
  ) {
    this.now = o.now ?? (() => new Date());
    this.identity = identity;
    this.auth = new Authenticator(storage, () => this.now().getTime());
    this.desk = new ApplicationDesk(storage, vault, this.now);
    this.uploads = new UploadDesk(storage, this.now);
    this.admin = new AdminDesk(storage, vault, this.now);
    this.helpCalls = new HelpCallDesk(async (id) => (await storage.kioskPublicKey(id)) !== null, this.now, (work) => storage.withHelpCalls(work), helpCallers(storage, vault, this.now));
    this.face = new FaceDesk(storage, vault, this.admin, this.now);
    const sms = (o.sms ?? ((st, now) => new SimulatedSmsGateway(st, now)))(storage, this.now);
    this.smsKind = sms.kind;
    this.codes = new IdentityCodeDesk(storage, vault, sms, this.now, o.newCode);
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
  purge(): Promise<PurgeResult> {
    return this.storage.purge(this.now(), { ...DEFAULT_RETENTION, ...this.o.retention }, (id, bodyEnc) =>
      (JSON.parse(this.vault.openText(bodyEnc, applicationAd(id))) as { attachments: { id: string }[] }).attachments.map((a) => a.id),
    );
  }

  /** A whole attachment's bytes, opened from its sealed chunks (for operators and tests), or null. */
  attachment(id: string): Promise<Buffer | null> {
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
    void this.purgeNow();
    this.purgeTimer ??= setInterval(() => void this.purgeNow(), PURGE_EVERY_MS).unref();
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
    await this.purging;
    await this.storage.close();
  }

  private purging: Promise<void> = Promise.resolve();

  /** A failed purge is logged, never a stopped server: it runs again within the hour. */
  private purgeNow(): Promise<void> {
    this.purging = this.purging.then(() => this.purgeOnce());
    return this.purging;
  }

  private async purgeOnce(): Promise<void> {
    try {
      const r = await this.purge();
      if (r.attachments + r.abandonedUploads + r.strayFiles > 0) this.o.log?.('retention purge', { ...r });
    } catch (e) {
      this.o.log?.('retention purge failed', { error: (e as Error)?.name, code: (e as NodeJS.ErrnoException)?.code });
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const sign = this.signerFor(req);
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) return await this.health(res);
      if (!url.pathname.startsWith(PROTOCOL_PREFIX + '/')) throw new HttpError(404, 'not-found', 'no such endpoint');
      const route = url.pathname.slice(PROTOCOL_PREFIX.length);
      const who = await this.auth.check(req);
      const isUpload = req.method === 'PUT' && route.startsWith('/uploads/');
      const raw = await readBody(req, isUpload ? UPLOAD_CHUNK_LIMIT : undefined);
      this.auth.verifyBody(who, raw);
      const ok = (value: unknown, status = 200) => sendJson(req, res, sign, { status, value });

      if (req.method === 'POST' && route === '/applications/batch') {
        return ok({ results: await this.desk.receiveBatch(who.kioskId, parseJsonBody(req, raw)) });
      }
      const upload = /^\/uploads\/([^/]*)$/.exec(route);
      if (upload && !UUID.test(upload[1]!)) throw new HttpError(400, 'bad-upload-id', 'an upload id is a lower-case UUID');
      if (upload && req.method === 'GET') return ok(await this.uploads.state(who.kioskId, upload[1]!));
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
        return ok(await this.changes(who.kioskId, after, limit));
      }
      if (req.method === 'POST' && route === '/queries/social-insurance') {
        this.takeLookup(who.kioskId);
        const q = socialInsuranceQuerySchema.safeParse(parseJsonBody(req, raw));
        if (!q.success) throw new HttpError(400, 'bad-query', 'idNumber is required');
        const idKey = this.vault.residentKey(q.data.idNumber);
        const row = await this.storage.residentRecord(idKey);
        return ok({ record: row ? JSON.parse(this.vault.openText(row.recordEnc, residentAd(idKey))) : null, asOf: row?.asOf ?? this.now().toISOString() });
      }
      // One-time codes for a number keyed on a TV box (identity-codes.ts). Asking for a code
      // reveals a masked phone: it takes a look-up token, as a record does.
      if (req.method === 'POST' && route === '/identity-codes') {
        this.takeLookup(who.kioskId);
        return ok(await this.codes.request(who.kioskId, parseJsonBody(req, raw)));
      }
      if (req.method === 'POST' && route === '/identity-codes/verify') return ok(await this.codes.verify(who.kioskId, parseJsonBody(req, raw)));
      if (req.method === 'GET' && route === '/sms-outbox') {
        if (this.smsKind === 'simulated') return ok({ messages: await this.codes.outbox(who.kioskId) });
        throw new HttpError(404, 'no-outbox', 'texts go through a real SMS gateway here: there is no simulated outbox');
      }
      // Help calls: a TV box at home to its station's desk (help-calls.ts).
      if (req.method === 'POST' && route === '/help-calls') return ok({ call: await this.helpCalls.open(who.kioskId, parseJsonBody(req, raw)) }, 201);
      if (req.method === 'GET' && route === '/help-calls') return ok({ calls: await this.helpCalls.forStation(who.kioskId) });
      const help = /^\/help-calls\/([^/]*)(?:\/(acknowledge|end))?$/.exec(route);
      if (help && !UUID.test(help[1]!)) throw new HttpError(400, 'bad-help-call-id', 'a help call id is a lower-case UUID');
      if (help && req.method === 'GET' && !help[2]) return ok({ call: await this.helpCalls.get(who.kioskId, help[1]!) });
      if (help && req.method === 'POST' && help[2] === 'acknowledge') return ok({ call: await this.helpCalls.acknowledge(who.kioskId, help[1]!, parseJsonBody(req, raw)) });
      if (help && req.method === 'POST' && help[2] === 'end') return ok({ call: await this.helpCalls.end(who.kioskId, help[1]!) });
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

  /** A look-up of a resident's data: refused with 429 and a Retry-After beyond the kiosk's rate. */
  private takeLookup(kioskId: string): void {
    const wait = this.queryBuckets.take(kioskId);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new HttpError(429, 'too-many-lookups', `too many look-ups from this kiosk; try again in ${seconds} s`, undefined, { 'retry-after': String(seconds) });
    }
  }

  /** For a load balancer: 200 when the storage answers a query, 503 when it does not. Unsigned: it says nothing a kiosk acts on. */
  private async health(res: http.ServerResponse): Promise<void> {
    let ok = true;
    try {
      await this.storage.healthy();
    } catch (e) {
      ok = false;
      this.o.log?.('health check: the storage does not answer', { error: (e as Error)?.name, code: (e as NodeJS.ErrnoException)?.code });
    }
    const body = JSON.stringify({ ok, storage: this.storage.kind });
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
    res.end(body);
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
  private async changes(kioskId: string, after: number, limit: number) {
    const rows = await this.storage.changes(kioskId, after, limit + 1);
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
      } else this.o.log?.('change feed row skipped: it does not fit the protocol', { seq: r.seq, kind: r.kind });
      nextCursor = r.seq;
    }
    return { changes, nextCursor, more };
  }
}

function toChange(r: ChangeRow): unknown {
  if (r.kind === 'catalogue') {
    let p: { version?: unknown; payload?: unknown } = {};
    try {
      p = JSON.parse(String(r.payloadJson)) as typeof p;
    } catch {
      // an unreadable row fails the schema below
    }
    return { seq: r.seq, kind: 'catalogue', version: p.version, payload: p.payload, at: r.at };
  }
  return {
    seq: r.seq,
    kind: 'application-status',
    applicationId: String(r.applicationId),
    status: r.status,
    receiptNumber: r.receiptNumber,
    reason: r.reason,
    at: r.at,
  };
}

/** A query parameter that must be a plain decimal integer when present ('abc', '1e3', '' are not). */
function integerParam(url: URL, name: string, fallback: number): number | null {
  const v = url.searchParams.get(name);
  if (v === null) return fallback;
  return /^\d{1,15}$/.test(v) ? Number(v) : null;
}
