// Station config for the offline store and the sync engine. Owned by the store area.
// Every field has a default so `{}` is a working kiosk against the embedded server.
import { z } from 'zod';
import { SyncConfigError } from './sync/errors.js';
import { checkSyncServerUrl } from './sync/server-url.js';

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
  maxFeedPages: 20,
};

export const syncConfigSchema = z
  .object({
    /** 'embedded' starts the local reference sync server alongside the kiosk (127.0.0.1). */
    server: z.union([z.literal('embedded'), z.string().url()]).default(syncDefaults.server),
    /**
     * The server's public key (SPKI PEM, as `xiangyin server register` prints it),
     * pinned: only answers signed with it are believed. Required with a server URL;
     * the embedded server hands its key over in-process.
     */
    serverPublicKey: z.string().min(1).optional(),
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
    /** Change-feed pages read per pass at most: a feed that never ends must not keep a pass going. */
    maxFeedPages: z.number().int().min(1).max(1000).default(syncDefaults.maxFeedPages),
  })
  .superRefine((c, ctx) => {
    if (c.server === 'embedded') return;
    try {
      checkSyncServerUrl(c.server);
    } catch (e) {
      if (e instanceof SyncConfigError) ctx.addIssue({ code: 'custom', path: ['server'], message: e.message });
      else throw e;
    }
    if (!c.serverPublicKey) ctx.addIssue({ code: 'custom', path: ['serverPublicKey'], message: 'a server URL needs the server public key (PEM) that `xiangyin server register` printed' });
  })
  .default(syncDefaults);
export type SyncConfig = z.infer<typeof syncConfigSchema>;
