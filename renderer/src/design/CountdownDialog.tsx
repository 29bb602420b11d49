// The time-limit warning: a modal alert that traps focus, shows the seconds
// left, and offers one big button to keep going. Used wherever a session can
// run out (a resident's, a specialist's). Back keeps going too: whoever
// presses it is plainly still there, and a remote user reaches for Back first.
import { Button } from './Button.js';
import { Dialog } from './Dialog.js';

export function CountdownDialog(props: { id: string; title: string; message: string; continueLabel: string; onContinue(): void }) {
  const { id, title, message, continueLabel, onContinue } = props;
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
      <p className="dialog-text" aria-live="assertive">
        {message}
      </p>
    </Dialog>
  );
}
