// Station config for the offline store and the sync engine. Owned by the store area.
// Every field has a default so `{}` is a working kiosk against the embedded server.
import { z } from 'zod';

const storeDefaults = { retentionDays: 30 };

export const storeConfigSchema = z
  .object({
    /** Days after the server completes an application before its personal data is purged. */
    retentionDays: z.number().int().positive().default(storeDefaults.retentionDays),
  })
  .default(storeDefaults);
export type StoreConfig = z.infer<typeof storeConfigSchema>;

const syncDefaults = {
  server: 'embedded' as const,
  intervalSeconds: 15,
  batchSize: 50,
  chunkBytes: 256 * 1024,
  concurrency: 4,
  requestTimeoutMs: 20_000,
  backoffBaseMs: 500,
  backoffMaxMs: 60_000,
  maxResponseBytes: 4 * 1024 * 1024,
};

export const syncConfigSchema = z
  .object({
    /** 'embedded' starts the local reference sync server alongside the kiosk (127.0.0.1). */
    server: z.union([z.literal('embedded'), z.string().url()]).default(syncDefaults.server),
    /** Seconds between sync passes while idle; a submit triggers one at once. */
    intervalSeconds: z.number().positive().default(syncDefaults.intervalSeconds),
    /** Applications per upload request. */
    batchSize: z.number().int().min(1).max(500).default(syncDefaults.batchSize),
    /** Largest attachment chunk per request; a reset loses at most what is in flight. */
    chunkBytes: z.number().int().min(1024).max(8 * 1024 * 1024).default(syncDefaults.chunkBytes),
    /** Parallel attachment uploads, so the link stays busy through each request's round trip. */
    concurrency: z.number().int().min(1).max(16).default(syncDefaults.concurrency),
    /** A request that makes no progress for this long is abandoned and retried. */
    requestTimeoutMs: z.number().int().min(100).default(syncDefaults.requestTimeoutMs),
    backoffBaseMs: z.number().int().min(1).default(syncDefaults.backoffBaseMs),
    backoffMaxMs: z.number().int().min(1).default(syncDefaults.backoffMaxMs),
    /** Answers larger than this are refused as malformed rather than buffered. */
    maxResponseBytes: z.number().int().min(1024).default(syncDefaults.maxResponseBytes),
  })
  .default(syncDefaults);
export type SyncConfig = z.infer<typeof syncConfigSchema>;
