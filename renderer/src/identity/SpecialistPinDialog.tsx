// Before a specialist keys a resident's ID number at the kiosk, they prove who
// they are with the desk's own PIN login, in a dialog over the resident's screen.
// The desk session then belongs to this screen's connection, so what follows is
// recorded under that specialist (代办). Without it, anyone could key anyone's
// number and read or file in their name.
import { useEffect } from 'react';
import { Button } from '../design/Button.js';
import { Dialog } from '../design/Dialog.js';
import { t } from '../i18n/zh-CN.js';
import { visitStrings } from '../i18n/visit.zh-CN.js';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';
import { PinDots, PinKeypad } from '../specialist/PinEntry.js';
import { MIN_PIN, usePinLogin } from '../specialist/usePinLogin.js';
import './identity.css';

const s = t.specialist.login;
const v = visitStrings.keyedPin;

/** A successful login sets the desk session; the caller sees it and goes on. */
export function SpecialistPinDialog({ onCancel }: { onCancel(): void }) {
  const { speak } = useReadAloud();
  const login = usePinLogin();
  const { roster, chosen, pin, busy, locked } = login;

  useEffect(() => {
    void speak(`${v.title}。${v.why}`);
  }, [speak]);

  return (
    <Dialog
      id="keyed-pin"
      title={v.title}
      className="pin-dialog"
      onDismiss={onCancel}
      actions={
        <>
          {chosen ? (
            <Button variant="primary" autoFocusOnMount disabled={busy || locked || pin.length < MIN_PIN} onClick={() => void login.submit()} data-action="pin-login">
              {s.submit}
            </Button>
          ) : null}
          <Button onClick={onCancel} data-action="pin-cancel" autoFocusOnMount={!chosen}>
            {v.cancel}
          </Button>
        </>
      }
    >
      <p className="dialog-text">{v.why}</p>
      <p className="dialog-text" role="status" aria-live="polite" data-testid="keyed-pin-message">
        {login.message ?? ''}
      </p>
      {!chosen ? (
        <div className="actions" role="group" aria-label={v.whoPrompt}>
          {(roster ?? []).map((p) => (
            <Button key={p.id} data-specialist={p.id} onClick={() => login.choose(p)}>
              {p.name}
            </Button>
          ))}
        </div>
      ) : (
        <div className="pin-dialog-entry">
          <div>
            <p className="lead">{s.pinPrompt(chosen.name)}</p>
            <PinDots pin={pin} dotsTestId="keyed-pin-dots" />
          </div>
          <PinKeypad pin={pin} onChange={login.setPin} />
        </div>
      )}
    </Dialog>
  );
}
