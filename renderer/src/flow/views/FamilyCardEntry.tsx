// A family member's identity, from their own ID card: the reader is captured
// while this question is on screen, so the resident may take their own card
// away (their visit goes on) and the next card read is the family member's. The
// answer is given when that card is taken away again, which returns the reader
// to the visit. A family member's name is never typed by the resident: when the
// card cannot be read, a specialist keys number and name after their PIN, and
// the visit becomes a 代办 (audited, banner shown, submitted as 代办).
import { useState } from 'react';
import { maskIdNumber } from '../../../../common/domain/id-number.js';
import type { PersonAnswer } from '../../../../common/flow/answers.js';
import type { IdCardEventMessage } from '../../../../common/ipc/channels/devices.js';
import { Button } from '../../design/Button.js';
import { useCardCapture } from '../../identity/CardReaderContext.js';
import { IdNumberEntry } from '../../identity/IdNumberEntry.js';
import { SpecialistPinDialog } from '../../identity/SpecialistPinDialog.js';
import { t } from '../../i18n/zh-CN.js';
import { familyCardStrings as f } from '../../i18n/family-card.zh-CN.js';
import { useReadAloud } from '../../read-aloud/ReadAloudContext.js';
import { useResidentSession } from '../../session/ResidentSession.js';
import { useSpecialist } from '../../specialist/SpecialistSession.js';
import { useDeskAudit } from '../../specialist/useDeskAudit.js';
import { todayIso } from '../../app/station-time.js';
import { TextEntry } from './TextEntry.js';

type Reading = { kind: 'waiting'; problem: string | null } | { kind: 'read'; person: PersonAnswer };

export function FamilyCardEntry({ onAnswer }: { onAnswer(person: PersonAnswer): void }) {
  const session = useResidentSession();
  const { speak } = useReadAloud();
  const [reading, setReading] = useState<Reading>({ kind: 'waiting', problem: null });
  const [keying, setKeying] = useState(false);

  const problem = (text: string) => {
    setReading({ kind: 'waiting', problem: text });
    void speak(text);
  };
  useCardCapture(true, (e: IdCardEventMessage) => {
    if (e.type === 'read') {
      if (!e.card.idNumberValid) return problem(t.identity.invalidCard);
      if (e.card.idNumber === session.identity?.idNumber) return problem(f.ownCard);
      setReading({ kind: 'read', person: { idNumber: e.card.idNumber, name: e.card.name, source: 'card' } });
      void speak(f.readSpoken(e.card.name));
    } else if (e.type === 'removed') {
      // The family member's card taken away: back to the flow with them as the subject.
      // Any other card leaving (the resident's own, an unreadable one) changes nothing.
      if (reading.kind === 'read') onAnswer(reading.person);
    } else if (e.type === 'error' && e.code !== 'disconnected') {
      problem(t.identity.readFailed);
    }
  });

  if (keying) return <KeyedFamilyMember onAnswer={onAnswer} onCancel={() => setKeying(false)} />;
  return (
    <div className="family-card" data-testid="family-card">
      {reading.kind === 'read' ? (
        <>
          <p className="lead" data-testid="family-card-read">
            {f.read(reading.person.name, maskIdNumber(reading.person.idNumber))}
          </p>
          <p className="lead" role="status">
            {f.takeAway}
          </p>
        </>
      ) : (
        <>
          {reading.problem ? (
            <p className="notice notice-warn" role="alert" data-testid="family-card-problem">
              {reading.problem}
            </p>
          ) : null}
          {/* Focus starts here, as on the resident's own card screen: a remote user has somewhere to start. */}
          <div className="actions">
            <Button autoFocusOnMount onClick={() => setKeying(true)} data-action="key-family">
              {t.identity.specialistKeys}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

/** The fallback: a specialist, after their PIN, keys the family member's number and name (代办). */
function KeyedFamilyMember({ onAnswer, onCancel }: { onAnswer(person: PersonAnswer): void; onCancel(): void }) {
  const specialist = useSpecialist();
  const session = useResidentSession();
  const audit = useDeskAudit();
  const [idNumber, setIdNumber] = useState<string | null>(null);
  if (!specialist) return <SpecialistPinDialog onCancel={onCancel} />;
  if (idNumber === null) {
    return (
      <div data-testid="family-keyed-number">
        <p className="lead">{f.keyNumber}</p>
        <IdNumberEntry today={todayIso()} onDone={(id) => setIdNumber(id.idNumber)} />
      </div>
    );
  }
  return (
    <div data-testid="family-keyed-name">
      <p className="lead">{f.keyName}</p>
      <TextEntry
        initial=""
        label={f.nameLabel}
        maxLength={20}
        onDone={(name) => {
          // The visit is a 代办 from here on: banner, audit (masked number only), submitted as 代办.
          session.setKeyedBy(specialist);
          void audit('specialist.keyed-id', { detail: f.audit(maskIdNumber(idNumber)) });
          onAnswer({ idNumber, name, source: 'keyed' });
        }}
      />
    </div>
  );
}
