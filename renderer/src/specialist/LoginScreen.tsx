// PIN login for the desk. With several specialists, pick your name first; with
// one, the PIN keypad comes straight away. Digits come from the big keypad, a
// remote's digit keys or a keyboard; 登录 has the focus, so Enter logs in.
import { Button } from '../design/Button.js';
import { Screen } from '../design/Screen.js';
import { t } from '../i18n/zh-CN.js';
import { useDeskSession } from './SpecialistSession.js';
import { PinDots, PinKeypad } from './PinEntry.js';
import { usePinLogin } from './usePinLogin.js';

const s = t.specialist.login;

export function LoginScreen() {
  const desk = useDeskSession();
  const login = usePinLogin(desk.idleLoggedOut ? t.specialist.idle.loggedOut : null);
  const { roster, chosen, message } = login;

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
              <Button key={p.id} data-specialist={p.id} data-autofocus={i === 0 ? '' : undefined} onClick={() => login.choose(p)}>
                {p.name}
              </Button>
            ))}
          </div>
        </>
      ) : (
        <div className="two-col">
          <div>
            <h2>{prompt}</h2>
            <PinDots pin={login.pin} dotsTestId="desk-pin" />
            <div className="actions">
              <Button variant="primary" autoFocusOnMount disabled={login.busy || login.locked} onClick={() => void login.submit()} data-action="login">
                {s.submit}
              </Button>
              {roster && roster.length > 1 ? <Button onClick={() => login.choose(null)}>{s.otherPerson}</Button> : null}
            </div>
          </div>
          <PinKeypad pin={login.pin} onChange={login.setPin} />
        </div>
      )}
    </Screen>
  );
}
