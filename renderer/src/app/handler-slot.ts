// A slot for an app-wide key (Back, the Voice key) that the component on top
// fills with its handler: the screen, or a dialog opened over it. Owners stack
// in the order they mounted, so closing the dialog hands the key back to the
// screen beneath (a plain "latest wins" slot left it with nobody). A component
// whose handler is null for now keeps its place but does not take the key.
import { useEffect, useRef } from 'react';

/** One component's place in a slot; its handler may change without moving it. */
export interface SlotEntry<H> {
  handler: H | null;
}

/** The pure part, without React: entries in mount order, the newest with a handler owns the key. */
export interface HandlerStack<H> {
  add(entry: SlotEntry<H>): () => void;
  current(): H | null;
}

export function createHandlerStack<H>(): HandlerStack<H> {
  const stack: SlotEntry<H>[] = [];
  return {
    add(entry) {
      stack.push(entry);
      return () => {
        const i = stack.indexOf(entry);
        if (i >= 0) stack.splice(i, 1);
      };
    },
    current() {
      for (let i = stack.length - 1; i >= 0; i--) {
        const h = stack[i]!.handler;
        if (h) return h;
      }
      return null;
    },
  };
}

export interface HandlerSlot<H> {
  /** Hook: offer `handler` while the calling component is mounted; the latest mounted offer wins. */
  use(handler: H | null | undefined): void;
  current(): H | null;
}

export function createHandlerSlot<H>(): HandlerSlot<H> {
  const stack = createHandlerStack<H>();
  return {
    use(handler) {
      const entry = useRef<SlotEntry<H>>({ handler: null }).current;
      // A new handler keeps the component's place in the stack.
      useEffect(() => {
        entry.handler = handler ?? null;
      }, [entry, handler]);
      useEffect(() => stack.add(entry), [entry]);
    },
    current: () => stack.current(),
  };
}
