// The reference sync server: a real HTTP server over its own SQLite file. Each
// request is authenticated (auth.ts) before its body is read; handlers answer in
// the protocol's JSON shapes, gzipped when the kiosk accepts it. The same object
// serves the embedded default (in the kiosk process), `npx xiangyin server run`,
// and the tests; stop() and start() again keep the port and the data.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '../offline-store/db/sqlite.js';
import { changesResponseSchema, H, PROTOCOL_PREFIX, socialInsuranceQuerySchema, type Change } from '../offline-store/sync/protocol.js';
import { AdminDesk } from './admin.js';
import { ApplicationDesk } from './applications.js';
import { Authenticator } from './auth.js';
import { openServerDatabase } from './db.js';
import { seedDemoResidents } from './demo-data.js';
import { HttpError, parseJsonBody, readBody, sendError, sendJson } from './http-util.js';
import { UploadDesk } from './uploads.js';

export interface SyncServerOptions {
  dataDir: string;
  host?: string;
  /** 0 picks a free port the first time; later starts reuse it. */
  port?: number;
  now?: () => Date;
  log?: (msg: string, fields?: Record<string, unknown>) => void;
  seedDemo?: boolean;
}

const UPLOAD_CHUNK_LIMIT = 8 * 1024 * 1024 + 1;

export class SyncServer {
  readonly admin: AdminDesk;
  private readonly db: Db;
  private readonly auth: Authenticator;
  private readonly desk: ApplicationDesk;
  private readonly uploads: UploadDesk;
  private readonly now: () => Date;
  private server: http.Server | null = null;
  private port: number;

  constructor(private readonly o: SyncServerOptions) {
    this.now = o.now ?? (() => new Date());
    this.db = openServerDatabase(o.dataDir);
    if (o.seedDemo ?? true) seedDemoResidents(this.db, '2026-11-01T00:00:00.000Z');
    this.auth = new Authenticator(this.db, () => this.now().getTime());
    this.desk = new ApplicationDesk(this.db, this.now);
    this.uploads = new UploadDesk(this.db, o.dataDir, this.now);
    this.admin = new AdminDesk(this.db, this.now);
    this.port = o.port ?? 0;
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
    await this.stop();
    this.db.close();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      if (!url.pathname.startsWith(PROTOCOL_PREFIX + '/')) throw new HttpError(404, 'not-found', 'no such endpoint');
      const route = url.pathname.slice(PROTOCOL_PREFIX.length);
      const who = this.auth.check(req);
      const isUpload = req.method === 'PUT' && route.startsWith('/uploads/');
      const raw = await readBody(req, isUpload ? UPLOAD_CHUNK_LIMIT : undefined);
      this.auth.verifyBody(who, raw);

      if (req.method === 'POST' && route === '/applications/batch') {
        return sendJson(req, res, 200, { results: this.desk.receiveBatch(who.kioskId, parseJsonBody(req, raw)) });
      }
      const upload = /^\/uploads\/([0-9a-f-]{36})$/.exec(route);
      if (upload && req.method === 'GET') return sendJson(req, res, 200, this.uploads.state(who.kioskId, upload[1]!));
      if (upload && req.method === 'PUT') {
        const r = await this.uploads.putChunk(
          who.kioskId,
          upload[1]!,
          { offset: Number(req.headers[H.uploadOffset]), total: Number(req.headers[H.uploadLength]), sha256: String(req.headers[H.uploadSha256] ?? '') },
          raw,
        );
        return sendJson(req, res, r.status, r.state);
      }
      if (req.method === 'GET' && route === '/changes') {
        const after = Number(url.searchParams.get('after') ?? 0);
        const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 200), 1), 1000);
        if (!Number.isSafeInteger(after) || after < 0) throw new HttpError(400, 'bad-cursor', 'after must be a non-negative integer');
        return sendJson(req, res, 200, this.changes(who.kioskId, after, limit));
      }
      if (req.method === 'POST' && route === '/queries/social-insurance') {
        const q = socialInsuranceQuerySchema.safeParse(parseJsonBody(req, raw));
        if (!q.success) throw new HttpError(400, 'bad-query', 'idNumber is required');
        const row = this.db.prepare('SELECT record_json, as_of FROM residents WHERE id_number = ?').get(q.data.idNumber.trim().toUpperCase()) as
          | { record_json: string; as_of: string }
          | undefined;
        return sendJson(req, res, 200, { record: row ? JSON.parse(row.record_json) : null, asOf: row?.as_of ?? this.now().toISOString() });
      }
      if (req.method === 'GET' && route === '/ping') return sendJson(req, res, 200, { serverTime: this.now().toISOString() });
      throw new HttpError(404, 'not-found', 'no such endpoint');
    } catch (e) {
      if (res.headersSent) return void res.destroy();
      if (e instanceof HttpError) return sendError(req, res, e);
      // Never echo internals (or personal data) back; log the class only.
      this.o.log?.('sync server request failed', { error: (e as Error)?.name, code: (e as NodeJS.ErrnoException)?.code });
      sendError(req, res, new HttpError(500, 'internal', 'the server failed to handle this request'));
    }
  }

  private changes(kioskId: string, after: number, limit: number) {
    const rows = this.db
      .prepare('SELECT * FROM changes WHERE seq > ? AND (kiosk_id = ? OR kiosk_id IS NULL) ORDER BY seq LIMIT ?')
      .all(after, kioskId, limit + 1) as Record<string, unknown>[];
    const more = rows.length > limit;
    const changes: Change[] = rows.slice(0, limit).map((r) => {
      if (r.kind === 'catalogue') {
        const p = JSON.parse(String(r.payload_json)) as { version: string; payload: unknown };
        return { seq: Number(r.seq), kind: 'catalogue', version: p.version, payload: p.payload, at: String(r.at) };
      }
      return {
        seq: Number(r.seq),
        kind: 'application-status',
        applicationId: String(r.application_id),
        status: r.status as 'accepted' | 'completed' | 'rejected',
        receiptNumber: (r.receipt_number as string | null) ?? null,
        reason: (r.reason as string | null) ?? null,
        at: String(r.at),
      };
    });
    return changesResponseSchema.parse({ changes, nextCursor: changes.at(-1)?.seq ?? after, more });
  }
}
