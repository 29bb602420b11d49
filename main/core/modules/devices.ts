// Devices area: the ID card reader, the receipt printer and HID remotes, built from
// `config.devices`. By default both devices are simulators on socat ptys driven by
// the real serial drivers, so a station with no hardware still reads and prints.
import { maskIdNumber } from '../../../common/domain/id-number.js';
import { IpcFailure } from '../../../common/ipc/result.js';
import { DeviceManager } from '../../../drivers/device-manager.js';
import { layoutTestPage } from '../../../drivers/printer/layouts.js';
import { ReadError } from '../../../drivers/idcard/reader-service.js';
import { SamError } from '../../../drivers/idcard/sam-client.js';
import { VISIT_CARDS_SERVICE, VisitCards } from '../../identity/visit-cards.js';
import type { ModuleFactory } from '../module.js';
import { applicantScope } from './resident-scope.js';
import { IssueTimes } from '../../printing/issue-times.js';
import { DESK_LISTENER_SERVICE, type DeskListenerInfo } from '../desk-listener.js';
import type { OfflineStore } from '../../../offline-store/store.js';
import { withNameChecked } from '../../../offline-store/sync/queries.js';
import { insuranceCertificate } from '../../../common/documents/insurance-certificate.js';
import { receiptForApplication } from '../../../common/documents/application-receipt.js';
import type { CatalogueService } from './catalogue.js';
import { StoreError } from '../../../offline-store/db/errors.js';
import type { SocialInsuranceRecord } from '../../../common/domain/application.js';
import type { ReceiptDocument } from '../../../common/domain/receipt.js';

export const devicesModule: ModuleFactory = async ({ config, status, services, platform }) => {
  const log = platform.log.child('devices');
  const manager = await DeviceManager.start({
    config: config.devices,
    timeZone: config.timeZone,
    onHealth: (h) => {
      status.setDevice(h);
      log.info('device health', { id: h.id, state: h.state });
    },
  });
  services.provide('devices', manager);
  if (manager.idcardSimulator) services.provide('idcard-simulator', manager.idcardSimulator);
  if (manager.printerSimulator) services.provide('printer-simulator', manager.printerSimulator);

  const visit = new VisitCards();
  services.provide(VISIT_CARDS_SERVICE, visit);
  // Card events are logged without the card: whether a number was valid is all we keep.
  manager.idcard?.subscribe((e) => {
    if (e.type === 'read' && e.card.idNumberValid) visit.read(e.card.idNumber);
    if (e.type === 'read') log.info('card read', { idNumberValid: e.card.idNumberValid });
    else if (e.type === 'error') log.warn('card reader error', { code: e.code });
  });

  const printScope = applicantScope(config, services);
  const issued = new IssueTimes(platform.now);
  const needReader = () => {
    if (!manager.idcard) throw new IpcFailure('unavailable', '本站没有配置身份证读卡器');
    return manager.idcard;
  };
  const needPrinter = () => {
    if (!manager.printer) throw new IpcFailure('unavailable', '本站没有配置打印机');
    return manager.printer;
  };
  /** Logged by kind and outcome only: never what the paper says. */
  const print = async (document: ReceiptDocument) => {
    const result = await needPrinter().print(document);
    log.info('print', { kind: document.kind, printed: result.printed, reason: result.printed ? undefined : result.reason });
    return result;
  };

  return {
    name: 'devices',
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
      'idcard:current': () => {
        const reader = needReader();
        return { card: reader.current()?.card ?? null, present: reader.cardPresent };
      },
      'devices:health': () => ({ devices: manager.health(), deskListener: services.get<DeskListenerInfo>(DESK_LISTENER_SERVICE) ?? null }),
      'devices:test-read': async () => {
        try {
          const read = await needReader().testRead();
          if (!read) return { outcome: 'no-card' as const };
          return { outcome: 'read' as const, name: read.card.name, idNumberMasked: maskIdNumber(read.card.idNumber), idNumberValid: read.card.idNumberValid };
        } catch (e) {
          if (e instanceof ReadError || e instanceof SamError) return { outcome: 'error' as const, code: e.code, message: e.message };
          throw e;
        }
      },
      'devices:test-print': () =>
        needPrinter().printBytes(layoutTestPage({ columns: config.devices.printer.columns, timeZone: config.timeZone, stationName: config.stationName, time: platform.now().toISOString() })),
    },
    streams: {
      'idcard:events': (_args, emit) => {
        const reader = manager.idcard;
        if (!reader) return () => undefined; // no reader on this station: no card will ever come
        // A screen that subscribes while a card is already in hears about it at once.
        const current = reader.current();
        if (current) emit({ type: 'read', card: current.card });
        return reader.subscribe(emit);
      },
      'remote:keys': (_args, emit) => manager.subscribeKeys(emit),
    },
    dispose: () => manager.dispose(),
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
