// The WebSocket wire format between the renderer and the web host. The Electron
// preload does not use it (it has ipcRenderer), but both carry the same contract.
import { z } from 'zod';
import { ipcErrorCodes, type IpcError } from './result.js';

export const ipcErrorSchema: z.ZodType<IpcError> = z.object({
  code: z.enum(ipcErrorCodes),
  message: z.string(),
});

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call'), id: z.number().int(), channel: z.string().max(100), args: z.unknown() }),
  z.object({ type: z.literal('subscribe'), id: z.number().int(), stream: z.string().max(100), args: z.unknown() }),
  z.object({ type: z.literal('unsubscribe'), id: z.number().int() }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number().int(), result: z.unknown() }),
  z.object({ type: z.literal('event'), id: z.number().int(), event: z.unknown() }),
  /** A subscription ended from the server side (refused, or the source failed). */
  z.object({ type: z.literal('end'), id: z.number().int(), error: ipcErrorSchema.optional() }),
  /** The message could not be understood at all (not JSON, no id). */
  z.object({ type: z.literal('protocol-error'), error: ipcErrorSchema }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;
