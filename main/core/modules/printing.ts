// Printing area: the papers main composes from its own records — the receipt of
// an application in the store, the 参保证明 from the record this station fetched
// (common/documents/) — printed on the devices area's printer, and only in the
// name of someone this screen may file for (resident-scope.ts). What a paper says
// is never logged: its kind and whether it printed.
import { IpcFailure } from '../../../common/ipc/result.js';
import type { DeviceManager } from '../../../drivers/device-manager.js';
import type { ModuleFactory } from '../module.js';
import { applicantScope } from './resident-scope.js';
import { printerOf } from './devices.js';
import { IssueTimes } from '../../printing/issue-times.js';
import type { OfflineStore } from '../../../offline-store/store.js';
import { withNameChecked } from '../../../offline-store/sync/queries.js';
import { insuranceCertificate } from '../../../common/documents/insurance-certificate.js';
import { receiptForApplication } from '../../../common/documents/application-receipt.js';
import type { CatalogueService } from './catalogue.js';
import { StoreError } from '../../../offline-store/db/errors.js';
import type { SocialInsuranceRecord } from '../../../common/domain/application.js';
import type { ReceiptDocument } from '../../../common/domain/receipt.js';

export const printingModule: ModuleFactory = ({ config, services, platform }) => {
  const log = platform.log.child('printing');
  const printScope = applicantScope(config, services);
  const issued = new IssueTimes(platform.now);
  const print = async (document: ReceiptDocument) => {
    const result = await printerOf(services.get<DeviceManager>('devices')).print(document);
    log.info('print', { kind: document.kind, printed: result.printed, reason: result.printed ? undefined : result.reason });
    return result;
  };

  return {
    name: 'printing',
    handlers: {
      'printer:print-receipt': async (a, ctx) => {
        const store = services.get<OfflineStore>('store');
        if (!store) throw new IpcFailure('unavailable', '本站没有办件记录');
        const filed = storeCall(() => store.applications.forPaper(a.applicationId));
        if (!filed.applicant) throw new IpcFailure('not-found', '这件的个人信息已经按规定清除，不能再打印回执');
        // Paper in someone's name only for whom this screen may file (a card read in this visit, a TV's
        // checked number; a desk session anyone): a scripted page cannot print a receipt for someone who is not there.
        printScope(ctx, filed.applicant.idNumber);
        const service = services.get<CatalogueService>('catalogue')?.current().services.find((s) => s.id === filed.summary.serviceId);
        if (!service) throw new IpcFailure('not-found', '目录里没有这项服务了，不能打印回执');
        return print(
          receiptForApplication({
            service,
            stationName: config.stationName,
            links: config.links,
            applicantIdNumber: filed.applicant.idNumber,
            trackingNumber: filed.summary.localTrackingNumber,
            receiptNumber: filed.summary.receiptNumber,
            createdAt: filed.summary.createdAt,
            formData: filed.formData ?? {},
            reprint: a.reprint,
          }),
        );
      },
      'printer:print-certificate': async (a, ctx) => {
        printScope(ctx, a.idNumber);
        // The record the screen's preview showed: the copy this station fetched (or had saved) at that time.
        const cached = services.get<OfflineStore>('store')?.cache.get<SocialInsuranceRecord | null>('social-insurance', a.idNumber);
        if (!cached?.payload || cached.fetchedAt !== a.fetchedAt) throw new IpcFailure('not-found', '这份记录已经更新了，请返回重新查询后再打印');
        const checked = withNameChecked({ source: a.source, fetchedAt: cached.fetchedAt, record: cached.payload }, a.name);
        if (!checked.record) throw new IpcFailure('forbidden', '记录上的姓名和身份证上的不一致，不能打印');
        return print(insuranceCertificate({ record: checked.record, idNumber: a.idNumber, source: a.source, fetchedAt: cached.fetchedAt, issuedAt: issued.at(a.idNumber, cached.fetchedAt), timeZone: config.timeZone }));
      },
    },
  };
};

/** A store lookup, its 'not found' as the channel's. */
function storeCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof StoreError && e.code === 'not-found') throw new IpcFailure('not-found', e.message);
    throw e;
  }
}
