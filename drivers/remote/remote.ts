// A HID TV remote opened by vendor/product id. The device object is injected
// (node-hid's in production, a test double in tests, since no virtual HID device
// can be made on a build machine); reports go through the pure decoder.
import type { RemoteKeyEvent } from '../../common/ipc/channels/devices.js';
import { HidReportDecoder, type ReportLayout } from './hid-decode.js';

/** The slice of node-hid's HID object we use. */
export interface HidDeviceLike {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): void;
}

export interface RemoteSpec {
  /** Name shown to the specialist and carried on each key event. */
  id: string;
  vendorId: number;
  productId: number;
  layout?: ReportLayout;
}

export type OpenHid = (vendorId: number, productId: number) => Promise<HidDeviceLike>;

/** node-hid, loaded only when a remote is configured (it needs libusb / hidraw). */
export const openNodeHid: OpenHid = async (vendorId, productId) => {
  const { HIDAsync } = await import('node-hid');
  const dev = await HIDAsync.open(vendorId, productId);
  return dev as unknown as HidDeviceLike;
};

export type RemoteState = 'starting' | 'ok' | 'disconnected';

/** Keeps one remote open, reopening it after it is unplugged. */
export class RemoteWatcher {
  private device: HidDeviceLike | null = null;
  private decoder: HidReportDecoder;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  state: RemoteState = 'starting';

  constructor(
    private readonly spec: RemoteSpec,
    private readonly open: OpenHid,
    private readonly onKey: (e: RemoteKeyEvent) => void,
    private readonly onState: (s: RemoteState, message: string) => void,
    private readonly retryMs = 2000,
  ) {
    this.decoder = new HidReportDecoder(spec.layout);
  }

  start(): void {
    void this.tryOpen();
  }

  dispose(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.closeDevice();
  }

  private async tryOpen(): Promise<void> {
    if (this.stopped) return;
    try {
      const dev = await this.open(this.spec.vendorId, this.spec.productId);
      if (this.stopped) return dev.close();
      this.device = dev;
      dev.on('data', (report) => {
        for (const t of this.decoder.decode(report)) this.onKey({ ...t, device: this.spec.id });
      });
      dev.on('error', () => this.lost());
      this.setState('ok', '遥控器已连接');
    } catch {
      this.setState('disconnected', '遥控器未连接');
      this.timer = setTimeout(() => void this.tryOpen(), this.retryMs);
    }
  }

  private lost(): void {
    // A key held when the remote vanished must not stay "down" (push-to-talk would never end).
    for (const t of this.decoder.releaseAll()) this.onKey({ ...t, device: this.spec.id });
    this.closeDevice();
    this.setState('disconnected', '遥控器连接断开');
    if (!this.stopped) this.timer = setTimeout(() => void this.tryOpen(), this.retryMs);
  }

  private closeDevice(): void {
    try {
      this.device?.close();
    } catch {
      // already gone
    }
    this.device = null;
  }

  private setState(s: RemoteState, message: string): void {
    if (this.state === s) return;
    this.state = s;
    this.onState(s, message);
  }
}
