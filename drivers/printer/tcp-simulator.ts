// Serves a printer simulator on a TCP port, like a network printer's raw port 9100.
// Listens on 127.0.0.1 only: it is a test and demo device, not a network service.
import net from 'node:net';
import type { PrinterSimulator } from './simulator.js';
import { socketLink } from './tcp-link.js';

export interface TcpPrinterSimulator {
  readonly port: number;
  close(): Promise<void>;
}

export function serveTcpPrinterSimulator(sim: PrinterSimulator, port = 0): Promise<TcpPrinterSimulator> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    sim.attach(socketLink(socket, 'tcp client'));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address() as net.AddressInfo;
      resolve({
        port: addr.port,
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
