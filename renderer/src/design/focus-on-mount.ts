// Takes the focus for an element as it appears (a dialog's answer, a screen's
// primary action, a helper's text entry). What React's autoFocus did; on the
// Preact the page runs on, autoFocus is only the HTML attribute, which a
// browser honours once per page (eslint forbids it on elements).
import { useEffect, useRef, type RefObject } from 'react';

export function useFocusOnMount<T extends HTMLElement>(when: boolean): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (when) ref.current?.focus();
  }, [when]);
  return ref;
}
