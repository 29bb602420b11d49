// 同样的事已经办过: answers store:same-kind-application from the kiosk's own store.
// Its own module because it joins three areas (store, devices, catalogue) and
// must come after all of them. The number asked about is scoped to who is at
// the screen: a kiosk screen without a desk session may ask only about the card
// in the reader, so a resident's screen cannot probe other residents' numbers.
import { IpcFailure } from '../../../common/ipc/result.js';
import { REPEAT_STATUSES, latestRepeat } from '../../../common/flow/repeat-period.js';
import type { OfflineStore } from '../../../offline-store/store.js';
import type { ModuleFactory } from '../module.js';
import type { CatalogueService } from './catalogue.js';
import { residentScope } from './resident-scope.js';

export const repeatCheckModule: ModuleFactory = ({ config, services, platform }) => {
  const scope = residentScope(config, services);
  return {
    name: 'repeat-check',
    handlers: {
      'store:same-kind-application': (a, ctx) => {
        scope(ctx, a.idNumber);
        const store = services.get<OfflineStore>('store');
        const catalogue = services.get<CatalogueService>('catalogue');
        if (!store || !catalogue) throw new IpcFailure('unavailable', '暂时查不到');
        const service = catalogue.current().services.find((s) => s.id === a.serviceId);
        if (!service || service.repeatPeriod === 'none') return { application: null };
        // 今年 is the station's year (config.timeZone), not the host clock's.
        const mine = store.applications.list({ idNumber: a.idNumber, statuses: [...REPEAT_STATUSES], limit: 200 }).filter((x) => x.serviceId === a.serviceId);
        const earlier = latestRepeat(service.repeatPeriod, platform.now(), config.timeZone, mine);
        return { application: earlier ? { id: earlier.id, localTrackingNumber: earlier.localTrackingNumber, status: earlier.status, createdAt: earlier.createdAt } : null };
      },
    },
  };
};
