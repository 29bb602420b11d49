// `npx xiangyin printer …` — for the technician with a printer or a capture file.
//   decode FILE [--png OUT.png]  the text lines of an ESC/POS stream in order,
//                                `[QR] payload` for a QR code and `[CUT]` for a cut,
//                                one per line (and optionally a PNG preview)
//   status --port PORT           the printer's DLE EOT status as JSON
//   test --port PORT             prints a test page (after checking status)
// PORT is a serial device (/dev/ttyUSB0), a USB printer file (/dev/usb/lp0), or
// tcp:HOST[:9100] for a network printer.
import fs from 'node:fs';
import { EscPosEmulator, formatElements } from '../../drivers/printer/emulator.js';
import { layoutTestPage } from '../../drivers/printer/layouts.js';
import { PrinterError, ReceiptPrinter } from '../../drivers/printer/printer.js';
import { openTcpLink } from '../../drivers/printer/tcp-link.js';
import { openUsbLpLink } from '../../drivers/printer/usb-lp-link.js';
import { blockingProblem } from '../../drivers/printer/status.js';
import type { ByteLink } from '../../drivers/serial/link.js';
import { openSerialLink } from '../../drivers/serial/serial-link.js';

const USAGE = `usage: xiangyin printer decode FILE [--png OUT.png]
       xiangyin printer status --port PORT [--baud 115200]
       xiangyin printer test --port PORT [--baud 115200] [--columns 32|48]
  PORT: /dev/ttyUSB0 | /dev/usb/lp0 | tcp:HOST[:PORT]`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export function openPrinterPort(port: string, baudRate: number): Promise<ByteLink> {
  if (port.startsWith('tcp:')) {
    const [, host, tcpPort] = port.split(':');
    return openTcpLink({ host: host || '127.0.0.1', port: Number(tcpPort || 9100) });
  }
  if (port.startsWith('/dev/usb/lp')) return openUsbLpLink({ path: port });
  return openSerialLink({ path: port, baudRate });
}

export async function run(args: string[]): Promise<number> {
  const [cmd, ...rest] = args;
  if (cmd === 'decode' && rest[0] && !rest[0].startsWith('--')) return decodeFile(rest[0], option(rest, '--png'));
  const port = option(rest, '--port');
  if ((cmd === 'status' || cmd === 'test') && port) {
    let link: ByteLink;
    try {
      link = await openPrinterPort(port, Number(option(rest, '--baud') ?? 115200));
    } catch (e) {
      console.error(`xiangyin printer: ${(e as Error).message}`);
      return 1;
    }
    try {
      const columns = option(rest, '--columns') === '48' ? 48 : 32;
      const printer = new ReceiptPrinter(link, { columns, statusTimeoutMs: 2000 });
      return cmd === 'status' ? await status(printer) : await testPage(printer, columns);
    } finally {
      await link.close();
    }
  }
  console.error(USAGE);
  return 2;
}

async function decodeFile(file: string, png: string | undefined): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    console.error(`xiangyin printer: cannot read ${file}: ${(e as Error).message}`);
    return 1;
  }
  const emu = new EscPosEmulator();
  emu.push(bytes);
  emu.end();
  for (const line of formatElements(emu.elements)) console.log(line);
  if (png) {
    const { renderPreview } = await import('../../drivers/printer/preview.js');
    fs.writeFileSync(png, await renderPreview(emu.elements));
    console.error(`preview written to ${png}`);
  }
  return 0;
}

async function status(printer: ReceiptPrinter): Promise<number> {
  try {
    const s = await printer.queryStatus();
    console.log(JSON.stringify({ ok: true, status: s, problem: blockingProblem(s) }));
    return blockingProblem(s) ? 1 : 0;
  } catch (e) {
    const code = e instanceof PrinterError ? e.code : 'io-error';
    console.log(JSON.stringify({ ok: false, error: { code, message: (e as Error).message } }));
    return 1;
  }
}

async function testPage(printer: ReceiptPrinter, columns: number): Promise<number> {
  const r = await printer.printBytes(layoutTestPage({ columns, stationName: '乡音便民服务站', time: new Date().toISOString() }));
  console.log(JSON.stringify(r));
  return r.printed ? 0 : 1;
}
