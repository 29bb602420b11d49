// The 代办 banner: while a specialist's keyed number stands for the resident at
// the kiosk, every screen of the visit says who is acting for them. It goes
// with the visit (ResidentSession.clear()).
import { useResidentSession } from './ResidentSession.js';
import { visitStrings } from '../i18n/visit.zh-CN.js';
import '../identity/identity.css';

export function OnBehalfBanner() {
  const { keyedBy } = useResidentSession();
  if (!keyedBy) return null;
  return (
    <p className="notice onbehalf-banner" role="status" data-testid="onbehalf-banner">
      {visitStrings.banner(keyedBy.name)}
    </p>
  );
}
