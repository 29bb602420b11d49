// The link emulator itself: it must really limit bandwidth, add latency, and
// reset or refuse connections, or the flap test and the benchmark mean nothing.
// Timing bounds are generous one way only (a loaded machine is slower, never faster).
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LinkEmulator } from '../../tools/link-emulator.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function echoServer(): Promise<number> {
  const s = net.createServer((c) => {
    c.on('error', () => {});
    c.pipe(c);
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise<void>((r) => s.close(() => r())));
  return (s.address() as net.AddressInfo).port;
}

function connect(url: string): Promise<net.Socket> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const c = net.connect(Number(u.port), u.hostname, () => resolve(c));
    c.once('error', reject);
    // Resets are the point of these tests: never let one surface as an unhandled error.
    c.on('error', () => {});
  });
}

describe('link emulator', () => {
  it('limits bandwidth and adds the round-trip time', async () => {
    const link = new LinkEmulator({ targetPort: await echoServer(), bandwidthBps: 1_000_000, rttMs: 200 });
    const url = await link.start();
    cleanups.push(() => link.stop());
    const c = await connect(url);
    cleanups.push(() => void c.destroy());
    // Round trip of one byte: half the RTT each way.
    let t0 = performance.now();
    c.write('x');
    await new Promise((r) => c.once('data', r));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(195);
    // 62.5 KB at 1 Mbit/s takes ≥ 0.5 s each way.
    const payload = Buffer.alloc(62_500, 7);
    t0 = performance.now();
    let got = 0;
    const done = new Promise<void>((r) => c.on('data', (d: Buffer) => ((got += d.length) >= payload.length ? r() : undefined)));
    c.write(payload);
    await done;
    expect(performance.now() - t0).toBeGreaterThanOrEqual(1000);
    expect(link.wireBytes.up).toBe(payload.length + 1);
  });

  it('resets open connections and refuses new ones while the link is down', async () => {
    const link = new LinkEmulator({ targetPort: await echoServer() });
    const url = await link.start();
    cleanups.push(() => link.stop());
    const c = await connect(url);
    const closed = new Promise<string>((r) => c.once('error', (e: NodeJS.ErrnoException) => r(e.code ?? 'error')));
    await new Promise((r) => setTimeout(r, 20));
    expect(link.resetAll()).toBe(1);
    expect(await closed).toBe('ECONNRESET');
    link.setDown(true);
    const refused = await connect(url).then(
      (s) => new Promise<string>((r) => s.once('error', (e: NodeJS.ErrnoException) => r(e.code ?? 'error')).once('close', () => r('closed'))),
      (e: NodeJS.ErrnoException) => e.code ?? 'error',
    );
    expect(['ECONNRESET', 'closed']).toContain(refused);
    link.setDown(false);
    const ok = await connect(url);
    ok.write('hi');
    expect(String(await new Promise((r) => ok.once('data', r)))).toBe('hi');
    ok.destroy();
  });
});
