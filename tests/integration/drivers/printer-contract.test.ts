// The receipt printer contract, run over every transport against the simulator —
// serial (socat pty), raw TCP, and the USB printer-class device-file transport
// (exercised on a pty, the nearest device file this machine has) — and against a
// real printer when TEST_PRINTER_PORT names one (a serial path, /dev/usb/lpN, or
// tcp:HOST:PORT; only the status check and one test page then).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EscPosEmulator, formatElements } from '../../../drivers/printer/emulator.js';
import { layoutApplicationReceipt } from '../../../drivers/printer/layouts.js';
import { ReceiptPrinter } from '../../../drivers/printer/printer.js';
import { PrinterSimulator } from '../../../drivers/printer/simulator.js';
import { serveTcpPrinterSimulator, type TcpPrinterSimulator } from '../../../drivers/printer/tcp-simulator.js';
import { openTcpLink } from '../../../drivers/printer/tcp-link.js';
import { openUsbLpLink } from '../../../drivers/printer/usb-lp-link.js';
import { openSerialLink } from '../../../drivers/serial/serial-link.js';
import { SimulatorOnPty } from '../../../drivers/serial/sim-on-pty.js';
import type { ByteLink } from '../../../drivers/serial/link.js';
import { healthyStatus } from '../../../drivers/printer/status.js';
import { receipt } from '../../fixtures/drivers/receipts.js';
import { tempDir } from './helpers.js';

interface Target {
  name: string;
  open: () => Promise<ByteLink>;
  sim?: PrinterSimulator;
}

function contract(t: Target) {
  describe(`printer contract: ${t.name}`, () => {
    let link: ByteLink;
    let printer: ReceiptPrinter;
    beforeAll(async () => {
      link = await t.open();
      printer = new ReceiptPrinter(link, { columns: 32, statusTimeoutMs: 1500 });
    });
    afterAll(async () => {
      await link?.close();
    });

    it('answers all four status queries', async () => {
      const s = await printer.queryStatus();
      if (t.sim) expect(s).toEqual(healthyStatus);
      else expect(typeof s.paperEnd).toBe('boolean');
    });

    it('prints a receipt that decodes to the expected lines and QR payload', async () => {
      t.sim?.clearJobs();
      expect(await printer.print(receipt)).toEqual({ printed: true });
      if (!t.sim) return;
      const sim = t.sim;
      const expected = (() => {
        const e = new EscPosEmulator();
        e.push(layoutApplicationReceipt(receipt, { columns: 32 }));
        return formatElements(e.elements);
      })();
      const deadline = Date.now() + 5000;
      while (sim.jobs().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const [job] = sim.jobs();
      expect(job?.lines).toEqual(expected);
      expect(job?.qr).toEqual([receipt.qrPayload]);
      expect(job?.lines).toContain('身份证号：1306**********004X');
    });

    it('refuses to print on paper-out, says so plainly, then prints once paper is back', async ({ skip }) => {
      const sim = t.sim;
      if (!sim) return skip();
      sim.clearJobs();
      sim.setPaperOut(true);
      const r = await printer.print(receipt);
      expect(r).toMatchObject({ printed: false, reason: 'paper-out' });
      expect(r.printed === false && r.message).toContain('没有纸');
      expect(sim.jobs()).toHaveLength(0);
      sim.setPaperOut(false);
      expect(await printer.print(receipt)).toEqual({ printed: true });
    });

    it('reports cover open and a silent printer as typed results', async ({ skip }) => {
      const sim = t.sim;
      if (!sim) return skip();
      sim.setCoverOpen(true);
      expect(await printer.print(receipt)).toMatchObject({ printed: false, reason: 'cover-open' });
      sim.setCoverOpen(false);
      sim.setSilent(true);
      expect(await printer.print(receipt)).toMatchObject({ printed: false, reason: 'no-reply' });
      sim.setSilent(false);
    });
  });
}

const serialSim = new PrinterSimulator();
const usbSim = new PrinterSimulator();
const tcpSim = new PrinterSimulator();
let serialPty: SimulatorOnPty | undefined;
let usbPty: SimulatorOnPty | undefined;
let tcp: TcpPrinterSimulator | undefined;

beforeAll(async () => {
  serialPty = await SimulatorOnPty.start({ dir: tempDir('printer-serial'), simulator: serialSim });
  usbPty = await SimulatorOnPty.start({ dir: tempDir('printer-usb'), simulator: usbSim });
  tcp = await serveTcpPrinterSimulator(tcpSim);
});
afterAll(async () => {
  await serialPty?.dispose();
  await usbPty?.dispose();
  await tcp?.close();
});

contract({ name: 'simulator over a serial pty', open: () => openSerialLink({ path: serialPty!.hostPath, baudRate: 115200 }), sim: serialSim });
contract({ name: 'simulator over raw TCP', open: () => openTcpLink({ host: '127.0.0.1', port: tcp!.port }), sim: tcpSim });
contract({ name: 'simulator through the device-file (usb lp) transport', open: () => openUsbLpLink({ path: usbPty!.hostPath }), sim: usbSim });

const real = process.env.TEST_PRINTER_PORT;
if (real) {
  contract({
    name: `real printer at ${real}`,
    open: () => {
      if (real.startsWith('tcp:')) {
        const [, host, port] = real.split(':');
        return openTcpLink({ host: host!, port: Number(port ?? 9100) });
      }
      if (real.startsWith('/dev/usb/lp')) return openUsbLpLink({ path: real });
      return openSerialLink({ path: real, baudRate: Number(process.env.TEST_PRINTER_BAUD ?? 115200) });
    },
  });
}
