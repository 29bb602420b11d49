// An HTTP proxy in front of the real sync server that forwards each request
// (so the server really processes it) and then, when a fault is queued, answers
// the kiosk with something broken instead of the server's answer: garbage,
// the wrong schema, an error inside a 200, a huge body, a body that stalls
// half-way, a truncated or mis-encoded body, or a 5xx.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const faults = ['garbage', 'wrong-schema', 'error-in-200', 'huge', 'stall', 'truncated', 'bad-gzip', 'http-500', 'http-503'] as const;
export type Fault = (typeof faults)[number];

export class FaultProxy {
  private server: http.Server | null = null;
  private readonly queue: Fault[] = [];
  /** Every fault applied, with the request it replaced the answer of. */
  readonly applied: Fault[] = [];
  readonly appliedTo: { fault: Fault; method: string; path: string }[] = [];
  private every = 0;
  private seen = 0;
  private cycle = 0;
  private readonly open = new Set<http.ServerResponse>();

  constructor(private readonly targetPort: number) {}

  /** Queue faults for the next requests, in order. */
  inject(...f: Fault[]): void {
    this.queue.push(...f);
  }

  /** From now on, every `n`-th request gets the next fault of the list, in turn (0 turns this off). */
  faultEvery(n: number): void {
    this.every = n;
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

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const upstream = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const r = http.request({ host: '127.0.0.1', port: this.targetPort, path: req.url, method: req.method, headers: req.headers }, (ur) => {
        const b: Buffer[] = [];
        ur.on('data', (c) => b.push(c));
        ur.on('end', () => resolve({ status: ur.statusCode ?? 502, headers: ur.headers, body: Buffer.concat(b) }));
      });
      r.on('error', reject);
      r.end(Buffer.concat(chunks));
    }).catch(() => null);
    if (!upstream) return void res.writeHead(502).end();
    this.seen++;
    const fault = this.queue.shift() ?? (this.every && this.seen % this.every === 0 ? faults[this.cycle++ % faults.length] : undefined);
    if (!fault) {
      res.writeHead(upstream.status, upstream.headers);
      return void res.end(upstream.body);
    }
    this.applied.push(fault);
    this.appliedTo.push({ fault, method: req.method ?? '', path: (req.url ?? '').replace(/\?.*$/, '').replace(/[0-9a-f-]{36}$/, ':id') });
    this.open.add(res);
    res.on('close', () => this.open.delete(res));
    const json = (status: number, v: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(v));
    switch (fault) {
      case 'garbage':
        return void res.writeHead(200, { 'content-type': 'application/json' }).end('<html><body>Gateway says hello</body></html>');
      case 'wrong-schema':
        return json(200, { results: 'all good', changes: 7, received: 'lots' });
      case 'error-in-200':
        return json(200, { error: { code: 'db-down', message: 'database unavailable' } });
      case 'http-500':
        return json(500, { error: { code: 'internal', message: 'boom' } });
      case 'http-503':
        return void res.writeHead(503, { 'retry-after': '1' }).end('Service Unavailable');
      case 'bad-gzip':
        return void res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end('this is not gzip at all');
      case 'truncated': {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(upstream.body.length + 500) });
        res.write(upstream.body.subarray(0, Math.floor(upstream.body.length / 2)));
        return void setTimeout(() => res.destroy(), 10);
      }
      case 'stall': {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(upstream.body.length) });
        res.write(upstream.body.subarray(0, Math.floor(upstream.body.length / 2)));
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
    }
  }
}
