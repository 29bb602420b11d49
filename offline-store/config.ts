// Station config for the offline store and the sync engine. Owned by the store area.
import { z } from 'zod';

export const storeConfigSchema = z
  .object({
    /** Days after the server completes an application before its personal data is purged. */
    retentionDays: z.number().int().positive().default(30),
  })
  .default({ retentionDays: 30 });
export type StoreConfig = z.infer<typeof storeConfigSchema>;

export const syncConfigSchema = z
  .object({
    /** 'embedded' starts the local reference sync server alongside the kiosk. */
    server: z.union([z.literal('embedded'), z.string().url()]).default('embedded'),
    intervalSeconds: z.number().positive().default(15),
  })
  .default({ server: 'embedded', intervalSeconds: 15 });
export type SyncConfig = z.infer<typeof syncConfigSchema>;
