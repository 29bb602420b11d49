// Help-request area: a resident's call for the specialist (the 叫工作人员 button,
// saying 帮助, or voice not understood twice).
// - At a kiosk, the call is held here with who is asking (the card in the
//   reader, masked), shown on the station's status bar through the StatusHub,
//   listed at the desk with the calls of TV boxes at home (fetched from the sync
//   server), acknowledged and marked handled only by a logged-in specialist (the
//   contract declares those channels desk-only; the dispatcher checks the
//   caller's session). It ends with the visit: the card taken out, another card,
//   the resident's session cleared.
// - On a TV box, the call goes through the sync server to the station its config
//   names (help.station), and the box follows the answer.
// Calls, acknowledgements and their end are audited through the store; the
// specialist's acts under the desk session's specialist.
import { maskIdNumber } from '../../../common/domain/id-number.js';
import { maskName } from '../../../common/domain/mask-name.js';
import type { HelpCaller, HelpRequest } from '../../../common/domain/help.js';
import { IpcFailure } from '../../../common/ipc/result.js';
import type { DeviceManager } from '../../../drivers/device-manager.js';
import { HelpRequestError, HelpRequests } from '../../help/help-requests.js';
import { HELP_CALLS_REMOTE_SERVICE, type HelpCallsRemote } from '../../help/remote.js';
import { HelpUnreachableError, StationHelpInbox } from '../../help/station-inbox.js';
import { TvHelpCall } from '../../help/tv-call.js';
import { TV_GRANTS_SERVICE, type TvIdentityGrants } from '../../identity/tv-grants.js';
import { VISIT_CARDS_SERVICE, type VisitCards } from '../../identity/visit-cards.js';
import { deskSpecialist, type HandlerContext, type ModuleFactory, type StationModule } from '../module.js';
import { storeAuditWriter } from './audit.js';
import { DESK_SESSION_SERVICE, type DeskSessionService } from './specialist.js';

/** How often a stale request is looked for, so the status bar clears near its time. */
const SWEEP_MS = 30_000;

/** The help area's own failures as the contract's typed errors. */
function asIpc(e: unknown): never {
  if (e instanceof HelpRequestError) throw new IpcFailure(e.code, e.message);
  if (e instanceof HelpUnreachableError) throw new IpcFailure('unavailable', e.message);
  throw e;
}

export const helpModule: ModuleFactory = (ctx) => {
  const { config, platform, services } = ctx;
  const log = platform.log.child('help');
  const audit = storeAuditWriter(services, log);
  const remote = () => services.get<HelpCallsRemote>(HELP_CALLS_REMOTE_SERVICE);
  const pollMs = config.help.pollSeconds * 1000;
  // Polls fail whenever the link is down: worth a line in the log, not an alarm.
  const onPollError = (e: Error) => log.info('help calls: sync server not reached', { error: e.name });
  if (config.uiMode === 'tv') return tvHelpModule(ctx, remote, pollMs, onPollError);

  const requests = new HelpRequests({ now: platform.now, audit });
  const deskSessions = () => services.get<DeskSessionService>(DESK_SESSION_SERVICE);
  const inbox = new StationHelpInbox({ remote, audit, pollMs, onPollError, watched: () => (deskSessions()?.live().length ?? 0) > 0 });
  inbox.start();
  const publish = () => {
    const own = requests.open()[0];
    ctx.status.setHelp({ open: own !== undefined, acknowledged: own?.acknowledged != null });
  };
  const unsubscribe = requests.subscribe(publish);
  const sweep = setInterval(() => requests.expire(), SWEEP_MS);
  sweep.unref();

  // Who is asking is the card in the reader's holder, masked: never the screen's word.
  const reader = services.get<DeviceManager>('devices')?.idcard ?? null;
  const callerOf = (card: { name: string; idNumber: string }): HelpCaller => ({ name: maskName(card.name), idNumber: maskIdNumber(card.idNumber) });
  const stopCards =
    reader?.subscribe((e) => {
      if (e.type === 'read') requests.cardRead(callerOf(e.card));
      else if (e.type === 'removed' || e.type === 'error') requests.cardGone();
    }) ?? (() => undefined);

  const all = (): HelpRequest[] => [...requests.open(), ...inbox.open()];
  // A subscription outlives a logout on its socket: after it, the desk is told nothing more.
  const stillAtDesk = (c: HandlerContext) => deskSessions()?.specialistFor(c.connection) != null;

  return {
    name: 'help',
    handlers: {
      'app:help-request': ({ reason, serviceId }) => {
        const card = reader?.current()?.card;
        const r = requests.request(reason, serviceId, card ? callerOf(card) : null, { kind: 'kiosk', station: config.stationName });
        log.info('help requested', { reason, screen: serviceId ?? 'home', identified: card !== undefined, refreshed: r.refreshed });
        return r;
      },
      'app:resident-session-cleared': () => {
        requests.clear('resident-session-cleared');
        const onReader = reader?.current()?.card;
        services.get<VisitCards>(VISIT_CARDS_SERVICE)?.endVisit(onReader?.idNumberValid ? onReader.idNumber : null);
        return {};
      },
      'specialist:help-acknowledge': async ({ id }, c) => {
        const specialist = deskSpecialist(c);
        try {
          const request = inbox.has(id) ? await inbox.acknowledge(id, specialist) : requests.acknowledge(id, specialist);
          log.info('help acknowledged', { specialist: specialist.id, from: request.where.kind });
          return { request };
        } catch (e) {
          return asIpc(e);
        }
      },
      'specialist:help-resolve': async ({ id }, c) => {
        const specialist = deskSpecialist(c);
        try {
          if (inbox.has(id)) await inbox.resolve(id, specialist);
          else requests.resolve(id, specialist.id);
        } catch (e) {
          asIpc(e);
        }
        return {};
      },
    },
    streams: {
      'specialist:help-requests': (_args, emit, c) => {
        const push = () => emit({ open: stillAtDesk(c) ? all() : [] });
        push();
        void inbox.poll(); // a desk just opened: TV calls now, not at the next tick
        const a = requests.subscribe(push);
        const b = inbox.subscribe(push);
        return () => {
          a();
          b();
        };
      },
    },
    dispose: () => {
      clearInterval(sweep);
      inbox.stop();
      stopCards();
      unsubscribe();
    },
  };
};

/** A TV box: its one call goes to its station through the sync server; it has no desk of its own. */
function tvHelpModule(
  { config, platform, services, status }: Parameters<ModuleFactory>[0],
  remote: () => HelpCallsRemote | undefined,
  pollMs: number,
  onPollError: (e: Error) => void,
): StationModule {
  const log = platform.log.child('help');
  const station = config.help.station;
  const call = station
    ? new TvHelpCall({
        remote,
        station,
        pollMs,
        audit: storeAuditWriter(services, log),
        onChange: (s) => status.setHelp(s),
        onPollError,
        checkedIdNumber: () => services.get<TvIdentityGrants>(TV_GRANTS_SERVICE)?.latest() ?? null,
      })
    : null;
  const noDesk = () => {
    throw new IpcFailure('unavailable', '这台电视没有工作人员值守');
  };
  return {
    name: 'help',
    handlers: {
      'app:help-request': async ({ reason, serviceId }) => {
        // No station named: the TV's 求助 says where help is instead (renderer/src/help/TvHelp.tsx).
        if (!call) throw new IpcFailure('unavailable', '这台电视没有设置服务站，不能呼叫工作人员');
        try {
          const r = await call.request(reason, serviceId);
          log.info('help requested through the sync server', { reason, screen: serviceId ?? 'home', refreshed: r.refreshed });
          return r;
        } catch (e) {
          return asIpc(e);
        }
      },
      'app:resident-session-cleared': async () => {
        // The family's visit is over: the numbers their codes opened are closed again (identity-check.ts).
        services.get<TvIdentityGrants>(TV_GRANTS_SERVICE)?.clear();
        await call?.clear();
        return {};
      },
      'specialist:help-acknowledge': noDesk,
      'specialist:help-resolve': noDesk,
    },
    streams: {
      'specialist:help-requests': (_args, emit) => {
        emit({ open: [] });
        return () => undefined;
      },
    },
    dispose: () => call?.dispose(),
  };
}
