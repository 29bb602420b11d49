// After `idleSeconds` without a touch or key press on a screen holding personal
// data, warn — on screen and aloud — and count down `warningSeconds`. 继续
// (pressed, or said: IdleWarning.tsx) extends, and the screen beneath asks its
// question again; reaching zero clears the resident's data and goes home. The
// countdown runs once the warning has been said. No time limit without a spoken
// warning and a way to extend. Speech heard counts as much as a touch
// (resident-activity.ts): a voice-only resident is never idle while talking.
import { useEffect, useRef, useState } from 'react';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';
import { IdleWarning } from './IdleWarning.js';
import { noteResumed, onResidentActivity } from './resident-activity.js';

/** The longest the spoken warning may hold the countdown back. */
const SAY_CAP_MS = 30_000;

export function InactivityGuard(props: { active: boolean; idleSeconds: number; warningSeconds: number; onTimeout(): void }) {
  const { active, idleSeconds, warningSeconds, onTimeout } = props;
  const [remaining, setRemaining] = useState<number | null>(null);
  const { stop } = useReadAloud();
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

  // The seconds are the resident's to answer in: they run once the warning has been said (it takes
  // some 15 s at the slow rate, most of a 20 s countdown), or after SAY_CAP_MS if it never finishes,
  // so that data is cleared even when the audio hangs.
  const [counting, setCounting] = useState(false);
  useEffect(() => {
    if (!warning) {
      setCounting(false);
      return;
    }
    const cap = setTimeout(() => setCounting(true), SAY_CAP_MS);
    return () => clearTimeout(cap);
  }, [warning]);
  useEffect(() => {
    if (!warning || !counting) return;
    const tick = setInterval(() => setRemaining((r) => (r === null ? null : r - 1)), 1000);
    return () => clearInterval(tick);
  }, [warning, counting]);

  useEffect(() => {
    if (remaining !== null && remaining <= 0) {
      setRemaining(null);
      stop();
      onTimeout();
    }
  }, [remaining, onTimeout, stop]);

  if (!warning) return null;
  return (
    <IdleWarning
      warningSeconds={warningSeconds}
      remaining={remaining}
      running={counting}
      onSaid={() => setCounting(true)}
      onContinue={() => {
        stop();
        setRemaining(null);
        noteResumed();
      }}
    />
  );
}
