// Lets the current screen take over Back (the key and the 返回 button) — a flow
// steps back through its own questions before leaving the service.
import { useEffect } from 'react';

let current: (() => void) | null = null;

export function useBackOverride(handler: (() => void) | undefined): void {
  useEffect(() => {
    if (!handler) return;
    current = handler;
    return () => {
      if (current === handler) current = null;
    };
  }, [handler]);
}

/** The override if a screen set one, otherwise the app's own back. */
export function backAction(fallback: () => void): () => void {
  return () => (current ?? fallback)();
}
