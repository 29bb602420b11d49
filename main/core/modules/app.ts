// app:* and station:* channels: identity, UI settings, and the live station status.
import type { ModuleFactory } from '../module.js';
import { APP_VERSION } from '../version.js';

export const appModule: ModuleFactory = ({ config, status, host, platform }) => {
  const log = platform.log.child('renderer');
  return {
    name: 'app',
    handlers: {
      'app:info': (_args, ctx) => ({
        version: APP_VERSION,
        host,
        uiMode: config.uiMode,
        stationName: config.stationName,
        defaultTextSize: config.ui.defaultTextSize,
        inactivity: { idleSeconds: config.ui.idleSeconds, warningSeconds: config.ui.warningSeconds },
        links: { payment: config.links.payment, status: config.links.status },
        timeZone: config.timeZone,
        surface: ctx.surface,
        canCallHelp: ctx.surface === 'kiosk' && (config.uiMode === 'kiosk' || config.help.station !== null),
        faceChallenges: config.face.challenges ?? null,
      }),
      'app:report-error': ({ where, message }) => {
        log.warn('renderer error', { where, message });
        return {};
      },
      'station:status': () => status.get(),
    },
    streams: {
      'station:status-changed': (_args, emit) => {
        emit(status.get());
        return status.subscribe(emit);
      },
    },
  };
};
