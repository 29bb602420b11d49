// A TCP proxy that behaves like a weak radio link: a shared bandwidth limit per
// direction (a token-bucket style serialiser), one-way latency (half the RTT),
// and faults on demand or on a schedule: reset every connection, refuse new
// ones (link down), or stall (accept bytes, deliver none). It counts the bytes
// that crossed, so benchmarks can compare wire bytes with the payload.
import net from 'node:net';

export interface LinkOptions {
  targetHost?: string;
  targetPort: number;
  /** Bits per second per direction; 0 = unlimited. */
  bandwidthBps?: number;
  /** Round-trip time added on top of the real one (half each way). */
  rttMs?: number;
  /** Resets every open connection at this period (0 = never). */
  resetEveryMs?: number;
}

interface Direction {
  /** When the emulated wire is free again (ms, performance.now clock). */
  freeAt: number;
  bytes: number;
}

const MAX_QUEUED_PER_SOCKET = 64 * 1024;

export class LinkEmulator {
  private server: net.Server | null = null;
  private readonly pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  private readonly up: Direction = { freeAt: 0, bytes: 0 };
  private readonly down: Direction = { freeAt: 0, bytes: 0 };
  private resetTimer: NodeJS.Timeout | null = null;
  private down_ = false;
  private stalled = false;
  resets = 0;
  connections = 0;

  constructor(private readonly o: LinkOptions) {}

  async start(port = 0): Promise<string> {
    this.server = net.createServer((c) => this.accept(c));
    await new Promise<void>((r) => this.server!.listen(port, '127.0.0.1', r));
    if (this.o.resetEveryMs) {
      this.resetTimer = setInterval(() => this.resetAll(), this.o.resetEveryMs);
      this.resetTimer.unref();
    }
    return `http://127.0.0.1:${(this.server!.address() as net.AddressInfo).port}`;
  }

  get wireBytes(): { up: number; down: number; total: number } {
    return { up: this.up.bytes, down: this.down.bytes, total: this.up.bytes + this.down.bytes };
  }

  get openConnections(): number {
    return this.pairs.size;
  }

  /** Drops every open connection with a TCP reset, as a radio handover does. */
  resetAll(): number {
    const n = this.pairs.size;
    for (const p of [...this.pairs]) this.kill(p);
    if (n) this.resets++;
    return n;
  }

  /** Link down: new connections are reset at once, open ones are reset now. */
  setDown(down: boolean): void {
    this.down_ = down;
    if (down) this.resetAll();
  }

  /** Stall: connections stay open but no byte moves in either direction. */
  setStalled(stalled: boolean): void {
    this.stalled = stalled;
  }

  async stop(): Promise<void> {
    if (this.resetTimer) clearInterval(this.resetTimer);
    this.resetAll();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    this.server = null;
  }

  private accept(client: net.Socket): void {
    if (this.down_) return void client.resetAndDestroy();
    this.connections++;
    const upstream = net.connect(this.o.targetPort, this.o.targetHost ?? '127.0.0.1');
    const pair = { client, upstream };
    this.pairs.add(pair);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    this.pipe(client, upstream, this.up, pair);
    this.pipe(upstream, client, this.down, pair);
    const end = () => this.kill(pair);
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  }

  private pipe(from: net.Socket, to: net.Socket, dir: Direction, pair: { client: net.Socket; upstream: net.Socket }): void {
    let queued = 0;
    let ended = false;
    let pendingDeliveries = 0;
    const oneWay = (this.o.rttMs ?? 0) / 2;
    from.on('data', (chunk: Buffer) => {
      const now = performance.now();
      const serialiseMs = this.o.bandwidthBps ? (chunk.length * 8 * 1000) / this.o.bandwidthBps : 0;
      dir.freeAt = Math.max(dir.freeAt, now) + serialiseMs;
      const deliverAt = dir.freeAt + oneWay;
      queued += chunk.length;
      pendingDeliveries++;
      // Like a TCP window: stop reading while too much is in flight.
      if (queued > MAX_QUEUED_PER_SOCKET) from.pause();
      const deliver = () => {
        if (!this.pairs.has(pair)) return;
        if (this.stalled) return void setTimeout(deliver, 50);
        dir.bytes += chunk.length;
        to.write(chunk);
        queued -= chunk.length;
        pendingDeliveries--;
        if (queued <= MAX_QUEUED_PER_SOCKET / 2 && from.isPaused()) from.resume();
        if (ended && pendingDeliveries === 0) to.end();
      };
      setTimeout(deliver, Math.max(0, deliverAt - now));
    });
    from.on('end', () => {
      ended = true;
      if (pendingDeliveries === 0) to.end();
    });
  }

  private kill(pair: { client: net.Socket; upstream: net.Socket }): void {
    if (!this.pairs.delete(pair)) return;
    if (!pair.client.destroyed) pair.client.resetAndDestroy();
    if (!pair.upstream.destroyed) pair.upstream.resetAndDestroy();
  }
}
