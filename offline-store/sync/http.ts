// One HTTP exchange with hard limits: an inactivity timeout (a server or link
// that stalls mid-response), an overall deadline, and a cap on the answer's size
// (a huge body is refused while streaming, not buffered). gzip answers are
// inflated under the same cap. Failures come back as SyncErrors.
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { SyncError } from './errors.js';

export interface HttpRequest {
  url: URL;
  method: 'GET' | 'POST' | 'PUT';
  headers: Record<string, string>;
  body?: Buffer;
  /** No bytes moving for this long ends the request. */
  idleTimeoutMs: number;
  /** Hard limit for the whole exchange. */
  deadlineMs: number;
  maxResponseBytes: number;
  agent?: http.Agent;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const lib = req.url.protocol === 'https:' ? https : http;
    let settled = false;
    const finish = (err: SyncError | null, res?: HttpResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (err) {
        r.destroy();
        reject(err);
      } else resolve(res!);
    };
    const headers: Record<string, string> = { 'accept-encoding': 'gzip', ...req.headers };
    if (req.body) headers['content-length'] = String(req.body.length);
    const r = lib.request(req.url, { method: req.method, headers, agent: req.agent }, (res) => {
      const declared = Number(res.headers['content-length'] ?? 0);
      if (declared > req.maxResponseBytes) return finish(new SyncError('too-large', `answer of ${declared} bytes exceeds ${req.maxResponseBytes}`, res.statusCode ?? null));
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > req.maxResponseBytes) return finish(new SyncError('too-large', `answer exceeds ${req.maxResponseBytes} bytes`, res.statusCode ?? null));
        chunks.push(c);
      });
      res.on('aborted', () => finish(new SyncError('network', 'answer cut off mid-body')));
      res.on('error', (e) => finish(new SyncError('network', `answer failed: ${(e as NodeJS.ErrnoException).code ?? e.message}`)));
      res.on('end', () => {
        if (!res.complete) return finish(new SyncError('network', 'answer cut off mid-body'));
        let body = Buffer.concat(chunks);
        if (res.headers['content-encoding'] === 'gzip') {
          try {
            body = zlib.gunzipSync(body, { maxOutputLength: req.maxResponseBytes });
          } catch (e) {
            const tooBig = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
            return finish(new SyncError(tooBig ? 'too-large' : 'bad-response', tooBig ? 'inflated answer too large' : 'answer is not valid gzip', res.statusCode ?? null));
          }
        }
        finish(null, { status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    r.setTimeout(req.idleTimeoutMs, () => finish(new SyncError('timeout', `no progress for ${req.idleTimeoutMs} ms`)));
    const deadline = setTimeout(() => finish(new SyncError('timeout', `exchange took longer than ${req.deadlineMs} ms`)), req.deadlineMs);
    // Refused, reset, hang-up, unreachable: to the kiosk all of these mean "the link is down".
    r.on('error', (e: NodeJS.ErrnoException) => finish(new SyncError('network', `request failed: ${e.code ?? e.message}`)));
    r.end(req.body);
  });
}
