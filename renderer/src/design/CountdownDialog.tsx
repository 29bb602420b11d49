// The time-limit warning: a modal alert that traps focus, shows the seconds
// left, and offers one big button to keep going. Used wherever a session can
// run out (a resident's, a specialist's).
import { Button } from './Button.js';

export function CountdownDialog(props: { id: string; title: string; message: string; continueLabel: string; onContinue(): void }) {
  const { id, title, message, continueLabel, onContinue } = props;
  return (
    <div className="overlay">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-msg`} data-focus-scope="modal">
        <h2 id={`${id}-title`} className="dialog-title">
          {title}
        </h2>
        <p id={`${id}-msg`} className="dialog-text" aria-live="assertive">
          {message}
        </p>
        <Button variant="primary" autoFocusOnMount onClick={onContinue}>
          {continueLabel}
        </Button>
      </div>
    </div>
  );
}
