// The kiosk's side of the protocol: signs each request, gzips JSON bodies, and
// validates every answer against the protocol schemas. Whatever the server or
// the link does, a call either returns a well-formed answer or throws a SyncError.
import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import type { z } from 'zod';
import { sha256Hex } from './canonical.js';
import { SyncError } from './errors.js';
import { httpRequest } from './http.js';
import { sign, type SigningIdentity } from './signing.js';
import {
  batchResponseSchema,
  changesResponseSchema,
  errorBodySchema,
  H,
  PROTOCOL_PREFIX,
  socialInsuranceAnswerSchema,
  uploadStateSchema,
  type BatchResult,
  type Change,
  type UploadState,
  type WireApplication,
} from './protocol.js';

export interface SyncClientOptions {
  baseUrl: string;
  kioskId: string;
  identity: SigningIdentity;
  requestTimeoutMs: number;
  maxResponseBytes: number;
  /** Parallel connections kept alive. */
  maxSockets: number;
  now?: () => Date;
  userAgent?: string;
}

/** JSON bodies below this are sent as is: gzip would not pay for its header. */
const GZIP_MIN_BYTES = 1024;

export class SyncClient {
  private readonly agent: http.Agent;
  private readonly base: URL;

  constructor(private readonly o: SyncClientOptions) {
    this.base = new URL(o.baseUrl);
    const Agent = this.base.protocol === 'https:' ? https.Agent : http.Agent;
    this.agent = new Agent({ keepAlive: true, maxSockets: o.maxSockets, keepAliveMsecs: 10_000 });
  }

  get baseUrl(): string {
    return this.base.toString();
  }

  async submitBatch(applications: WireApplication[]): Promise<BatchResult[]> {
    const res = await this.json('POST', '/applications/batch', { applications }, batchResponseSchema);
    const ids = new Set(applications.map((a) => a.id));
    if (res.results.some((r) => !ids.has(r.id))) throw new SyncError('bad-response', 'batch answer names an application that was not sent');
    return res.results;
  }

  uploadState(attachmentId: string): Promise<UploadState> {
    return this.json('GET', `/uploads/${attachmentId}`, undefined, uploadStateSchema);
  }

  /** 409 (the server holds a different offset) is an answer, not an error: it says where to resume. */
  async uploadChunk(attachmentId: string, offset: number, total: number, sha256: string, chunk: Buffer): Promise<UploadState & { offsetMismatch: boolean }> {
    const res = await this.send('PUT', `/uploads/${attachmentId}`, chunk, {
      'content-type': 'application/octet-stream',
      [H.uploadOffset]: String(offset),
      [H.uploadLength]: String(total),
      [H.uploadSha256]: sha256,
    });
    if (res.status === 409) return { ...this.parse(res.status, res.body, uploadStateSchema), offsetMismatch: true };
    return { ...this.check(res.status, res.body, uploadStateSchema), offsetMismatch: false };
  }

  async changes(cursor: number, limit = 200): Promise<{ changes: Change[]; nextCursor: number; more: boolean }> {
    const res = await this.json('GET', `/changes?after=${cursor}&limit=${limit}`, undefined, changesResponseSchema);
    if (res.nextCursor < cursor) throw new SyncError('bad-response', 'change cursor moved backwards');
    return res;
  }

  querySocialInsurance(idNumber: string): Promise<z.infer<typeof socialInsuranceAnswerSchema>> {
    return this.json('POST', '/queries/social-insurance', { idNumber }, socialInsuranceAnswerSchema);
  }

  close(): void {
    this.agent.destroy();
  }

  private async json<S extends z.ZodType>(method: 'GET' | 'POST', path: string, body: unknown, schema: S): Promise<z.output<S>> {
    let bytes: Buffer | undefined;
    const headers: Record<string, string> = {};
    if (body !== undefined) {
      bytes = Buffer.from(JSON.stringify(body));
      headers['content-type'] = 'application/json';
      if (bytes.length >= GZIP_MIN_BYTES) {
        bytes = zlib.gzipSync(bytes, { level: 6 });
        headers['content-encoding'] = 'gzip';
      }
    }
    const res = await this.send(method, path, bytes, headers);
    return this.check(res.status, res.body, schema);
  }

  private async send(method: 'GET' | 'POST' | 'PUT', path: string, body: Buffer | undefined, extra: Record<string, string>) {
    const res = await this.exchange(method, path, body, extra);
    this.learnClock(res.headers.date);
    return res;
  }

  /**
   * A village kiosk's clock drifts, and one off by more than five minutes would
   * have every request refused. The server's Date header tells how far off it is;
   * later timestamps are corrected by that much (whole seconds, only beyond 30 s).
   */
  private learnClock(dateHeader: string | undefined): void {
    const server = dateHeader ? Date.parse(dateHeader) : NaN;
    if (Number.isNaN(server)) return;
    const offset = server - this.localNow();
    this.clockOffsetMs = Math.abs(offset) > 30_000 ? Math.round(offset / 1000) * 1000 : 0;
  }

  private clockOffsetMs = 0;

  private localNow(): number {
    return (this.o.now?.() ?? new Date()).getTime();
  }

  private exchange(method: 'GET' | 'POST' | 'PUT', path: string, body: Buffer | undefined, extra: Record<string, string>) {
    const fullPath = `${PROTOCOL_PREFIX}${path}`;
    const url = new URL(fullPath, this.base);
    const timestamp = String(this.localNow() + this.clockOffsetMs);
    const nonce = crypto.randomBytes(16).toString('hex');
    const bodySha256 = sha256Hex(body ?? Buffer.alloc(0));
    const signature = sign(this.o.identity.privateKey, { method, path: url.pathname + url.search, timestamp, nonce, bodySha256 });
    return httpRequest({
      url,
      method,
      body,
      agent: this.agent,
      idleTimeoutMs: this.o.requestTimeoutMs,
      // A slow link may need long for a big chunk; the idle timeout catches stalls.
      deadlineMs: this.o.requestTimeoutMs * 6,
      maxResponseBytes: this.o.maxResponseBytes,
      headers: {
        ...extra,
        'user-agent': this.o.userAgent ?? 'xiangyin-kiosk',
        [H.kiosk]: this.o.kioskId,
        [H.timestamp]: timestamp,
        [H.nonce]: nonce,
        [H.bodyHash]: bodySha256,
        [H.signature]: signature,
      },
    });
  }

  /** Maps an HTTP status to success or a typed failure, then validates the body. */
  private check<S extends z.ZodType>(status: number, body: Buffer, schema: S): z.output<S> {
    if (status >= 200 && status < 300) return this.parse(status, body, schema);
    const reason = this.reasonOf(body) ?? `HTTP ${status}`;
    if (status === 429 || status >= 500) throw new SyncError('server', reason, status);
    if (status === 401 || status === 403) throw new SyncError('auth', reason, status);
    if (status >= 400) throw new SyncError('rejected', reason, status);
    throw new SyncError('bad-response', `unexpected HTTP ${status}`, status);
  }

  private parse<S extends z.ZodType>(status: number, body: Buffer, schema: S): z.output<S> {
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      throw new SyncError('bad-response', 'answer is not JSON', status);
    }
    // A 200 that carries an error envelope is a broken server, not a success.
    const asError = errorBodySchema.safeParse(json);
    if (asError.success) throw new SyncError('bad-response', `error inside a ${status}: ${asError.data.error.code}`, status);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new SyncError('bad-response', `answer does not match the protocol at ${parsed.error.issues[0]?.path.join('.') || '(root)'}`, status);
    return parsed.data;
  }

  private reasonOf(body: Buffer): string | null {
    try {
      const e = errorBodySchema.safeParse(JSON.parse(body.toString('utf8')));
      return e.success ? e.data.error.message.slice(0, 500) : null;
    } catch {
      return null;
    }
  }
}
