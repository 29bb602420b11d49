// Who is behind a TV's call for help (help-calls.ts): the resident whose number
// the family's one-time code opened on that very box lately (identity-codes.ts
// marks the code keyed back, and for which box). Their name and number masked,
// as any desk shows a caller, and the phone on file whole, because the station's
// specialist has to ring them back (工作人员会给您打电话). Sealed for the call it
// belongs to: the help calls' storage never holds it in clear.
import { maskIdNumber } from '../common/domain/id-number.js';
import { maskName } from '../common/domain/mask-name.js';
import { helpCallerOnFileSchema, type HelpCallerOnFile } from '../offline-store/sync/help-protocol.js';
import type { HelpCallers } from './help-calls.js';
import type { ServerStorage } from './storage/storage.js';
import { phoneAd, residentAd, type Vault } from './vault.js';

/** How long after its code a number still names the caller (as long as the TV holds its grant). */
export const CALLER_CHECK_MINUTES = 30;

const callerAd = (callId: string) => `help-caller:${callId}`;

export function helpCallers(storage: ServerStorage, vault: Vault, now: () => Date): HelpCallers {
  return {
    async sealFor(fromKiosk, idNumber, callId) {
      const idKey = vault.residentKey(idNumber);
      const row = await storage.oneTimeCode(idKey);
      const lastSent = row?.sends.length ? Math.max(...row.sends) : 0;
      if (!row?.verified || row.kioskId !== fromKiosk || now().getTime() - lastSent > CALLER_CHECK_MINUTES * 60_000) return null;
      const [phoneEnc, record] = await Promise.all([storage.residentPhone(idKey), storage.residentRecord(idKey)]);
      if (!phoneEnc) return null;
      const name = record ? (JSON.parse(vault.openText(record.recordEnc, residentAd(idKey))) as { name?: string }).name : undefined;
      const caller: HelpCallerOnFile = { name: maskName(name ?? '家属'), idNumber: maskIdNumber(idNumber), phone: vault.openText(phoneEnc, phoneAd(idKey)) };
      return vault.seal(JSON.stringify(caller), callerAd(callId)).toString('base64');
    },
    open(callId, sealed) {
      return helpCallerOnFileSchema.parse(JSON.parse(vault.openText(Buffer.from(sealed, 'base64'), callerAd(callId))));
    },
  };
}
