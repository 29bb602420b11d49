// PIN login for the desk. With several specialists, pick your name first; with
// one, the PIN keypad comes straight away. Digits come from the big keypad, a
// remote's digit keys or a keyboard; 登录 has the focus, so Enter logs in.
import { useEffect, useState } from 'react';
import type { Specialist } from '../../../common/domain/specialist.js';
import { useApi } from '../api/ApiContext.js';
import { Button } from '../design/Button.js';
import { Keypad } from '../design/Keypad.js';
import { Screen } from '../design/Screen.js';
import { t } from '../i18n/zh-CN.js';
import { useDeskSession } from './SpecialistSession.js';
import { clockTime } from './format.js';

const s = t.specialist.login;
const MAX_PIN = 12;

export function LoginScreen() {
  const api = useApi();
  const desk = useDeskSession();
  const [roster, setRoster] = useState<Specialist[] | null>(null);
  const [chosen, setChosen] = useState<Specialist | null>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(desk.idleLoggedOut ? t.specialist.idle.loggedOut : null);
  const [lockedUntil, setLockedUntil] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.call('specialist:roster', {}).then((r) => {
      if (!live) return;
      if (!r.ok) return setMessage(t.specialist.errors.generic);
      setRoster(r.value.specialists);
      if (r.value.specialists.length === 1) setChosen(r.value.specialists[0]!);
      if (r.value.lockedUntil) {
        setLockedUntil(r.value.lockedUntil);
        setMessage(s.locked(clockTime(r.value.lockedUntil)));
      }
    });
    return () => {
      live = false;
    };
  }, [api]);

  // The lock ends on its own: re-enable 登录 at that moment, without a reload.
  useEffect(() => {
    if (!lockedUntil) return;
    const timer = setTimeout(() => {
      setLockedUntil(null);
      setMessage(null);
    }, Math.max(0, Date.parse(lockedUntil) - Date.now()) + 1000);
    return () => clearTimeout(timer);
  }, [lockedUntil]);

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
      setLockedUntil(r.lockedUntil);
      setMessage(s.locked(clockTime(r.lockedUntil)));
    }
  };

  const prompt = chosen ? s.pinPrompt(chosen.name) : s.whoPrompt;
  return (
    <Screen id="specialist-login" title={s.title} prompt={`${s.title}。${message ?? ''}${prompt}`}>
      <p className="desk-message" role="status" aria-live="polite" data-testid="desk-login-message">
        {message ?? ''}
      </p>
      {!chosen ? (
        <>
          <h2>{s.whoPrompt}</h2>
          <div className="actions" role="group" aria-label={s.whoPrompt}>
            {(roster ?? []).map((p, i) => (
              <Button key={p.id} data-specialist={p.id} data-autofocus={i === 0 ? '' : undefined} onClick={() => setChosen(p)}>
                {p.name}
              </Button>
            ))}
          </div>
        </>
      ) : (
        <div className="two-col">
          <div>
            <h2>{prompt}</h2>
            {/* The dots are for the eye; the count below is what is read aloud. */}
            <p className="entry-display desk-pin" aria-hidden="true" data-testid="desk-pin">
              {'●'.repeat(pin.length) || '\u00a0'}
            </p>
            <p className="lead" aria-live="polite">
              {s.pinEntered(pin.length)}
            </p>
            <div className="actions">
              <Button variant="primary" autoFocusOnMount disabled={busy || lockedUntil !== null} onClick={() => void submit()} data-action="login">
                {s.submit}
              </Button>
              {roster && roster.length > 1 ? (
                <Button
                  onClick={() => {
                    setChosen(null);
                    setPin('');
                  }}
                >
                  {s.otherPerson}
                </Button>
              ) : null}
            </div>
          </div>
          <Keypad value={pin} onChange={setPin} maxLength={MAX_PIN} label={s.keypadLabel} clearAll={false} />
        </div>
      )}
    </Screen>
  );
}
