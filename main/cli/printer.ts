// `npx xiangyin printer …` — for the technician with a printer or a capture file.
//   decode FILE [--png OUT.png]  the text lines of an ESC/POS stream in order,
//                                `[QR] payload` for a QR code and `[CUT]` for a cut,
//                                one per line (and optionally a PNG preview); a bogus
//                                command (an impossible image header, an oversized QR
//                                code) is skipped, said on stderr, and the exit is 1
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
  // Bogus commands were skipped and the rest decoded; say each plainly and fail.
  for (const e of emu.errors) console.error(`xiangyin printer: ${file}: ${e.message}`);
  if (emu.errorCount > emu.errors.length) console.error(`xiangyin printer: ${file}: and ${emu.errorCount - emu.errors.length} more bogus commands`);
  if (png) {
    const { PreviewError, renderPreview } = await import('../../drivers/printer/preview.js');
    try {
      fs.writeFileSync(png, await renderPreview(emu.elements));
    } catch (e) {
      if (!(e instanceof PreviewError) && !isFsError(e)) throw e;
      console.error(`xiangyin printer: no preview written: ${(e as Error).message}`);
      return 1;
    }
    console.error(`preview written to ${png}`);
  }
  return emu.errorCount > 0 ? 1 : 0;
}

function isFsError(e: unknown): boolean {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && 'syscall' in e;
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
