// Help-request area: a resident's call for the specialist (the 叫工作人员 button,
// saying 帮助, or voice not understood twice) is held here, shown on every
// screen's status bar through the StatusHub, followed by the desk on its stream,
// and marked handled only by a logged-in specialist (the contract declares
// specialist:help-resolve desk-only; the dispatcher checks the caller's session). Calls and their end are
// audited through the store (see main/help/help-requests.ts).
import { IpcFailure } from '../../../common/ipc/result.js';
import { HelpRequestError, HelpRequests } from '../../help/help-requests.js';
import { deskSpecialist, type ModuleFactory } from '../module.js';
import { storeAuditWriter } from './audit.js';

/** How often a stale request is looked for, so the status bar clears near its time. */
const SWEEP_MS = 30_000;

export const helpModule: ModuleFactory = ({ config, platform, services, status }) => {
  const log = platform.log.child('help');
  const requests = new HelpRequests({ now: platform.now, audit: storeAuditWriter(services, log) });
  const unsubscribe = requests.subscribe((open) => status.setHelp({ open: open.length > 0 }));
  const sweep = setInterval(() => requests.expire(), SWEEP_MS);
  sweep.unref();

  return {
    name: 'help',
    handlers: {
      'app:help-request': ({ reason, serviceId }) => {
        // A TV box at home has no specialist to come: its screens never ask, and main refuses too.
        if (config.uiMode !== 'kiosk') throw new IpcFailure('unavailable', '这台机器没有工作人员值守');
        const r = requests.request(reason, serviceId);
        log.info('help requested', { reason, screen: serviceId ?? 'home', refreshed: r.refreshed });
        return r;
      },
      'app:resident-session-cleared': () => {
        requests.clear('resident-session-cleared');
        return {};
      },
      'specialist:help-resolve': ({ id }, ctx) => {
        const specialist = deskSpecialist(ctx);
        try {
          requests.resolve(id, specialist.id);
        } catch (e) {
          if (e instanceof HelpRequestError) throw new IpcFailure(e.code, e.message);
          throw e;
        }
        return {};
      },
    },
    streams: {
      'specialist:help-requests': (_args, emit) => {
        emit({ open: requests.open() });
        return requests.subscribe((open) => emit({ open }));
      },
    },
    dispose: () => {
      clearInterval(sweep);
      unsubscribe();
    },
  };
};
