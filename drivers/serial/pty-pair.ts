// Two linked pseudo-terminals made by socat: a device simulator opens one end, the
// real serial driver opens the other, and the bytes between them are real serial
// I/O through the kernel's tty layer. Killing socat makes both ends vanish, which
// is how we simulate a pulled cable; starting it again plugs the cable back in.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const HAS_SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].some((p) => fs.existsSync(p));

export class PtyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PtyError';
  }
}

export interface PtyPairOptions {
  /** Folder for the two symlinks; created if missing. */
  dir: string;
  /** Link names; default 'device' (simulator side) and 'host' (driver side). */
  deviceName?: string;
  hostName?: string;
  socat?: string;
  startTimeoutMs?: number;
}

export class PtyPair {
  readonly devicePath: string;
  readonly hostPath: string;
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  private constructor(private readonly opts: PtyPairOptions) {
    fs.mkdirSync(opts.dir, { recursive: true });
    this.devicePath = path.join(opts.dir, opts.deviceName ?? 'device');
    this.hostPath = path.join(opts.dir, opts.hostName ?? 'host');
  }

  static async open(opts: PtyPairOptions): Promise<PtyPair> {
    const pair = new PtyPair(opts);
    await pair.plug();
    return pair;
  }

  get plugged(): boolean {
    return this.child !== null;
  }

  /** Starts socat; resolves when both links exist. */
  async plug(): Promise<void> {
    if (this.child) return;
    for (const p of [this.devicePath, this.hostPath]) fs.rmSync(p, { force: true });
    const pty = (p: string) => `pty,raw,echo=0,link=${p}`;
    const socatArgs = [pty(this.devicePath), pty(this.hostPath)];
    // setpriv --pdeathsig makes socat die with us even if we are killed before dispose()
    // runs; without it a crashed kiosk would leave its pseudo-terminals behind.
    const child = HAS_SETPRIV && !this.opts.socat
      ? spawn('setpriv', ['--pdeathsig', 'SIGTERM', 'socat', ...socatArgs], { stdio: ['ignore', 'ignore', 'pipe'] })
      : spawn(this.opts.socat ?? 'socat', socatArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
    const killOnExit = () => child.kill('SIGTERM');
    process.once('exit', killOnExit);
    child.once('exit', () => process.removeListener('exit', killOnExit));
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2000);
    });
    let exitedEarly: Error | null = null;
    this.exited = new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', (e) => {
        exitedEarly = e;
        resolve();
      });
    });
    child.once('exit', (code) => {
      exitedEarly ??= new PtyError(`socat exited with ${code}: ${stderr.trim()}`);
      if (this.child === child) this.child = null;
    });
    this.child = child;
    const deadline = Date.now() + (this.opts.startTimeoutMs ?? 5000);
    while (!(fs.existsSync(this.devicePath) && fs.existsSync(this.hostPath))) {
      if (exitedEarly) throw new PtyError(`socat failed to start: ${(exitedEarly as Error).message}`);
      if (Date.now() > deadline) {
        await this.unplug();
        throw new PtyError('socat did not create its ptys in time');
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Kills socat: both ends vanish, as when a cable is pulled. */
  async unplug(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    child.kill('SIGTERM');
    const killTimer = setTimeout(() => child.kill('SIGKILL'), 2000);
    await this.exited;
    clearTimeout(killTimer);
    for (const p of [this.devicePath, this.hostPath]) fs.rmSync(p, { force: true });
  }

  async close(): Promise<void> {
    await this.unplug();
  }
}
