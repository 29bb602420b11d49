// Builds the station's devices from its config and owns them: the card reader
// service, the printer service, HID remotes, and — for 'simulator' — the simulators
// on their ptys. Host-agnostic (no Electron, no station core): main/core/modules/
// devices.ts wires it to the IPC channels and the status hub.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DeviceHealth } from '../common/domain/status.js';
import type { RemoteKeyEvent } from '../common/ipc/channels/devices.js';
import type { DevicesConfig } from './config.js';
import { IdCardReaderService } from './idcard/reader-service.js';
import { PrinterService } from './printer/printer-service.js';
import { openTcpLink } from './printer/tcp-link.js';
import { openUsbLpLink } from './printer/usb-lp-link.js';
import { openNodeHid, RemoteWatcher, type OpenHid } from './remote/remote.js';
import type { ByteLink } from './serial/link.js';
import type { PhotoDecoder } from './idcard/photo.js';
import { openSerialLink } from './serial/serial-link.js';
import { startIdCardSimulator, startPrinterSimulator, type IdCardSimulatorService, type PrinterSimulatorService } from './simulators.js';

export interface DeviceManagerOptions {
  config: DevicesConfig;
  onHealth: (h: DeviceHealth) => void;
  /** For tests: where pty links go (default: a fresh temp folder, removed at dispose). */
  runDir?: string;
  openHid?: OpenHid;
  photoDecoder?: PhotoDecoder | null;
  /** The station's time zone, for times printed on receipts (default Asia/Shanghai). */
  timeZone?: string;
}

export class DeviceManager {
  idcard: IdCardReaderService | null = null;
  printer: PrinterService | null = null;
  idcardSimulator: IdCardSimulatorService | null = null;
  printerSimulator: PrinterSimulatorService | null = null;
  private readonly remotes: RemoteWatcher[] = [];
  private readonly keyListeners = new Set<(e: RemoteKeyEvent) => void>();
  private readonly disposers: (() => Promise<void> | void)[] = [];
  private readonly healths = new Map<string, DeviceHealth>();

  private constructor(private readonly opts: DeviceManagerOptions) {}

  static async start(opts: DeviceManagerOptions): Promise<DeviceManager> {
    const m = new DeviceManager(opts);
    try {
      await m.build();
    } catch (e) {
      await m.dispose();
      throw e;
    }
    return m;
  }

  health(): DeviceHealth[] {
    return [...this.healths.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  subscribeKeys(listener: (e: RemoteKeyEvent) => void): () => void {
    this.keyListeners.add(listener);
    return () => this.keyListeners.delete(listener);
  }

  async dispose(): Promise<void> {
    for (const d of this.disposers.splice(0).reverse()) {
      try {
        await d();
      } catch {
        // keep tearing down the rest: a leaked socat is worse than a missed error
      }
    }
    this.keyListeners.clear();
  }

  private setHealth(h: DeviceHealth): void {
    this.healths.set(h.id, h);
    this.opts.onHealth(h);
  }

  private runDir(): string {
    if (this.opts.runDir) return this.opts.runDir;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiangyin-devices-'));
    this.disposers.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    Object.assign(this.opts, { runDir: dir });
    return dir;
  }

  private async build(): Promise<void> {
    const { idcard, printer, remotes } = this.opts.config;

    if (idcard.type !== 'none') {
      let port = idcard.port!;
      if (idcard.type === 'simulator') {
        const sim = await startIdCardSimulator(path.join(this.runDir(), 'idcard'), idcard.baudRate);
        this.disposers.push(() => sim.dispose());
        this.idcardSimulator = sim.service;
        port = sim.hostPath;
      }
      const reader = new IdCardReaderService({
        open: () => openSerialLink({ path: port, baudRate: idcard.baudRate }),
        pollMs: idcard.pollMs,
        replyTimeoutMs: idcard.replyTimeoutMs,
        reconnectMs: idcard.reconnectMs,
        photoDecoder: this.opts.photoDecoder ?? null,
        onHealth: (state, message) => this.setHealth({ id: 'idcard', kind: 'idcard', state, message }),
      });
      this.setHealth({ id: 'idcard', kind: 'idcard', state: 'starting', message: reader.health.message });
      this.disposers.push(() => reader.dispose());
      this.idcard = reader;
      reader.start();
    }

    if (printer.type !== 'none') {
      let open: () => Promise<ByteLink>;
      if (printer.type === 'simulator') {
        const sim = await startPrinterSimulator(path.join(this.runDir(), 'printer'), printer.baudRate);
        this.disposers.push(() => sim.dispose());
        this.printerSimulator = sim.service;
        open = () => openSerialLink({ path: sim.hostPath, baudRate: printer.baudRate });
      } else if (printer.type === 'serial') open = () => openSerialLink({ path: printer.port!, baudRate: printer.baudRate });
      else if (printer.type === 'usb') open = () => openUsbLpLink({ path: printer.port! });
      else open = () => openTcpLink({ host: printer.host!, port: printer.tcpPort });
      const service = new PrinterService({
        open,
        columns: printer.columns,
        timeZone: this.opts.timeZone,
        statusTimeoutMs: printer.statusTimeoutMs,
        watchMs: printer.watchMs,
        onHealth: (h) => this.setHealth({ id: 'printer', kind: 'printer', ...h }),
      });
      this.setHealth({ id: 'printer', kind: 'printer', state: 'starting', message: service.health.message });
      this.disposers.push(() => service.dispose());
      this.printer = service;
      service.start();
    }

    for (const r of remotes) {
      const id = `remote:${r.id}`;
      const watcher = new RemoteWatcher(
        { id: r.id, vendorId: r.vendorId, productId: r.productId, layout: { consumerReportIds: r.consumerReportIds, keyboardReportIds: r.keyboardReportIds } },
        this.opts.openHid ?? openNodeHid,
        (e) => {
          for (const l of [...this.keyListeners]) l(e);
        },
        (state, message) => this.setHealth({ id, kind: 'remote', state, message }),
      );
      this.setHealth({ id, kind: 'remote', state: 'starting', message: '遥控器启动中' });
      this.disposers.push(() => watcher.dispose());
      this.remotes.push(watcher);
      watcher.start();
    }
  }
}
