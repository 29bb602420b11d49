// The Electron transport without Electron: the preload's bridge and main's IPC
// handlers are joined by a fake IPC that copies values with structuredClone,
// as Electron's IPC does. What this cannot check (Electron's own sender
// objects, contextBridge) runs in tests/e2e/electron.e2e.test.ts where the
// binary exists.
import { describe, expect, it } from 'vitest';
import { createBridge, type RendererIpc } from '../../../main/electron/bridge.js';
import { createIpcHandlers, type Sender } from '../../../main/electron/ipc-handlers.js';
import { ELECTRON_CALL, ELECTRON_EVENT, ELECTRON_SUBSCRIBE, ELECTRON_UNSUBSCRIBE } from '../../../main/electron/ipc-names.js';
import { createDispatcher } from '../../../main/core/dispatcher.js';
import { silentLogger } from '../../../main/core/logger.js';
import { StatusHub } from '../../../main/core/status-hub.js';

function wire(senderOk = true) {
  const hub = new StatusHub();
  const dispatcher = createDispatcher(
    { 'catalogue:list': () => ({ version: '1', services: [] }) },
    {
      'station:status-changed': (_a, emit) => {
        emit(hub.get());
        return hub.subscribe(emit);
      },
    },
    silentLogger,
  );
  const handlers = createIpcHandlers(dispatcher);
  let eventListener: ((e: unknown, ...a: unknown[]) => void) | null = null;
  const gone: (() => void)[] = [];
  const sender: Sender = {
    ok: senderOk,
    id: 1,
    send: (id, event) => eventListener?.({}, id, structuredClone(event)),
    onGone: (cb) => gone.push(cb),
  };
  const ipc: RendererIpc = {
    async invoke(channel, ...args) {
      const a = structuredClone(args);
      if (channel === ELECTRON_CALL) return structuredClone(await handlers.call(sender, a[0], a[1]));
      if (channel === ELECTRON_SUBSCRIBE) return handlers.subscribe(sender, a[0], a[1], a[2]);
      if (channel === ELECTRON_UNSUBSCRIBE) return handlers.unsubscribe(sender, a[0]);
      throw new Error(`no handler for ${channel}`);
    },
    on(channel, listener) {
      if (channel === ELECTRON_EVENT) eventListener = listener;
    },
  };
  return { bridge: createBridge(ipc), handlers, hub, navigate: () => gone.splice(0).forEach((f) => f()) };
}

describe('Electron bridge', () => {
  it('carries a valid call', async () => {
    const { bridge } = wire();
    expect(await bridge.call('catalogue:list', {})).toEqual({ ok: true, value: { version: '1', services: [] } });
  });

  it('refuses unknown channels in the preload, before IPC', async () => {
    const { bridge } = wire();
    expect(await bridge.call('fs:read', { path: '/etc/shadow' })).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('returns typed errors for wrong types and oversized payloads from main', async () => {
    const { bridge } = wire();
    expect(await bridge.call('speech:synthesize', { text: 7 })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await bridge.call('app:report-error', { where: 'x', message: 'y'.repeat(100_000) })).toMatchObject({ ok: false, error: { code: 'payload-too-large' } });
  });

  it('refuses calls from a sender that is not our window', async () => {
    const { bridge } = wire(false);
    expect(await bridge.call('catalogue:list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('delivers stream events and ends subscriptions on unsubscribe and on navigation', async () => {
    const { bridge, handlers, hub, navigate } = wire();
    const seen: unknown[] = [];
    const stop = bridge.subscribe('station:status-changed', {}, (e) => seen.push(e));
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toHaveLength(1);
    hub.setStore({ state: 'error', message: 'disk full' });
    expect(seen).toHaveLength(2);
    expect(handlers.activeSubscriptions()).toBe(1);
    stop();
    await new Promise((r) => setTimeout(r, 0));
    expect(handlers.activeSubscriptions()).toBe(0);
    bridge.subscribe('station:status-changed', {}, () => {});
    await new Promise((r) => setTimeout(r, 0));
    expect(handlers.activeSubscriptions()).toBe(1);
    navigate();
    expect(handlers.activeSubscriptions()).toBe(0);
  });
});
