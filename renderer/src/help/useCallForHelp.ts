// Calls the specialist for the resident at the screen: the 叫工作人员 button,
// the spoken 帮助 / 叫工作人员, and two voice misses in a row all come here. The
// station is told why and which service is on screen, never who is asking.
// Only where a resident can call at all (can-call.ts).
import { useCallback } from 'react';
import type { HelpReason } from '../../../common/domain/help.js';
import { useApi } from '../api/ApiContext.js';
import { useAppInfo } from '../app/AppInfoContext.js';
import { useNav } from '../app/navigation.js';
import { canCallForHelp } from './can-call.js';

/** Returns a function that calls for help and resolves true when the station has the call. */
export function useCallForHelp(): (reason: HelpReason) => Promise<boolean> {
  const api = useApi();
  const { uiMode } = useAppInfo();
  const { route } = useNav();
  return useCallback(
    async (reason: HelpReason) => {
      if (!canCallForHelp(uiMode, route)) return false;
      const r = await api.call('app:help-request', { reason, serviceId: route.name === 'service' ? route.serviceId : null });
      if (!r.ok) void api.call('app:report-error', { where: 'help-request', message: `${reason}: ${r.error.code}` });
      return r.ok;
    },
    [api, uiMode, route],
  );
}
