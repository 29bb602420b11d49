// Small HTTP helpers for the server: bounded body reading (gzip inflated under a
// cap), JSON answers signed with the server's key (gzip when the client accepts
// it), and a typed HttpError
// whose status and code become the `{ error: { code, message } }` envelope.
import type http from 'node:http';
import zlib from 'node:zlib';
import { H } from '../offline-store/sync/protocol.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export function readBody(req: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new HttpError(413, 'too-large', `body of ${declared} bytes exceeds ${limit}`));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new HttpError(413, 'too-large', `body exceeds ${limit} bytes`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('aborted', () => reject(new HttpError(400, 'aborted', 'request aborted')));
  });
}

export function parseJsonBody(req: http.IncomingMessage, raw: Buffer): unknown {
  let bytes = raw;
  if (req.headers['content-encoding'] === 'gzip') {
    try {
      bytes = zlib.gunzipSync(raw, { maxOutputLength: MAX_BODY_BYTES * 2 });
    } catch {
      throw new HttpError(400, 'bad-gzip', 'body is not valid gzip or inflates too large');
    }
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new HttpError(400, 'bad-json', 'body is not JSON');
  }
}

/** Signs an answer's status and body (uncompressed) for the request it answers; see signing.ts. */
export type AnswerSigner = (status: number, body: Buffer) => string;

export interface Answer {
  status: number;
  value: unknown;
  /** Extra headers (Retry-After). */
  headers?: Record<string, string>;
}

export function sendJson(req: http.IncomingMessage, res: http.ServerResponse, signer: AnswerSigner, a: Answer): void {
  const json = Buffer.from(JSON.stringify(a.value));
  let body = json;
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...a.headers };
  headers[H.serverSignature] = signer(a.status, json);
  if (body.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    body = zlib.gzipSync(body);
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = String(body.length);
  res.writeHead(a.status, headers);
  res.end(body);
}

export function sendError(req: http.IncomingMessage, res: http.ServerResponse, signer: AnswerSigner, e: HttpError): void {
  sendJson(req, res, signer, { status: e.status, value: e.body ?? { error: { code: e.code, message: e.message } }, headers: e.headers });
}
