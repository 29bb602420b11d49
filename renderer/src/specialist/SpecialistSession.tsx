// Who is logged in at the specialist desk, for the whole app. The lead's service
// flows read `useSpecialist()` to offer 代办 (main records it under this screen's
// own desk session). The renderer enforces the 5-minute idle logout
// (with a spoken warning and a way to extend, like every time limit here) and
// reports activity to main, which enforces the same rule on its side.
import { CountdownDialog } from '../design/CountdownDialog.js';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LoginResult, Specialist } from '../../../common/domain/specialist.js';
import { SPECIALIST_IDLE_SECONDS, SPECIALIST_WARNING_SECONDS } from '../../../common/domain/specialist-timeouts.js';
import { useApi } from '../api/ApiContext.js';
import { t } from '../i18n/zh-CN.js';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';

/** Activity reaches main at most this often, so main's deadline trails the screen's by at most this. */
const ACTIVITY_REPORT_MS = 10_000;

interface DeskSessionValue {
  specialist: Specialist | null;
  /** null when the station could not be asked (the caller shows a generic error). */
  login(specialistId: string, pin: string): Promise<LoginResult | null>;
  logout(reason: 'user' | 'idle'): Promise<void>;
  /** The last logout was for idleness: the login screen says so. */
  idleLoggedOut: boolean;
}

const Ctx = createContext<DeskSessionValue | null>(null);

export function SpecialistSessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [specialist, setSpecialist] = useState<Specialist | null>(null);
  const [idleLoggedOut, setIdleLoggedOut] = useState(false);

  // A reload of the page keeps a live session: main still holds it.
  useEffect(() => {
    void api.call('specialist:session', {}).then((r) => r.ok && r.value.session && setSpecialist(r.value.session.specialist));
  }, [api]);

  const login = useCallback(
    async (specialistId: string, pin: string) => {
      const r = await api.call('specialist:login', { specialistId, pin });
      if (!r.ok) return null;
      if (r.value.outcome === 'ok') {
        setIdleLoggedOut(false);
        setSpecialist(r.value.session.specialist);
      }
      return r.value;
    },
    [api],
  );

  const logout = useCallback(
    async (reason: 'user' | 'idle') => {
      setSpecialist(null);
      setIdleLoggedOut(reason === 'idle');
      await api.call('specialist:logout', { reason });
    },
    [api],
  );

  const value = useMemo(() => ({ specialist, login, logout, idleLoggedOut }), [specialist, login, logout, idleLoggedOut]);
  return (
    <Ctx.Provider value={value}>
      {children}
      {specialist ? <IdleWatch onIdle={() => void logout('idle')} onExpiredInMain={() => void logout('idle')} /> : null}
    </Ctx.Provider>
  );
}

/** The logged-in specialist ({ id, name }) or null. */
export function useSpecialist(): Specialist | null {
  return useDeskSession().specialist;
}

/** Login, logout and the session, for the desk's own screens. */
export function useDeskSession(): DeskSessionValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useDeskSession outside SpecialistSessionProvider');
  return v;
}

/**
 * Watches input while a specialist is logged in: reports activity to main, warns
 * aloud SPECIALIST_WARNING_SECONDS before the idle logout, and logs out at zero.
 */
function IdleWatch({ onIdle, onExpiredInMain }: { onIdle(): void; onExpiredInMain(): void }) {
  const api = useApi();
  const { speak, stop } = useReadAloud();
  const lastInput = useRef(Date.now());
  const unreported = useRef(false);
  const [remaining, setRemaining] = useState<number | null>(null);
  const warning = remaining !== null;

  const report = useCallback(() => {
    unreported.current = false;
    void api.call('specialist:activity', {}).then((r) => {
      if (r.ok && r.value.session === null) onExpiredInMain();
    });
  }, [api, onExpiredInMain]);

  // While warning, only 继续 counts: a stray tap must not silently dismiss it.
  useEffect(() => {
    if (warning) return;
    const onInput = () => {
      lastInput.current = Date.now();
      unreported.current = true;
    };
    const events = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, onInput, { passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, onInput);
    };
  }, [warning]);

  useEffect(() => {
    const tick = setInterval(() => {
      const idleMs = Date.now() - lastInput.current;
      const left = Math.ceil((SPECIALIST_IDLE_SECONDS * 1000 - idleMs) / 1000);
      if (left <= 0) {
        stop();
        onIdle();
      } else if (left <= SPECIALIST_WARNING_SECONDS) setRemaining(left);
    }, 1000);
    const reporter = setInterval(() => unreported.current && report(), ACTIVITY_REPORT_MS);
    return () => {
      clearInterval(tick);
      clearInterval(reporter);
    };
  }, [onIdle, report, stop]);

  useEffect(() => {
    if (warning) void speak(t.specialist.idle.spoken(SPECIALIST_WARNING_SECONDS));
    // Only on entering the warning: the countdown itself is shown, not re-read.
  }, [warning, speak]);

  if (!warning) return null;
  return (
    <CountdownDialog
      id="desk-idle"
      title={t.specialist.idle.title}
      message={t.specialist.idle.message(Math.max(0, remaining))}
      continueLabel={t.specialist.idle.continue}
      onContinue={() => {
        stop();
        lastInput.current = Date.now();
        setRemaining(null);
        report();
      }}
    />
  );
}
