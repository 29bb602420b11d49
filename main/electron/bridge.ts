// The object the preload exposes as `window.kiosk`, built from an injected IPC
// so it can be tested without Electron. Channel and stream names outside the
// contract are refused here, before they reach main (which checks again).
import { channels, streams } from '../../common/ipc/contract.js';
import { fail, type IpcResult } from '../../common/ipc/result.js';
import { ELECTRON_CALL, ELECTRON_EVENT, ELECTRON_SUBSCRIBE, ELECTRON_UNSUBSCRIBE } from './ipc-names.js';

export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void;
}

export interface KioskBridge {
  call(channel: string, args: unknown): Promise<IpcResult<unknown>>;
  subscribe(stream: string, args: unknown, onEvent: (event: unknown) => void): () => void;
}

export function createBridge(ipc: RendererIpc): KioskBridge {
  const channelNames = new Set(Object.keys(channels));
  const streamNames = new Set(Object.keys(streams));
  const listeners = new Map<number, (event: unknown) => void>();
  let nextSub = 1;
  ipc.on(ELECTRON_EVENT, (_e, subId, event) => listeners.get(subId as number)?.(event));

  return {
    call(channel, args) {
      if (typeof channel !== 'string' || !channelNames.has(channel)) {
        return Promise.resolve(fail('unknown-channel', `No channel named ${String(channel).slice(0, 80)}`));
      }
      return ipc.invoke(ELECTRON_CALL, channel, args) as Promise<IpcResult<unknown>>;
    },
    subscribe(stream, args, onEvent) {
      if (typeof stream !== 'string' || !streamNames.has(stream) || typeof onEvent !== 'function') return () => {};
      const id = nextSub++;
      listeners.set(id, onEvent);
      void (ipc.invoke(ELECTRON_SUBSCRIBE, id, stream, args) as Promise<{ ok: boolean }>).then((r) => {
        if (!r.ok) listeners.delete(id);
      });
      return () => {
        if (listeners.delete(id)) void ipc.invoke(ELECTRON_UNSUBSCRIBE, id);
      };
    },
  };
}
