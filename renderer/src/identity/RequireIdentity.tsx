// Wraps a service that needs to know who the resident is. With an identity in
// the session, it renders the service. Otherwise it asks for the ID card (kiosk)
// or for the ID number on the keypad (TV at home, or a specialist at the kiosk
// when the card cannot be read). Nothing the card says is ever asked again.
import { useState, type ReactNode } from 'react';
import type { ResidentIdentity } from '../../../common/flow/identity.js';
import { useResidentSession } from '../session/ResidentSession.js';
import { Screen } from '../design/Screen.js';
import { Button } from '../design/Button.js';
import { useCardReaderState } from './CardReaderContext.js';
import { cardProblem } from './useCardReader.js';
import { IdNumberEntry } from './IdNumberEntry.js';
import { useAppInfo } from '../app/AppInfoContext.js';
import { t } from '../i18n/zh-CN.js';
import { todayIso } from '../app/station-time.js';
import { useSpecialist } from '../specialist/SpecialistSession.js';
import { SpecialistPinDialog } from './SpecialistPinDialog.js';
import { useKeyedVisit } from './useKeyedVisit.js';
import { TvCodeCheck } from './TvCodeCheck.js';


export function RequireIdentity({ title, children }: { title: string; children: (identity: ResidentIdentity) => ReactNode }) {
  const { identity, setIdentity } = useResidentSession();
  const reader = useCardReaderState();
  const info = useAppInfo();
  const [keying, setKeying] = useState(false);
  // On a TV: the number keyed and read back, waiting for its one-time code.
  const [toCheck, setToCheck] = useState<ResidentIdentity | null>(null);
  const specialist = useSpecialist();
  const keyed = useKeyedVisit();
  if (identity) return <>{children(identity)}</>;

  // On a TV at home the family keys their own number, and it is checked by a code
  // texted to the phone on file before any service uses it (once per visit: the
  // identity then stays in the session); at the kiosk only a specialist, after
  // their PIN, keys one, as 代办.
  const tv = info.uiMode === 'tv';
  if (tv && toCheck) return <TvCodeCheck idNumber={toCheck.idNumber} title={title} onVerified={() => setIdentity(toCheck)} onBack={() => setToCheck(null)} />;
  if (tv || (keying && specialist)) {
    return (
      <Screen id="identify-keyed" title={title} prompt={tv ? t.identity.tvPrompt : t.identity.specialistPrompt} announce>
        <p className="lead">{tv ? t.identity.tvPrompt : t.identity.specialistPrompt}</p>
        <IdNumberEntry today={todayIso()} onDone={tv ? setToCheck : keyed} />
      </Screen>
    );
  }
  const problem = cardProblem(reader);
  return (
    <Screen id="identify-card" title={title} prompt={`${t.identity.insertCard}${problem ?? ''}`} announce>
      <div className="card-slot">
        <svg width="220" height="150" viewBox="0 0 220 150" aria-hidden="true" focusable="false">
          <rect x="10" y="10" width="200" height="130" rx="14" fill="none" stroke="currentColor" strokeWidth="6" />
          <circle cx="60" cy="70" r="24" fill="none" stroke="currentColor" strokeWidth="6" />
          <path d="M100 55h80M100 80h80M100 105h50" stroke="currentColor" strokeWidth="6" />
        </svg>
        <p className="lead">{t.identity.insertCard}</p>
      </div>
      {problem ? (
        <p className="notice notice-warn" role="alert">
          {problem}
        </p>
      ) : null}
      {reader.failures >= 2 ? <p className="notice">{t.identity.askSpecialist}</p> : null}
      <div className="actions">
        <Button autoFocusOnMount onClick={() => setKeying(true)} data-action="key-id">
          {t.identity.specialistKeys}
        </Button>
      </div>
      {keying && !specialist ? <SpecialistPinDialog onCancel={() => setKeying(false)} /> : null}
    </Screen>
  );
}
