// An HTTP proxy in front of the real sync server that forwards each request
// (so the server really processes it) and then, when a fault is queued, answers
// the kiosk with something broken instead of the server's answer.
//
// Server faults model a buggy server: garbage, the wrong schema, an error
// inside a 200, a huge body, a body that stalls half-way, a truncated or
// mis-encoded body, or a 5xx. Given the server's identity (`signAs`), the proxy
// signs its broken JSON answers as that server would, so they test what the
// kiosk does with a signed but broken answer.
//
// Link faults model what sits between kiosk and server (a proxy, a captive
// portal, an attacker on plain http), never signed with the server's key:
// a 400/404/408/413 after the server processed the request, an HTML error
// page, a forged "accepted" for a request the server never saw, and a genuine
// signed answer replayed to another request.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { sha256Hex } from '../../offline-store/sync/canonical.js';
import { H } from '../../offline-store/sync/protocol.js';
import { signAnswer, type SigningIdentity } from '../../offline-store/sync/signing.js';

export const faults = ['garbage', 'wrong-schema', 'error-in-200', 'huge', 'stall', 'truncated', 'bad-gzip', 'http-429', 'http-500', 'http-503'] as const;
export type ServerFault = (typeof faults)[number];
export const linkFaults = ['http-400', 'http-404', 'http-408', 'http-413', 'proxy-html', 'wrong-content-type', 'forged-accept', 'replayed-answer'] as const;
export type LinkFault = (typeof linkFaults)[number];
export type Fault = ServerFault | LinkFault;

/** Link faults where the request never reaches the server: the thing in between answers in its place. */
const swallowed: ReadonlySet<Fault> = new Set<Fault>(['forged-accept', 'replayed-answer']);

export interface FaultProxyOptions {
  /** Sign server faults' JSON answers with the server's key (a buggy server, not a forger). */
  signAs?: SigningIdentity;
  /**
   * Plays a misbehaving server for some requests: a non-null answer is sent
   * (signed when `signAs` is given) instead of forwarding the request.
   */
  answerWith?: (method: string, path: string) => { status: number; value: unknown } | null;
}

/** A request's path without its query, an id at its end as `:id`: the route it takes. */
function routeOf(url: string): string {
  return url.replace(/\?.*$/, '').replace(/[0-9a-f-]{36}$/, ':id');
}

export class FaultProxy {
  private server: http.Server | null = null;
  private readonly queue: Fault[] = [];
  /** Every fault applied, with the request it replaced the answer of. */
  readonly applied: Fault[] = [];
  readonly appliedTo: { fault: Fault; method: string; path: string }[] = [];
  private every = 0;
  private perRoute = false;
  private seen = 0;
  private readonly seenOnRoute = new Map<string, number>();
  private cycle = 0;
  private readonly open = new Set<http.ServerResponse>();
  private lastGenuine: { status: number; headers: http.IncomingHttpHeaders; body: Buffer } | null = null;
  private cycleOf: readonly Fault[] = faults;

  constructor(
    private readonly targetPort: number,
    private readonly opts: FaultProxyOptions = {},
  ) {}

  /** Queue faults for the next requests, in order. */
  inject(...f: Fault[]): void {
    this.queue.push(...f);
  }

  /**
   * From now on, every `n`-th request gets the next fault of `list`, in turn (0
   * turns this off). With `perRoute`, every `n`-th request *of each route* (the
   * change feed, a chunk upload, a batch): which requests a pass makes, and in
   * what order, depends on timing, and counting them all together can leave one
   * route never faulted.
   */
  faultEvery(n: number, list: readonly Fault[] = faults, opts: { perRoute?: boolean } = {}): void {
    this.every = n;
    this.cycleOf = list;
    this.perRoute = opts.perRoute ?? false;
  }

  get queued(): number {
    return this.queue.length;
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const r of this.open) r.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** A buggy server signs what it sends; the link's faults never carry the server's signature. */
  private signed(req: http.IncomingMessage, status: number, body: Buffer): Record<string, string> {
    if (!this.opts.signAs) return {};
    const header = (n: string) => (typeof req.headers[n] === 'string' ? (req.headers[n] as string) : '');
    const answer = { status, kioskId: header(H.kiosk), method: req.method ?? '', path: req.url ?? '', requestNonce: header(H.nonce), bodySha256: sha256Hex(body) };
    return { [H.serverSignature]: signAnswer(this.opts.signAs.privateKey, answer) };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const requestBody = Buffer.concat(chunks);
    const own = this.opts.answerWith?.(req.method ?? '', req.url ?? '');
    if (own) {
      const b = Buffer.from(JSON.stringify(own.value));
      return void res.writeHead(own.status, { 'content-type': 'application/json', ...this.signed(req, own.status, b) }).end(b);
    }
    const route = `${req.method ?? ''} ${routeOf(req.url ?? '')}`;
    const next = (this.perRoute ? (this.seenOnRoute.get(route) ?? 0) : this.seen) + 1;
    const fault = this.queue.shift() ?? (this.every && next % this.every === 0 ? this.cycleOf[this.cycle++ % this.cycleOf.length] : undefined);
    let upstream: { status: number; headers: http.IncomingHttpHeaders; body: Buffer } | null = null;
    if (!fault || !swallowed.has(fault)) {
      upstream = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const r = http.request({ host: '127.0.0.1', port: this.targetPort, path: req.url, method: req.method, headers: req.headers }, (ur) => {
          const b: Buffer[] = [];
          ur.on('data', (c) => b.push(c));
          ur.on('end', () => resolve({ status: ur.statusCode ?? 502, headers: ur.headers, body: Buffer.concat(b) }));
        });
        r.on('error', reject);
        r.end(requestBody);
      }).catch(() => null);
      if (!upstream) return void res.writeHead(502).end();
    }
    this.seen++;
    this.seenOnRoute.set(route, (this.seenOnRoute.get(route) ?? 0) + 1);
    if (!fault) {
      this.lastGenuine = upstream;
      res.writeHead(upstream!.status, upstream!.headers);
      return void res.end(upstream!.body);
    }
    this.applied.push(fault);
    this.appliedTo.push({ fault, method: req.method ?? '', path: routeOf(req.url ?? '') });
    this.open.add(res);
    res.on('close', () => this.open.delete(res));
    const signed = (status: number, b: Buffer) => this.signed(req, status, b);
    const json = (status: number, v: unknown): void => {
      const body = Buffer.from(JSON.stringify(v));
      res.writeHead(status, { 'content-type': 'application/json', ...signed(status, body) }).end(body);
    };
    const unsignedJson = (status: number, v: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(v));
    const body = upstream?.body ?? Buffer.alloc(0);
    switch (fault) {
      case 'garbage': {
        const html = Buffer.from('<html><body>Gateway says hello</body></html>');
        return void res.writeHead(200, { 'content-type': 'application/json', ...signed(200, html) }).end(html);
      }
      case 'wrong-schema':
        return json(200, { results: 'all good', changes: 7, received: 'lots' });
      case 'error-in-200':
        return json(200, { error: { code: 'db-down', message: 'database unavailable' } });
      case 'http-429':
        return void res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '2' }).end(JSON.stringify({ error: { code: 'busy', message: 'slow down' } }));
      case 'http-500':
        return json(500, { error: { code: 'internal', message: 'boom' } });
      case 'http-503':
        return void res.writeHead(503, { 'retry-after': '1' }).end('Service Unavailable');
      case 'bad-gzip':
        return void res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end('this is not gzip at all');
      case 'truncated': {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length + 500) });
        res.write(body.subarray(0, Math.floor(body.length / 2)));
        return void setTimeout(() => res.destroy(), 10);
      }
      case 'stall': {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
        res.write(body.subarray(0, Math.floor(body.length / 2)));
        return; // and never another byte
      }
      case 'huge': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const block = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < 64 * 1024 * 1024 && !res.destroyed) {
            sent += block.length;
            if (!res.write(block)) return void res.once('drain', pump);
          }
          res.end();
        };
        return pump();
      }
      case 'http-400':
        return unsignedJson(400, { error: { code: 'bad-request', message: 'a flipped bit, as a middlebox saw it' } });
      case 'http-404':
        return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      case 'http-408':
        return unsignedJson(408, { error: { code: 'timeout', message: 'request timeout' } });
      case 'http-413':
        return void res.writeHead(413, { 'content-type': 'text/html' }).end('<html><body>413 Request Entity Too Large</body></html>');
      case 'proxy-html':
        return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body>请先登录 Wi-Fi (captive portal)</body></html>');
      case 'wrong-content-type': {
        // The server's own signed answer, relabelled by something in between.
        res.writeHead(upstream!.status, { ...upstream!.headers, 'content-type': 'text/plain' });
        return void res.end(body);
      }
      case 'forged-accept':
        return unsignedJson(...forgedSuccess(req, requestBody));
      case 'replayed-answer': {
        const old = this.lastGenuine;
        if (!old) return unsignedJson(...forgedSuccess(req, requestBody));
        res.writeHead(old.status, old.headers);
        return void res.end(old.body);
      }
    }
  }
}

/** What an attacker on the link would answer to make the kiosk believe its request succeeded. */
function forgedSuccess(req: http.IncomingMessage, body: Buffer): [number, unknown] {
  const path = req.url ?? '';
  if (path.startsWith('/v1/applications/batch')) {
    let apps: { id: string; idempotencyKey: string }[] = [];
    try {
      const json = req.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(body) : body;
      apps = (JSON.parse(json.toString('utf8')) as { applications: { id: string; idempotencyKey: string }[] }).applications;
    } catch {
      // not a batch we can read: an empty "success"
    }
    const results = apps.map((a, i) => ({ id: a.id, idempotencyKey: a.idempotencyKey, outcome: 'accepted', httpStatus: 201, receiptNumber: `SB-FORGED-${i}`, reason: null }));
    return [200, { results }];
  }
  const upload = /^\/v1\/uploads\/([0-9a-f-]{36})/.exec(path);
  if (upload) {
    const size = Number(req.headers[H.uploadLength] ?? 0);
    return [200, { id: upload[1], received: size, size, complete: true }];
  }
  if (path.startsWith('/v1/changes')) return [200, { changes: [], nextCursor: 0, more: false }];
  return [200, {}];
}
