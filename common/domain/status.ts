// What the station says about itself: link, outbox, devices, store, and whether
// a resident is waiting for the specialist.
// Streamed to the renderer's status bar and the specialist's health panel.
import { z } from 'zod';

export const syncStatusSchema = z.object({
  /** Judged from the outcome of real requests, not from OS network flags. */
  online: z.boolean(),
  syncing: z.boolean(),
  lastSuccessAt: z.string().nullable(),
  pendingCount: z.number().int().nonnegative(),
  pendingBytes: z.number().int().nonnegative(),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const deviceKinds = ['idcard', 'printer', 'remote'] as const;
export const deviceStates = ['starting', 'ok', 'warning', 'fault', 'disconnected'] as const;

export const deviceHealthSchema = z.object({
  id: z.string(),
  kind: z.enum(deviceKinds),
  state: z.enum(deviceStates),
  /** Plain words for the specialist, e.g. 打印机缺纸. */
  message: z.string().optional(),
});
export type DeviceHealth = z.infer<typeof deviceHealthSchema>;

export const storeHealthSchema = z.object({
  state: z.enum(['ok', 'error']),
  message: z.string().optional(),
});

/**
 * The resident's call for help at this screen: the status bar says 正在呼叫工作人员…
 * while it is open and nobody answered, 工作人员马上到 once a specialist acknowledged it.
 */
export const helpStatusSchema = z.object({ open: z.boolean(), acknowledged: z.boolean() });

export const stationStatusSchema = z.object({
  sync: syncStatusSchema,
  devices: z.array(deviceHealthSchema),
  store: storeHealthSchema,
  help: helpStatusSchema,
});
export type StationStatus = z.infer<typeof stationStatusSchema>;

export const initialSyncStatus: SyncStatus = {
  online: false,
  syncing: false,
  lastSuccessAt: null,
  pendingCount: 0,
  pendingBytes: 0,
  lastError: null,
};
