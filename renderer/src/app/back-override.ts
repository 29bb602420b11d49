// Lets the current screen take over Back (the key and the 返回 button) — a flow
// steps back through its own questions before leaving the service.
import { createHandlerSlot } from './handler-slot.js';

const slot = createHandlerSlot<() => void>();

export function useBackOverride(handler: (() => void) | undefined): void {
  slot.use(handler);
}

/** The override if a screen set one, otherwise the app's own back. */
export function backAction(fallback: () => void): () => void {
  return () => (slot.current() ?? fallback)();
}
