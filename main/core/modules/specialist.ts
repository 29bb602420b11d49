// Specialist desk area (乡村数字专员): PIN login against the station config's
// specialists (or the development specialist when there are none), the lockout
// that survives a restart, main's own idle logout, and today's numbers. Every
// desk event is written to the store's audit log through the 'store' service.
// Publishes who is logged in at which connection ('desk-session'): the station's
// dispatcher asks it before any 'specialist' channel runs.
import path from 'node:path';
import { IpcFailure } from '../../../common/ipc/result.js';
import { StoreError } from '../../../offline-store/db/errors.js';
import type { OfflineStore } from '../../../offline-store/store.js';
import { LoginLockout } from '../../specialist/lockout.js';
import { buildRoster } from '../../specialist/roster.js';
import { DeskSessions } from '../../specialist/session.js';
import { todaySummary } from '../../specialist/today.js';
import type { DeskAuthority } from '../dispatcher.js';
import { deskSpecialist, type ModuleFactory } from '../module.js';
import { storeAuditWriter } from './audit.js';

/** Beside the database in the data folder; holds a count and a time, nothing personal. */
export const LOCKOUT_FILE = 'specialist-lockout.json';

/** Who is logged in at the desk, per connection: the dispatcher's access checks ask it. */
export interface DeskSessionService extends DeskAuthority {
  /** The specialists with a live session now, one entry per connection (for tests and diagnostics). */
  live(): string[];
}
export const DESK_SESSION_SERVICE = 'desk-session';

/** How often main checks for an idle session, so the logout is audited near its time. */
const SWEEP_MS = 15_000;

export const specialistModule: ModuleFactory = async ({ config, platform, services }) => {
  const log = platform.log.child('specialist');
  const roster = await buildRoster(config.specialists);
  if (roster.development) {
    log.warn('no specialists in the station config: the development specialist (id dev, PIN in the README) can log in; configure `specialists` before real use');
  }

  const audit = storeAuditWriter(services, log);

  const lockout = new LoginLockout({
    file: path.join(platform.dataDir, LOCKOUT_FILE),
    now: platform.now,
    onStorageError: (op, e) => log.error('lockout state file', { op, error: e.name }),
  });
  const sessions = new DeskSessions({
    roster,
    lockout,
    now: platform.now,
    audit,
    onBadHash: (id) => log.error('malformed pinHash in the station config', { specialist: id }),
  });
  services.provide<DeskSessionService>(DESK_SESSION_SERVICE, {
    specialistFor: (connection) => sessions.specialist(connection),
    connectionClosed: (connection) => sessions.logout(connection, 'closed'),
    live: () => sessions.live(),
  });
  const sweep = setInterval(() => sessions.sweep(), SWEEP_MS);
  sweep.unref();

  return {
    name: 'specialist',
    handlers: {
      'specialist:roster': () => ({ specialists: sessions.roster(), lockedUntil: sessions.lockedUntil()?.toISOString() ?? null }),
      'specialist:login': async ({ specialistId, pin }, { connection }) => {
        const r = await sessions.login(connection, specialistId, pin);
        log.info('login', { specialist: specialistId, outcome: r.outcome });
        return r;
      },
      'specialist:logout': ({ reason }, { connection }) => {
        sessions.logout(connection, reason);
        return {};
      },
      'specialist:session': (_args, { connection }) => ({ session: sessions.current(connection) }),
      'specialist:activity': (_args, { connection }) => ({ session: sessions.touch(connection) }),
      'specialist:today': (_args, ctx) => {
        deskSpecialist(ctx);
        const store = services.get<OfflineStore>('store');
        if (!store) throw new IpcFailure('unavailable', '本机存储没有打开');
        try {
          return todaySummary(store, platform.now(), config.timeZone);
        } catch (e) {
          if (e instanceof StoreError) throw new IpcFailure('storage-error', e.message);
          throw e;
        }
      },
    },
    dispose: () => {
      clearInterval(sweep);
      sessions.logoutAll('shutdown');
    },
  };
};
