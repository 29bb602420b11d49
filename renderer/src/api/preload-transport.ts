// Transport through the Electron preload's `window.kiosk` bridge.
import type { Transport } from '../../../common/ipc/client.js';
import type { IpcResult } from '../../../common/ipc/result.js';

/** The exact shape the preload exposes (see main/electron/preload.ts). */
export interface PreloadBridge {
  call(channel: string, args: unknown): Promise<IpcResult<unknown>>;
  subscribe(stream: string, args: unknown, onEvent: (event: unknown) => void): () => void;
}

export function createPreloadTransport(bridge: PreloadBridge): Transport {
  return { call: (c, a) => bridge.call(c, a), subscribe: (s, a, on) => bridge.subscribe(s, a, on) };
}
