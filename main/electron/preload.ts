// The preload exposes exactly one object, `window.kiosk`: a client of the typed
// contract (see bridge.ts). There is no generic send/on.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';

contextBridge.exposeInMainWorld('kiosk', createBridge(ipcRenderer));
