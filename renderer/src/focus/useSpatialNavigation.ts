// Installs the one key handler of the app: arrows move focus spatially within
// the active focus scope (a dialog traps focus), Back/Home call the app's
// navigation. Enter is left to the browser: it activates the focused button.
import { useEffect } from 'react';
import { navKeyOf, type NavKey } from './keymap.js';
import { pickNext, type Box } from './spatial.js';

/** What arrows can move to; also what the every-screen e2e walks (tests/support/dpad-reach.ts). */
export const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** An open dialog: arrows stay inside the last one. */
export const MODAL_SCOPE = '[data-focus-scope="modal"]';

/** The innermost open modal scope, else the whole document. */
export function activeScope(doc: Document): ParentNode {
  const scopes = doc.querySelectorAll(MODAL_SCOPE);
  return scopes.length ? scopes[scopes.length - 1]! : doc;
}

export function focusables(scope: ParentNode): HTMLElement[] {
  return Array.from(scope.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  });
}

const boxOf = (el: Element): Box => {
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
};

/**
 * Focus the screen's preferred element ([data-autofocus]), else the first control
 * of its content, else its first control. Not the top bar's 返回 when the screen
 * has anything else: a remote user presses OK out of habit, and would leave.
 */
export function focusInitial(doc: Document): void {
  const scope = activeScope(doc);
  const preferred = scope.querySelector<HTMLElement>('[data-autofocus]');
  const main = scope === doc ? doc.querySelector('main') : null;
  const target = preferred ?? (main ? focusables(main)[0] : undefined) ?? focusables(scope)[0];
  target?.focus();
}

/**
 * On a new screen, give focus to its preferred control so a D-pad user can act
 * at once. Content often arrives a moment later (tiles load from the station),
 * so wait for a [data-autofocus] element for a short while before falling back
 * to the first control. Never steals focus the user has already moved.
 */
export function focusWhenReady(doc: Document, waitMs = 2000): () => void {
  const idle = () => !doc.activeElement || doc.activeElement === doc.body;
  const preferred = () => activeScope(doc).querySelector<HTMLElement>('[data-autofocus]');
  const now = preferred();
  if (now) {
    if (idle()) now.focus();
    return () => {};
  }
  const observer = new MutationObserver(() => {
    const el = preferred();
    if (el) {
      observer.disconnect();
      clearTimeout(timer);
      if (idle()) el.focus();
    }
  });
  observer.observe(doc.body, { childList: true, subtree: true });
  const timer = setTimeout(() => {
    observer.disconnect();
    if (idle()) focusInitial(doc);
  }, waitMs);
  return () => {
    observer.disconnect();
    clearTimeout(timer);
  };
}

export function useSpatialNavigation(handlers: { onBack(): void; onHome(): void; onVoice?(): void; onKey?(k: NavKey): void }): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const key = navKeyOf(e);
      if (!key) return;
      handlers.onKey?.(key);
      if (key === 'back') {
        e.preventDefault();
        handlers.onBack();
        return;
      }
      if (key === 'home') {
        e.preventDefault();
        handlers.onHome();
        return;
      }
      if (key === 'voice') {
        e.preventDefault();
        handlers.onVoice?.();
        return;
      }
      if (key === 'ok') return;
      e.preventDefault();
      const scope = activeScope(document);
      const all = focusables(scope);
      const current = document.activeElement as HTMLElement | null;
      if (!current || !all.includes(current)) {
        focusInitial(document);
        return;
      }
      const others = all.filter((el) => el !== current);
      const i = pickNext(boxOf(current), others.map(boxOf), key);
      if (i >= 0) {
        const next = others[i]!;
        next.focus();
        next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [handlers]);
}
