// What the help area needs of the sync server: the signed help-call requests of
// the kiosk's SyncClient (offline-store/sync/client.ts), provided by the
// store-sync module as the 'help-calls-remote' service.
import type { HelpRequest } from '../../common/domain/help.js';
import type { SyncClient } from '../../offline-store/sync/client.js';
import type { WireHelpCall } from '../../offline-store/sync/help-protocol.js';

export type HelpCallsRemote = Pick<SyncClient, 'openHelpCall' | 'helpCallsForMe' | 'helpCall' | 'acknowledgeHelpCall' | 'endHelpCall'>;
export const HELP_CALLS_REMOTE_SERVICE = 'help-calls-remote';

/**
 * A TV's call as the desk lists it: from a box at home; who is calling and the phone to ring back when the
 * server knew them (the family's number checked by its one-time code on that box), else nobody identified.
 */
export function fromWire(c: WireHelpCall): HelpRequest {
  return {
    id: c.id,
    reasons: c.reasons,
    serviceId: c.serviceId,
    openedAt: c.openedAt,
    lastAskedAt: c.lastAskedAt,
    times: c.times,
    who: c.caller ? { name: c.caller.name, idNumber: c.caller.idNumber } : null,
    callBack: c.caller?.phone ?? null,
    where: { kind: 'tv', box: c.fromKiosk },
    acknowledged: c.acknowledged,
  };
}
