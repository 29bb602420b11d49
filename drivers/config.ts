// Station config for devices. Owned by the drivers area; the core only embeds it.
import { z } from 'zod';

export const devicesConfigSchema = z
  .object({
    idcard: z
      .object({
        /** 'simulator' runs the built-in device simulator on a pseudo-terminal. */
        type: z.enum(['simulator', 'serial', 'none']).default('simulator'),
        port: z.string().optional(),
        baudRate: z.number().int().positive().default(115200),
      })
      .default({ type: 'simulator', baudRate: 115200 }),
    printer: z
      .object({
        type: z.enum(['simulator', 'serial', 'tcp', 'usb', 'none']).default('simulator'),
        port: z.string().optional(),
        host: z.string().optional(),
        tcpPort: z.number().int().positive().default(9100),
        baudRate: z.number().int().positive().default(115200),
      })
      .default({ type: 'simulator', tcpPort: 9100, baudRate: 115200 }),
  })
  .default({ idcard: { type: 'simulator', baudRate: 115200 }, printer: { type: 'simulator', tcpPort: 9100, baudRate: 115200 } });
export type DevicesConfig = z.infer<typeof devicesConfigSchema>;
