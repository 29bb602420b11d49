// The kiosk's side of the protocol: signs each request, gzips JSON bodies, checks
// that every answer is signed by the server key pinned at registration and bound
// to the request it answers, and validates it against the protocol schemas.
// Whatever the server, the link or anything in between does, a call either
// returns the server's own well-formed answer or throws a SyncError.
import crypto, { type KeyObject } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import type { z } from 'zod';
import { sha256Hex } from './canonical.js';
import { SyncConfigError, SyncError } from './errors.js';
import { httpRequest, type HttpResponse } from './http.js';
import { checkSyncServerUrl } from './server-url.js';
import { sign, verifyAnswer, type SigningIdentity } from './signing.js';
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
import { helpCallAnswerSchema, helpCallListSchema, type OpenHelpCall, type WireHelpCall } from './help-protocol.js';
import {
  requestCodeAnswerSchema,
  smsOutboxAnswerSchema,
  verifyCodeAnswerSchema,
  type RequestCode,
  type RequestCodeAnswer,
  type SmsOutboxMessage,
  type VerifyCode,
  type VerifyCodeAnswer,
} from './identity-code-protocol.js';

export interface SyncClientOptions {
  baseUrl: string;
  kioskId: string;
  identity: SigningIdentity;
  /** The server's public key (SPKI PEM), pinned at registration: only answers it signed are believed. */
  serverPublicKeyPem: string;
  requestTimeoutMs: number;
  maxResponseBytes: number;
  /** Parallel connections kept alive. */
  maxSockets: number;
  now?: () => Date;
  userAgent?: string;
}

/** JSON bodies below this are sent as is: gzip would not pay for its header. */
const GZIP_MIN_BYTES = 1024;

/** A Retry-After longer than this is taken as this: a bad header must not silence a kiosk for days. */
const MAX_RETRY_AFTER_MS = 15 * 60 * 1000;

type Method = 'GET' | 'POST' | 'PUT';
interface Exchanged extends HttpResponse {
  method: Method;
  path: string;
  nonce: string;
}

export class SyncClient {
  private readonly agent: http.Agent;
  private readonly base: URL;
  private readonly serverKey: KeyObject;
  /** After a 429 on a look-up, further look-ups wait until then (the server's Retry-After). */
  private queriesNotBefore = 0;

  constructor(private readonly o: SyncClientOptions) {
    this.base = checkSyncServerUrl(o.baseUrl);
    if (!o.serverPublicKeyPem) throw new SyncConfigError('no-server-key', 'no server public key is pinned: set sync.serverPublicKey to the PEM `xiangyin server register` printed');
    try {
      this.serverKey = crypto.createPublicKey(o.serverPublicKeyPem);
    } catch {
      throw new SyncConfigError('bad-server-key', 'sync.serverPublicKey is not a PEM public key');
    }
    if (this.serverKey.asymmetricKeyType !== 'ed25519') throw new SyncConfigError('bad-server-key', 'sync.serverPublicKey must be an Ed25519 key');
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
    if (res.status === 409) {
      this.authenticate(res);
      return { ...this.parse(res, uploadStateSchema), offsetMismatch: true };
    }
    // 422 (size or hash differ) is the server's own word about this attachment: the only refusal there is.
    return { ...this.check(res, uploadStateSchema, { refusable: true }), offsetMismatch: false };
  }

  async changes(cursor: number, limit = 200): Promise<{ changes: Change[]; nextCursor: number; more: boolean }> {
    const res = await this.json('GET', `/changes?after=${cursor}&limit=${limit}`, undefined, changesResponseSchema);
    if (res.nextCursor < cursor) throw new SyncError('bad-response', 'change cursor moved backwards');
    return res;
  }

  async querySocialInsurance(idNumber: string): Promise<z.infer<typeof socialInsuranceAnswerSchema>> {
    const wait = this.queriesNotBefore - this.localNow();
    if (wait > 0) throw new SyncError('server', `the server asked for no look-ups for another ${Math.ceil(wait / 1000)} s`, 429, wait);
    try {
      return await this.json('POST', '/queries/social-insurance', { idNumber }, socialInsuranceAnswerSchema);
    } catch (e) {
      if (e instanceof SyncError && e.httpStatus === 429 && e.retryAfterMs) this.queriesNotBefore = this.localNow() + e.retryAfterMs;
      throw e;
    }
  }

  /** A TV box calls its station's desk (or calls again: the same id refreshes the call). */
  async openHelpCall(call: OpenHelpCall): Promise<WireHelpCall> {
    return (await this.json('POST', '/help-calls', call, helpCallAnswerSchema)).call;
  }

  /** A station: the open calls addressed to it. */
  async helpCallsForMe(): Promise<WireHelpCall[]> {
    return (await this.json('GET', '/help-calls', undefined, helpCallListSchema)).calls;
  }

  /** One call, made by this kiosk or addressed to it. A 404 (unknown, or no longer kept) is a SyncError('server', 404). */
  async helpCall(id: string): Promise<WireHelpCall> {
    return (await this.json('GET', `/help-calls/${id}`, undefined, helpCallAnswerSchema)).call;
  }

  /** A station's specialist answers a call: `by` is the name the TV may be told. */
  async acknowledgeHelpCall(id: string, by: string): Promise<WireHelpCall> {
    return (await this.json('POST', `/help-calls/${id}/acknowledge`, { by }, helpCallAnswerSchema)).call;
  }

  async endHelpCall(id: string): Promise<WireHelpCall> {
    return (await this.json('POST', `/help-calls/${id}/end`, {}, helpCallAnswerSchema)).call;
  }

  /** A TV box: text a one-time code to the phone on file for this number. */
  async requestIdentityCode(r: RequestCode): Promise<RequestCodeAnswer> {
    return this.json('POST', '/identity-codes', r, requestCodeAnswerSchema);
  }

  /** A TV box: the code the family keyed. */
  async verifyIdentityCode(v: VerifyCode): Promise<VerifyCodeAnswer> {
    return this.json('POST', '/identity-codes/verify', v, verifyCodeAnswerSchema);
  }

  /** A station: the simulated SMS gateway's latest texts for its own requests or its TV boxes'. */
  async smsOutbox(): Promise<SmsOutboxMessage[]> {
    return (await this.json('GET', '/sms-outbox', undefined, smsOutboxAnswerSchema)).messages;
  }

  close(): void {
    this.agent.destroy();
  }

  private async json<S extends z.ZodType>(method: Method, path: string, body: unknown, schema: S): Promise<z.output<S>> {
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
    return this.check(res, schema);
  }

  private async send(method: Method, path: string, body: Buffer | undefined, extra: Record<string, string>) {
    return this.exchange(method, path, body, extra);
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

  private async exchange(method: Method, path: string, body: Buffer | undefined, extra: Record<string, string>): Promise<Exchanged> {
    const fullPath = `${PROTOCOL_PREFIX}${path}`;
    const url = new URL(fullPath, this.base);
    const timestamp = String(this.localNow() + this.clockOffsetMs);
    const nonce = crypto.randomBytes(16).toString('hex');
    const bodySha256 = sha256Hex(body ?? Buffer.alloc(0));
    const signedPath = url.pathname + url.search;
    const signature = sign(this.o.identity.privateKey, {
      method,
      path: signedPath,
      kioskId: this.o.kioskId,
      timestamp,
      nonce,
      bodySha256,
      contentEncoding: extra[H.contentEncoding] ?? '',
      uploadOffset: extra[H.uploadOffset] ?? '',
      uploadLength: extra[H.uploadLength] ?? '',
      uploadSha256: extra[H.uploadSha256] ?? '',
    });
    const res = await httpRequest({
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
    return { ...res, method, path: signedPath, nonce };
  }

  /**
   * Maps an answer to success or a typed failure. Busy and failing (408, 429,
   * 5xx) need no signature: they are retried whoever sent them, and nothing is
   * recorded from them. Everything the kiosk acts on must carry the pinned
   * server's signature over this very request; a refusal counts only where the
   * caller says the server may refuse (an upload's 422).
   */
  private check<S extends z.ZodType>(res: Exchanged, schema: S, opts: { refusable?: boolean } = {}): z.output<S> {
    const { status } = res;
    if (status === 408 || status === 429 || status >= 500) {
      throw new SyncError('server', this.reasonOf(res.body) ?? `HTTP ${status}`, status, retryAfterMs(res.headers['retry-after'], this.localNow()));
    }
    this.authenticate(res);
    if (status >= 200 && status < 300) return this.parse(res, schema);
    const reason = this.reasonOf(res.body) ?? `HTTP ${status}`;
    if (status === 401 || status === 403) throw new SyncError('auth', reason, status);
    if (status === 422 && opts.refusable && this.reasonOf(res.body) !== null) throw new SyncError('rejected', reason, status);
    // The server refused the request as a whole: not a verdict on any application, so it is retried.
    if (status >= 400 && status < 500) throw new SyncError('server', `HTTP ${status}: ${reason}`, status);
    throw new SyncError('bad-response', `unexpected HTTP ${status}`, status);
  }

  /**
   * An answer is the server's only if it is JSON and signed by the pinned key
   * over its status, its body and this request's nonce. A proxy's page, a
   * forged "accepted" or a genuine answer replayed from another request fail here.
   */
  private authenticate(res: Exchanged): void {
    const type = String(res.headers['content-type'] ?? '');
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      throw new SyncError('bad-response', `answer is ${type ? type.split(';')[0] : 'untyped'}, not JSON (a proxy or captive portal in the way?)`, res.status);
    }
    const signature = res.headers[H.serverSignature];
    const answer = { status: res.status, kioskId: this.o.kioskId, method: res.method, path: res.path, requestNonce: res.nonce, bodySha256: sha256Hex(res.body) };
    if (typeof signature !== 'string' || !verifyAnswer(this.serverKey, answer, signature)) {
      throw new SyncError('unverified', `HTTP ${res.status} answer is not signed by the pinned server key (a proxy, a forgery or a replay): ignored`, res.status);
    }
    // Only the server's own answers may move the kiosk's clock.
    this.learnClock(res.headers.date);
  }

  private parse<S extends z.ZodType>(res: Exchanged, schema: S): z.output<S> {
    const { status, body } = res;
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

/** Retry-After as seconds or an HTTP date, in ms from now; null when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, nowMs: number): number | null {
  if (typeof header !== 'string' || !header.trim()) return null;
  const text = header.trim();
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - nowMs;
  if (!Number.isFinite(ms)) return null;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}
