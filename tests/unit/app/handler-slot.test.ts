// The stack behind the Back and Voice-key slots: a dialog opened over a screen
// takes the key, and closing it hands the key back to the screen.
import { describe, expect, it } from 'vitest';
import { createHandlerStack, type SlotEntry } from '../../../renderer/src/app/handler-slot.js';

describe('handler stack', () => {
  it('gives the key to the newest owner and back to the one beneath when it leaves', () => {
    const stack = createHandlerStack<string>();
    const screen: SlotEntry<string> = { handler: 'screen' };
    const dialog: SlotEntry<string> = { handler: 'dialog' };
    stack.add(screen);
    expect(stack.current()).toBe('screen');
    const closeDialog = stack.add(dialog);
    expect(stack.current()).toBe('dialog');
    closeDialog();
    expect(stack.current()).toBe('screen');
  });

  it('keeps an owner in place when its handler changes, and skips one without a handler', () => {
    const stack = createHandlerStack<string>();
    const screen: SlotEntry<string> = { handler: 'screen v1' };
    const dialog: SlotEntry<string> = { handler: null };
    stack.add(screen);
    stack.add(dialog);
    // The dialog offers nothing yet: the screen still has the key.
    expect(stack.current()).toBe('screen v1');
    dialog.handler = 'dialog';
    expect(stack.current()).toBe('dialog');
    // The screen re-rendering with a new handler does not take the key back from the dialog over it.
    screen.handler = 'screen v2';
    expect(stack.current()).toBe('dialog');
  });

  it('forgets an owner once, even if its removal is called twice', () => {
    const stack = createHandlerStack<string>();
    const a: SlotEntry<string> = { handler: 'a' };
    const removeA = stack.add(a);
    stack.add({ handler: 'b' });
    removeA();
    removeA();
    expect(stack.current()).toBe('b');
  });
});
