// The PIN as it is keyed: dots for the eye, the count read aloud, and the big
// keypad (a remote's digit keys and a keyboard work too). Used by the desk's
// login screen and by the PIN dialog over a resident's screen.
import { Keypad } from '../design/Keypad.js';
import { t } from '../i18n/zh-CN.js';
import { MAX_PIN } from './usePinLogin.js';

const s = t.specialist.login;

/** `dotsTestId` names the dots for tests. */
export function PinDots({ pin, dotsTestId }: { pin: string; dotsTestId: string }) {
  return (
    <>
      {/* The dots are for the eye; the count below is what is read aloud. */}
      <p className="entry-display desk-pin" aria-hidden="true" data-testid={dotsTestId}>
        {'●'.repeat(pin.length) || '\u00a0'}
      </p>
      <p className="lead" aria-live="polite">
        {s.pinEntered(pin.length)}
      </p>
    </>
  );
}

export function PinKeypad({ pin, onChange }: { pin: string; onChange(pin: string): void }) {
  return <Keypad value={pin} onChange={onChange} maxLength={MAX_PIN} label={s.keypadLabel} clearAll={false} />;
}
