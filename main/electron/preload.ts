// The preload exposes exactly one object, `window.kiosk`: a client of the typed
// contract. Calls to channel names outside the contract are refused here, before
// they reach main (which checks again); there is no generic send/on.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channels, streams } from '../../common/ipc/contract.js';
import { fail } from '../../common/ipc/result.js';
import { ELECTRON_CALL, ELECTRON_EVENT, ELECTRON_SUBSCRIBE, ELECTRON_UNSUBSCRIBE } from './ipc-names.js';

const channelNames = new Set(Object.keys(channels));
const streamNames = new Set(Object.keys(streams));
const listeners = new Map<number, (event: unknown) => void>();
let nextSub = 1;

ipcRenderer.on(ELECTRON_EVENT, (_e: IpcRendererEvent, subId: number, event: unknown) => listeners.get(subId)?.(event));

contextBridge.exposeInMainWorld('kiosk', {
  call(channel: string, args: unknown) {
    if (!channelNames.has(channel)) return Promise.resolve(fail('unknown-channel', `No channel named ${String(channel).slice(0, 80)}`));
    return ipcRenderer.invoke(ELECTRON_CALL, channel, args);
  },
  subscribe(stream: string, args: unknown, onEvent: (event: unknown) => void) {
    if (!streamNames.has(stream) || typeof onEvent !== 'function') return () => {};
    const id = nextSub++;
    listeners.set(id, onEvent);
    void ipcRenderer.invoke(ELECTRON_SUBSCRIBE, id, stream, args).then((r: { ok: boolean }) => {
      if (!r.ok) listeners.delete(id);
    });
    return () => {
      if (listeners.delete(id)) void ipcRenderer.invoke(ELECTRON_UNSUBSCRIBE, id);
    };
  },
});
