// A resident's number keyed at the kiosk by a specialist: the visit becomes a
// 代办 under that specialist's desk session. It is audited (who keyed it, for
// which masked number), the 代办 banner shows until the visit ends, and the
// visit's submissions go as 代办.
import { useCallback } from 'react';
import { maskIdNumber } from '../../../common/domain/id-number.js';
import type { ResidentIdentity } from '../../../common/flow/identity.js';
import { useResidentSession } from '../session/ResidentSession.js';
import { useSpecialist } from '../specialist/SpecialistSession.js';
import { useDeskAudit } from '../specialist/useDeskAudit.js';

export function useKeyedVisit(): (identity: ResidentIdentity) => void {
  const session = useResidentSession();
  const specialist = useSpecialist();
  const audit = useDeskAudit();
  return useCallback(
    (identity) => {
      if (!specialist) return; // the PIN dialog comes first; without a session nothing is keyed
      session.setKeyedBy(specialist);
      session.setIdentity(identity);
      // The masked number only (the audit log never holds a whole one); main adds who, from the session.
      void audit('specialist.keyed-id', { detail: `代办：为 ${maskIdNumber(identity.idNumber)} 输入身份证号` });
    },
    [session, specialist, audit],
  );
}
