// The one modal dialog of the design system: a dimmed backdrop, a framed box
// with a heading, its words and its buttons. It traps the D-pad (the focus
// scope), and when it closes focus goes back to the control that opened it, so
// a remote user is never left nowhere. With `onDismiss`, Back (the key, the
// remote's 返回) closes it instead of leaving the screen behind it.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { registerBackDismiss } from '../app/back-override.js';

export interface DialogProps {
  /** Stable id: the title and body ids derive from it; also data-dialog for tests. */
  id: string;
  title: string;
  /** alertdialog for warnings that interrupt (the inactivity countdown). */
  role?: 'dialog' | 'alertdialog';
  /** Back closes the dialog (call it from the close button too). */
  onDismiss?: () => void;
  className?: string;
  /** The words; labelled as the dialog's description. */
  children: ReactNode;
  /** The buttons, one of them with autoFocusOnMount. */
  actions: ReactNode;
}

export function Dialog({ id, title, role = 'dialog', onDismiss, className, children, actions }: DialogProps) {
  const box = useRef<HTMLDivElement>(null);
  // Read while rendering, before the dialog's own button takes focus in its effect.
  const [opener] = useState(() => (typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null)));
  useEffect(
    () => () => {
      if (opener && opener !== document.body && opener.isConnected) opener.focus();
    },
    [opener],
  );

  // Back (the key, a HID remote's Back, saying 返回) goes through the app's backAction, which asks the
  // topmost dialog first: this one answers only while no other dialog is open over it.
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  const dismissable = onDismiss !== undefined;
  useEffect(() => {
    if (!dismissable || !box.current) return;
    return registerBackDismiss(box.current, () => dismiss.current?.());
  }, [dismissable]);

  return (
    <div className="overlay">
      <div
        ref={box}
        className={`dialog${className ? ` ${className}` : ''}`}
        role={role}
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-msg`}
        data-focus-scope="modal"
        data-dialog={id}
      >
        <h2 id={`${id}-title`} className="dialog-title">
          {title}
        </h2>
        <div id={`${id}-msg`} className="dialog-body">
          {children}
        </div>
        <div className="dialog-actions">{actions}</div>
      </div>
    </div>
  );
}
