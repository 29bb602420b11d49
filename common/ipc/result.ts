// The one envelope every IPC answer travels in. Errors are values, never thrown
// across a process boundary: the renderer always gets `{ ok, ... }` back.
// No zod here: the renderer's first screen imports fail() (wire.ts has the schema).

export const ipcErrorCodes = [
  'unknown-channel', // no such channel or stream in the contract
  'invalid-args', // arguments failed the channel's schema
  'payload-too-large', // arguments larger than the channel allows
  'forbidden', // wrong sender, bad token, or not allowed in this mode
  'unavailable', // the service behind the channel is not running (device absent, store failed)
  'not-found',
  'conflict',
  'device-error',
  'storage-error',
  'internal', // a bug: the handler threw; logged in main without personal data
] as const;
export type IpcErrorCode = (typeof ipcErrorCodes)[number];

export interface IpcError {
  code: IpcErrorCode;
  message: string;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = (code: IpcErrorCode, message: string): IpcResult<never> => ({ ok: false, error: { code, message } });

/** A typed error a service may throw; the dispatcher turns it into `{ ok: false }`. */
export class IpcFailure extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IpcFailure';
  }
}
