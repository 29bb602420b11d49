// Main-side handlers for the Electron IPC channels, separated from ipcMain so
// they can be tested without Electron: each checks the sender, then hands the
// call to the contract dispatcher. Each page load of a window is one connection
// for the desk: a reload or navigation ends its desk session, as a closed
// WebSocket does in the web host.
import { fail, type IpcResult } from '../../common/ipc/result.js';
import type { Dispatcher } from '../core/dispatcher.js';

/** What the handlers need to know about the sender of a message. */
export interface Sender {
  readonly ok: boolean;
  /** The sender's webContents id: which window's page this is. */
  readonly id: number;
  send(subId: number, event: unknown): void;
  /** Registers cleanup for when the page navigates, reloads or dies. */
  onGone(cb: () => void): void;
}

export function createIpcHandlers(dispatcher: Dispatcher) {
  const subs = new Map<number, () => void>();
  /** The current page load's connection name, per webContents. */
  const pages = new Map<number, string>();
  let loads = 0;
  const contextOf = (sender: Sender) => {
    let connection = pages.get(sender.id);
    if (!connection) {
      const name = `electron:${sender.id}:${++loads}`;
      connection = name;
      pages.set(sender.id, name);
      sender.onGone(() => {
        if (pages.get(sender.id) === name) pages.delete(sender.id);
        dispatcher.disconnect(name);
      });
    }
    return { host: 'electron' as const, connection };
  };
  const end = (id: number) => {
    subs.get(id)?.();
    subs.delete(id);
  };
  return {
    call(sender: Sender, channel: unknown, args: unknown): Promise<IpcResult<unknown>> {
      if (!sender.ok) return Promise.resolve(fail('forbidden', 'unknown sender'));
      return dispatcher.call(channel, args, contextOf(sender));
    },
    subscribe(sender: Sender, id: unknown, stream: unknown, args: unknown): IpcResult<null> {
      if (!sender.ok) return fail('forbidden', 'unknown sender');
      if (typeof id !== 'number' || !Number.isSafeInteger(id)) return fail('invalid-args', 'subscription id must be an integer');
      const opened = dispatcher.subscribe(stream, args, (event) => sender.send(id, event), contextOf(sender));
      if (!opened.ok) return opened;
      end(id);
      subs.set(id, opened.value);
      sender.onGone(() => end(id));
      return { ok: true, value: null };
    },
    unsubscribe(sender: Sender, id: unknown): IpcResult<null> {
      if (!sender.ok) return fail('forbidden', 'unknown sender');
      if (typeof id === 'number') end(id);
      return { ok: true, value: null };
    },
    activeSubscriptions: () => subs.size,
    dispose() {
      for (const id of [...subs.keys()]) end(id);
    },
  };
}
