// A slot the current screen fills with its handler for an app-wide key (Back,
// the Voice key): the latest mounted screen owns it, and unmounting frees it
// only if nobody took it over since.
import { useEffect } from 'react';

export interface HandlerSlot<H> {
  /** Hook: make `handler` the slot's owner while the calling component is mounted. */
  use(handler: H | null | undefined): void;
  current(): H | null;
}

export function createHandlerSlot<H>(): HandlerSlot<H> {
  let current: H | null = null;
  return {
    use(handler) {
      useEffect(() => {
        if (!handler) return;
        current = handler;
        return () => {
          if (current === handler) current = null;
        };
      }, [handler]);
    },
    current: () => current,
  };
}
