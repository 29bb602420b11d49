// Station config for devices. Owned by the drivers area; the core only embeds it.
// Every field has a default: `{}` gives a simulated card reader and printer on
// socat pseudo-terminals, driven through the real serial drivers.
import { z } from 'zod';

const hexOrNumber = z.union([z.number().int().min(0).max(0xffff), z.string().regex(/^0x[0-9a-fA-F]{1,4}$/).transform((s) => parseInt(s, 16))]);

export const idcardConfigSchema = z.object({
  /** 'simulator' runs the built-in device simulator on a pseudo-terminal. */
  type: z.enum(['simulator', 'serial', 'none']).default('simulator'),
  /** Serial device, e.g. /dev/ttyUSB0 (type 'serial'). */
  port: z.string().optional(),
  baudRate: z.number().int().positive().default(115200),
  /** Card polling interval; the SAM must not be asked more often than every 300 ms. */
  pollMs: z.number().int().min(300).default(500),
  replyTimeoutMs: z.number().int().min(100).default(1000),
  reconnectMs: z.number().int().min(100).default(1000),
});

export const printerConfigSchema = z.object({
  type: z.enum(['simulator', 'serial', 'tcp', 'usb', 'none']).default('simulator'),
  /** Serial device (type 'serial') or USB printer-class file such as /dev/usb/lp0 (type 'usb'). */
  port: z.string().optional(),
  host: z.string().optional(),
  tcpPort: z.number().int().positive().default(9100),
  baudRate: z.number().int().positive().default(115200),
  /** 32 columns on 58 mm paper, 48 on 80 mm. */
  columns: z.union([z.literal(32), z.literal(48)]).default(32),
  statusTimeoutMs: z.number().int().min(100).default(1000),
  /** How often the station checks the printer's status while idle. */
  watchMs: z.number().int().min(500).default(5000),
});

export const remoteConfigSchema = z.object({
  id: z.string().min(1),
  vendorId: hexOrNumber,
  productId: hexOrNumber,
  consumerReportIds: z.array(z.number().int().min(0).max(255)).default([2, 3]),
  keyboardReportIds: z.array(z.number().int().min(0).max(255)).default([1]),
});

export const devicesConfigSchema = z
  .object({
    idcard: idcardConfigSchema.prefault({}),
    printer: printerConfigSchema.prefault({}),
    /** HID remotes (TV boxes); none by default. Keyboard-like remotes need no entry. */
    remotes: z.array(remoteConfigSchema).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.idcard.type === 'serial' && !c.idcard.port) ctx.addIssue({ code: 'custom', path: ['idcard', 'port'], message: 'a serial card reader needs a port' });
    if ((c.printer.type === 'serial' || c.printer.type === 'usb') && !c.printer.port) ctx.addIssue({ code: 'custom', path: ['printer', 'port'], message: `a ${c.printer.type} printer needs a port` });
    if (c.printer.type === 'tcp' && !c.printer.host) ctx.addIssue({ code: 'custom', path: ['printer', 'host'], message: 'a network printer needs a host' });
  })
  .prefault({});
export type DevicesConfig = z.infer<typeof devicesConfigSchema>;
export type IdcardConfig = DevicesConfig['idcard'];
export type PrinterConfig = DevicesConfig['printer'];
