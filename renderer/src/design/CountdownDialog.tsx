// The time-limit warning: a modal alert that traps focus, shows the seconds
// left, and offers one big button to keep going. Used wherever a session can
// run out (a resident's, a specialist's). Back keeps going too: whoever
// presses it is plainly still there, and a remote user reaches for Back first.
import type { ReactNode } from 'react';
import { Button } from './Button.js';
import { Dialog } from './Dialog.js';

export function CountdownDialog(props: {
  id: string;
  title: string;
  message: string;
  continueLabel: string;
  onContinue(): void;
  /** Under the message: what the kiosk hears, where the warning can be answered by voice. */
  children?: ReactNode;
  /** False while the seconds are held (the warning is still being said); shown as data-countdown for tests. */
  running?: boolean;
}) {
  const { id, title, message, continueLabel, onContinue, children, running = true } = props;
  return (
    <Dialog
      id={id}
      title={title}
      role="alertdialog"
      onDismiss={onContinue}
      actions={
        <Button variant="primary" autoFocusOnMount onClick={onContinue}>
          {continueLabel}
        </Button>
      }
    >
      <p className="dialog-text" aria-live="assertive" data-countdown={running ? 'running' : 'held'}>
        {message}
      </p>
      {children}
    </Dialog>
  );
}
