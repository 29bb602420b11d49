// Before a specialist keys a resident's ID number at the kiosk, they prove who
// they are with the desk's own PIN login, in a dialog over the resident's screen.
// The desk session then belongs to this screen's connection, so what follows is
// recorded under that specialist (代办). Without it, anyone could key anyone's
// number and read or file in their name.
import { useEffect, useState } from 'react';
import type { Specialist } from '../../../common/domain/specialist.js';
import { useApi } from '../api/ApiContext.js';
import { Button } from '../design/Button.js';
import { Dialog } from '../design/Dialog.js';
import { Keypad } from '../design/Keypad.js';
import { t } from '../i18n/zh-CN.js';
import { visitStrings } from '../i18n/visit.zh-CN.js';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';
import { useDeskSession } from '../specialist/SpecialistSession.js';
import { clockTime } from '../specialist/format.js';
import './identity.css';

const s = t.specialist.login;
const v = visitStrings.keyedPin;
const MAX_PIN = 12;

export function SpecialistPinDialog({ onCancel }: { onCancel(): void }) {
  const api = useApi();
  const desk = useDeskSession();
  const { speak } = useReadAloud();
  const [roster, setRoster] = useState<Specialist[] | null>(null);
  const [chosen, setChosen] = useState<Specialist | null>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [locked, setLocked] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void speak(`${v.title}。${v.why}`);
  }, [speak]);

  useEffect(() => {
    let live = true;
    void api.call('specialist:roster', {}).then((r) => {
      if (!live) return;
      if (!r.ok) return setMessage(t.specialist.errors.generic);
      setRoster(r.value.specialists);
      if (r.value.specialists.length === 1) setChosen(r.value.specialists[0]!);
      if (r.value.lockedUntil) {
        setLocked(true);
        setMessage(s.locked(clockTime(r.value.lockedUntil)));
      }
    });
    return () => {
      live = false;
    };
  }, [api]);

  // A successful login sets the desk session; the caller sees it and goes on to keying.
  const submit = async () => {
    if (!chosen || busy || pin.length < 4) return;
    setBusy(true);
    setMessage(s.checking);
    const r = await desk.login(chosen.id, pin);
    setBusy(false);
    setPin('');
    if (!r) return setMessage(s.failed);
    if (r.outcome === 'wrong-pin') setMessage(s.wrongPin(r.triesLeft));
    else if (r.outcome === 'locked') {
      setLocked(true);
      setMessage(s.locked(clockTime(r.lockedUntil)));
    }
  };

  return (
    <Dialog
      id="keyed-pin"
      title={v.title}
      className="pin-dialog"
      onDismiss={onCancel}
      actions={
        <>
          {chosen ? (
            <Button variant="primary" autoFocusOnMount disabled={busy || locked || pin.length < 4} onClick={() => void submit()} data-action="pin-login">
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
        {message ?? ''}
      </p>
      {!chosen ? (
        <div className="actions" role="group" aria-label={v.whoPrompt}>
          {(roster ?? []).map((p) => (
            <Button key={p.id} data-specialist={p.id} onClick={() => setChosen(p)}>
              {p.name}
            </Button>
          ))}
        </div>
      ) : (
        <div className="pin-dialog-entry">
          <div>
            <p className="lead">{s.pinPrompt(chosen.name)}</p>
            {/* The dots are for the eye; the count is what is read aloud. */}
            <p className="entry-display desk-pin" aria-hidden="true" data-testid="keyed-pin-dots">
              {'●'.repeat(pin.length) || '\u00a0'}
            </p>
            <p className="lead" aria-live="polite">
              {s.pinEntered(pin.length)}
            </p>
          </div>
          <Keypad value={pin} onChange={setPin} maxLength={MAX_PIN} label={s.keypadLabel} clearAll={false} />
        </div>
      )}
    </Dialog>
  );
}
