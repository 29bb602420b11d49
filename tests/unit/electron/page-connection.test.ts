// Electron's side of "a desk session belongs to its connection": each page load
// of the window is one connection. Calls from one load share it; when the page
// navigates, reloads or dies the dispatcher is told (ending its desk session),
// and the next load is a new connection that has no session.
import { describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../../main/core/dispatcher.js';
import type { CallContext } from '../../../main/core/module.js';
import { createIpcHandlers, type Sender } from '../../../main/electron/ipc-handlers.js';

function setup() {
  const calls: string[] = [];
  const closed: string[] = [];
  const dispatcher: Dispatcher = {
    call: async (_channel, _args, ctx: CallContext) => (calls.push(ctx.connection), { ok: true, value: {} }),
    subscribe: () => ({ ok: true, value: () => undefined }),
    disconnect: (c) => void closed.push(c),
  };
  let gone: (() => void)[] = [];
  const sender: Sender = { ok: true, id: 7, send: () => undefined, onGone: (cb) => void gone.push(cb) };
  const reload = () => {
    const cbs = gone;
    gone = [];
    for (const cb of cbs) cb();
  };
  return { handlers: createIpcHandlers(dispatcher), sender, calls, closed, reload };
}

describe('Electron page loads as desk connections', () => {
  it('one load is one connection; a reload ends it and the next load is a new one', async () => {
    const { handlers, sender, calls, closed, reload } = setup();
    await handlers.call(sender, 'specialist:login', {});
    await handlers.call(sender, 'store:list-applications', {});
    expect(new Set(calls).size).toBe(1);
    reload();
    expect(closed).toEqual([calls[0]]);
    await handlers.call(sender, 'store:list-applications', {});
    expect(calls[2]).not.toBe(calls[0]);
    expect(closed).toEqual([calls[0]]);
  });
});
