// The desk's PIN login, shared by the desk's own login screen and the PIN dialog
// a specialist answers over a resident's screen before keying a number (代办):
// who may log in (the roster), the PIN being keyed, the login call, and the
// station's lockout said in the same words in both places. The lock ends on its
// own: 登录 comes back at that moment, without a reload.
import { useEffect, useState } from 'react';
import type { Specialist } from '../../../common/domain/specialist.js';
import { useApi } from '../api/ApiContext.js';
import { t } from '../i18n/zh-CN.js';
import { useDeskSession } from './SpecialistSession.js';
import { clockTime } from './format.js';

const s = t.specialist.login;
export const MAX_PIN = 12;
export const MIN_PIN = 4;

export interface PinLogin {
  /** Who may log in at this station; null until main answered. */
  roster: Specialist[] | null;
  /** Whose PIN is being keyed; set at once when the roster has one name. */
  chosen: Specialist | null;
  choose(who: Specialist | null): void;
  pin: string;
  setPin(pin: string): void;
  /** What to show and say: checking, wrong PIN with the tries left, locked until when. */
  message: string | null;
  /** Desk login on this station is locked (too many wrong PINs) until the time said. */
  locked: boolean;
  busy: boolean;
  /** Logs in with the chosen person and the keyed PIN; a success sets the desk session. */
  submit(): Promise<void>;
}

export function usePinLogin(initialMessage: string | null = null): PinLogin {
  const api = useApi();
  const desk = useDeskSession();
  const [roster, setRoster] = useState<Specialist[] | null>(null);
  const [chosen, setChosen] = useState<Specialist | null>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(initialMessage);
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

  useEffect(() => {
    if (!lockedUntil) return;
    const timer = setTimeout(() => {
      setLockedUntil(null);
      setMessage(null);
    }, Math.max(0, Date.parse(lockedUntil) - Date.now()) + 1000);
    return () => clearTimeout(timer);
  }, [lockedUntil]);

  const submit = async () => {
    if (!chosen || busy || pin.length < MIN_PIN) return;
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

  const choose = (who: Specialist | null) => {
    setChosen(who);
    setPin('');
  };
  return { roster, chosen, choose, pin, setPin, message, locked: lockedUntil !== null, busy, submit };
}
