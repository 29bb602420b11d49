// Lets the current screen take over Back (the key and the 返回 button) — a flow
// steps back through its own questions before leaving the service — and lets an
// open dialog take it over from the screen: Back closes the dialog first.
import { activeScope } from '../focus/useSpatialNavigation.js';
import { createHandlerSlot } from './handler-slot.js';

const slot = createHandlerSlot<() => void>();

export function useBackOverride(handler: (() => void) | undefined): void {
  slot.use(handler);
}

/** Dialogs that Back closes, by their focus-scope element (design/Dialog.tsx registers them). */
const dismissers = new WeakMap<Element, () => void>();

/** While `el` is the topmost modal scope, Back calls `dismiss` instead of going back. Returns the unregistration. */
export function registerBackDismiss(el: Element, dismiss: () => void): () => void {
  dismissers.set(el, dismiss);
  return () => {
    if (dismissers.get(el) === dismiss) dismissers.delete(el);
  };
}

function topDismiss(): (() => void) | null {
  const scope = activeScope(document);
  return scope instanceof Element ? (dismissers.get(scope) ?? null) : null;
}

/** Closes the topmost dialog if Back closes it, else the override if a screen set one, else the app's own back. */
export function backAction(fallback: () => void): () => void {
  return () => (topDismiss() ?? slot.current() ?? fallback)();
}
