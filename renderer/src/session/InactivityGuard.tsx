// After `idleSeconds` without a touch or key press on a screen holding personal
// data, warn — on screen and aloud — and count down `warningSeconds`. 继续
// extends; reaching zero clears the resident's data and goes home. No time limit
// without a spoken warning and a way to extend. Speech heard counts as much as a
// touch (resident-activity.ts): a voice-only resident is never idle while talking.
import { useEffect, useRef, useState } from 'react';
import { t } from '../i18n/zh-CN.js';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';
import { CountdownDialog } from '../design/CountdownDialog.js';
import { onResidentActivity } from './resident-activity.js';

export function InactivityGuard(props: { active: boolean; idleSeconds: number; warningSeconds: number; onTimeout(): void }) {
  const { active, idleSeconds, warningSeconds, onTimeout } = props;
  const [remaining, setRemaining] = useState<number | null>(null);
  const { speak, stop } = useReadAloud();
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const warning = remaining !== null;

  // Idle detection: any input restarts the clock — except while warning, where
  // only 继续 counts, so a stray tap cannot silently dismiss the warning.
  useEffect(() => {
    if (!active || warning) return;
    const arm = () => {
      if (idleTimer.current) clearTimeout(idleTimer.current);
      idleTimer.current = setTimeout(() => setRemaining(warningSeconds), idleSeconds * 1000);
    };
    arm();
    const events = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, arm, { passive: true });
    const offSpeech = onResidentActivity(arm);
    return () => {
      if (idleTimer.current) clearTimeout(idleTimer.current);
      for (const e of events) window.removeEventListener(e, arm);
      offSpeech();
    };
  }, [active, warning, idleSeconds, warningSeconds]);

  // Leaving the guarded screens cancels any warning.
  useEffect(() => {
    if (!active) setRemaining(null);
  }, [active]);

  useEffect(() => {
    if (!warning) return;
    void speak(t.inactivity.spoken(warningSeconds));
    const tick = setInterval(() => setRemaining((r) => (r === null ? null : r - 1)), 1000);
    return () => clearInterval(tick);
  }, [warning, warningSeconds, speak]);

  useEffect(() => {
    if (remaining !== null && remaining <= 0) {
      setRemaining(null);
      stop();
      onTimeout();
    }
  }, [remaining, onTimeout, stop]);

  if (!warning) return null;
  return (
    <CountdownDialog
      id="idle"
      title={t.inactivity.title}
      message={t.inactivity.message(Math.max(0, remaining))}
      continueLabel={t.inactivity.continue}
      onContinue={() => {
        stop();
        setRemaining(null);
      }}
    />
  );
}
