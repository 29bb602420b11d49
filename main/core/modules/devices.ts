// Devices area: the ID card reader, the receipt printer and HID remotes, built from
// `config.devices`. By default both devices are simulators on socat ptys driven by
// the real serial drivers, so a station with no hardware still reads and prints.
// The papers themselves (receipt, 参保证明) are the printing area's (printing.ts).
import { maskIdNumber } from '../../../common/domain/id-number.js';
import { IpcFailure } from '../../../common/ipc/result.js';
import { DeviceManager } from '../../../drivers/device-manager.js';
import { layoutTestPage } from '../../../drivers/printer/layouts.js';
import { ReadError } from '../../../drivers/idcard/reader-service.js';
import { SamError } from '../../../drivers/idcard/sam-client.js';
import { VISIT_CARDS_SERVICE, VisitCards } from '../../identity/visit-cards.js';
import type { ModuleFactory } from '../module.js';
import { DESK_LISTENER_SERVICE, type DeskListenerInfo } from '../desk-listener.js';

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

  const needReader = () => {
    if (!manager.idcard) throw new IpcFailure('unavailable', '本站没有配置身份证读卡器');
    return manager.idcard;
  };
  const needPrinter = () => printerOf(manager);

  return {
    name: 'devices',
    handlers: {
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

/** The station's printer, or the channel's 'unavailable' where none is configured. */
export function printerOf(manager: DeviceManager | undefined): NonNullable<DeviceManager['printer']> {
  if (!manager?.printer) throw new IpcFailure('unavailable', '本站没有配置打印机');
  return manager.printer;
}
