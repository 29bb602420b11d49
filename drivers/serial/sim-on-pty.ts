// Runs a device simulator on the far end of a socat pty pair, so a driver can open
// `hostPath` as if it were the real device's serial port. Pulling the cable (socat
// killed) and plugging it back (socat restarted, simulator re-attached) are both here.
import type { ByteLink } from './link.js';
import { PtyPair } from './pty-pair.js';
import { openSerialLink } from './serial-link.js';

export interface AttachableSimulator {
  attach(link: ByteLink): void;
  detach(): void;
}

export interface SimulatorOnPtyOptions {
  dir: string;
  simulator: AttachableSimulator;
  baudRate?: number;
}

export class SimulatorOnPty {
  private deviceLink: ByteLink | null = null;
  private replugTimer: NodeJS.Timeout | null = null;
  private disposed = false;

  private constructor(
    private readonly pair: PtyPair,
    private readonly opts: SimulatorOnPtyOptions,
  ) {}

  static async start(opts: SimulatorOnPtyOptions): Promise<SimulatorOnPty> {
    const pair = await PtyPair.open({ dir: opts.dir });
    const s = new SimulatorOnPty(pair, opts);
    try {
      await s.attach();
    } catch (e) {
      await pair.close();
      throw e;
    }
    return s;
  }

  /** The path the driver opens (stable across unplug/replug: it is a symlink). */
  get hostPath(): string {
    return this.pair.hostPath;
  }

  get plugged(): boolean {
    return this.pair.plugged;
  }

  /** Pulls the cable; with `replugAfterMs`, plugs it back in after that long. */
  async unplug(replugAfterMs?: number): Promise<void> {
    this.opts.simulator.detach();
    const link = this.deviceLink;
    this.deviceLink = null;
    await this.pair.unplug();
    await link?.close().catch(() => undefined);
    if (replugAfterMs !== undefined && !this.disposed) {
      this.replugTimer = setTimeout(() => {
        this.replugTimer = null;
        void this.replug().catch(() => undefined);
      }, replugAfterMs);
    }
  }

  async replug(): Promise<void> {
    if (this.disposed || this.pair.plugged) return;
    await this.pair.plug();
    await this.attach();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.replugTimer) clearTimeout(this.replugTimer);
    this.opts.simulator.detach();
    await this.deviceLink?.close().catch(() => undefined);
    this.deviceLink = null;
    await this.pair.close();
  }

  private async attach(): Promise<void> {
    const link = await openSerialLink({ path: this.pair.devicePath, baudRate: this.opts.baudRate ?? 115200 });
    this.deviceLink = link;
    this.opts.simulator.attach(link);
  }
}
