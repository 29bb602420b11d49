// The simulated devices a station runs when its config says 'simulator' (the
// default): each on its own socat pty pair, driven by the real serial drivers.
// The interfaces below are what the web host exposes to end-to-end tests.
import type { IdCard } from '../common/domain/idcard.js';
import { sampleCards, type SampleCard } from './idcard/samples.js';
import { IdCardSimulator, idCardFaults, type IdCardFault } from './idcard/simulator.js';
import { PrinterSimulator, type PrinterSimulatorControl } from './printer/simulator.js';
import { SimulatorOnPty } from './serial/sim-on-pty.js';

export type SampleCardName = keyof typeof sampleCards;

/** Service 'idcard-simulator'. */
export interface IdCardSimulatorService {
  /** A card object, or the name of a sample card (see sampleCards()). */
  insertCard(card: SampleCard | IdCard | SampleCardName): void;
  removeCard(): void;
  setFault(kind: IdCardFault): void;
  sampleCards(): Record<SampleCardName, SampleCard>;
  /** Pulls the reader's cable; with replugAfterMs it comes back by itself. */
  unplug(replugAfterMs?: number): Promise<void>;
  replug(): Promise<void>;
}

/** Service 'printer-simulator'. */
export interface PrinterSimulatorService
  extends Pick<PrinterSimulatorControl, 'jobs' | 'clearJobs' | 'setPaperOut' | 'setPaperNearEnd' | 'setCoverOpen' | 'setCutterError'> {
  unplug(replugAfterMs?: number): Promise<void>;
  replug(): Promise<void>;
}

export interface RunningSimulator<S> {
  readonly hostPath: string;
  readonly service: S;
  dispose(): Promise<void>;
}

export async function startIdCardSimulator(dir: string, baudRate: number): Promise<RunningSimulator<IdCardSimulatorService>> {
  let onPty: SimulatorOnPty | null = null;
  const sim = new IdCardSimulator({ onUnplug: () => void onPty?.unplug(1000) });
  onPty = await SimulatorOnPty.start({ dir, simulator: sim, baudRate });
  const pty = onPty;
  const service: IdCardSimulatorService = {
    insertCard(card) {
      if (typeof card === 'string') {
        const sample = sampleCards[card];
        if (!sample) throw new Error(`no sample card named ${card}`);
        return sim.insertCard(sample);
      }
      sim.insertCard(card);
    },
    removeCard: () => sim.removeCard(),
    setFault(kind) {
      if (!idCardFaults.includes(kind)) throw new Error(`unknown fault ${String(kind)}`);
      sim.setFault(kind);
    },
    sampleCards: () => ({ ...sampleCards }),
    unplug: (ms) => pty.unplug(ms),
    replug: () => pty.replug(),
  };
  return { hostPath: pty.hostPath, service, dispose: () => pty.dispose() };
}

export async function startPrinterSimulator(dir: string, baudRate: number): Promise<RunningSimulator<PrinterSimulatorService> & { simulator: PrinterSimulator }> {
  const sim = new PrinterSimulator();
  const pty = await SimulatorOnPty.start({ dir, simulator: sim, baudRate });
  const service: PrinterSimulatorService = {
    jobs: () => sim.jobs(),
    clearJobs: () => sim.clearJobs(),
    setPaperOut: (v) => sim.setPaperOut(Boolean(v)),
    setPaperNearEnd: (v) => sim.setPaperNearEnd(Boolean(v)),
    setCoverOpen: (v) => sim.setCoverOpen(Boolean(v)),
    setCutterError: (v) => sim.setCutterError(Boolean(v)),
    unplug: (ms) => pty.unplug(ms),
    replug: () => pty.replug(),
  };
  return { hostPath: pty.hostPath, service, simulator: sim, dispose: () => pty.dispose() };
}
