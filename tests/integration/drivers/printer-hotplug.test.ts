// Pulling the printer's cable on each transport: the link reports it, the printer
// service shows 'disconnected', and printing works again once the printer is back.
import { afterEach, describe, expect, it } from 'vitest';
import { PrinterService } from '../../../drivers/printer/printer-service.js';
import { PrinterSimulator } from '../../../drivers/printer/simulator.js';
import { serveTcpPrinterSimulator } from '../../../drivers/printer/tcp-simulator.js';
import { openTcpLink } from '../../../drivers/printer/tcp-link.js';
import { openUsbLpLink } from '../../../drivers/printer/usb-lp-link.js';
import { SimulatorOnPty } from '../../../drivers/serial/sim-on-pty.js';
import { receipt } from '../../fixtures/drivers/receipts.js';
import { tempDir, waitFor } from './helpers.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('printer hot-plug', () => {
  it('device-file transport: the vanished pty closes the link; the service reconnects', async () => {
    const sim = new PrinterSimulator();
    const pty = await SimulatorOnPty.start({ dir: tempDir('hotplug-usb'), simulator: sim });
    cleanups.push(() => pty.dispose());
    const service = new PrinterService({ open: () => openUsbLpLink({ path: pty.hostPath }), columns: 32, watchMs: 500 });
    cleanups.push(() => service.dispose());
    service.start();
    await waitFor(() => service.health.state === 'ok', 'ok');
    await pty.unplug();
    await waitFor(() => service.health.state === 'disconnected', 'disconnected');
    expect(await service.print(receipt)).toMatchObject({ printed: false });
    await pty.replug();
    await waitFor(() => service.health.state === 'ok', 'ok after replug');
    expect(await service.print(receipt)).toEqual({ printed: true });
    await waitFor(() => sim.jobs().length === 1, 'printed after replug');
  });

  it('TCP transport: a printer that restarts is reconnected', async () => {
    const sim = new PrinterSimulator();
    let server = await serveTcpPrinterSimulator(sim);
    const port = server.port;
    cleanups.push(() => server.close());
    const service = new PrinterService({ open: () => openTcpLink({ host: '127.0.0.1', port, connectTimeoutMs: 500 }), columns: 32, watchMs: 500 });
    cleanups.push(() => service.dispose());
    service.start();
    await waitFor(() => service.health.state === 'ok', 'ok');
    await server.close();
    await waitFor(() => service.health.state === 'disconnected', 'disconnected');
    server = await serveTcpPrinterSimulator(sim, port);
    await waitFor(() => service.health.state === 'ok', 'ok after restart');
    expect(await service.print(receipt)).toEqual({ printed: true });
  });
});
