// Specialist desk area (乡村数字专员): PIN login against the station config's
// specialists (or the development specialist when there are none), the lockout
// that survives a restart, main's own idle logout, and today's numbers. Every
// desk event is written to the store's audit log through the 'store' service.
// Publishes who is logged in ('desk-session') for other areas' desk channels.
import path from 'node:path';
import { IpcFailure } from '../../../common/ipc/result.js';
import { StoreError } from '../../../offline-store/db/errors.js';
import type { OfflineStore } from '../../../offline-store/store.js';
import { LoginLockout } from '../../specialist/lockout.js';
import { buildRoster } from '../../specialist/roster.js';
import { DeskSessions } from '../../specialist/session.js';
import type { Specialist } from '../../../common/domain/specialist.js';
import { todaySummary } from '../../specialist/today.js';
import type { ModuleFactory } from '../module.js';
import { storeAuditWriter } from './audit.js';

/** Beside the database in the data folder; holds a count and a time, nothing personal. */
export const LOCKOUT_FILE = 'specialist-lockout.json';

/** Who is logged in at the desk, for areas whose channels need a specialist (help requests). */
export interface DeskSessionService {
  /** The logged-in specialist after main's idle rule, or null. */
  specialist(): Specialist | null;
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
  services.provide<DeskSessionService>(DESK_SESSION_SERVICE, { specialist: () => sessions.specialist() });
  const sweep = setInterval(() => sessions.current(), SWEEP_MS);
  sweep.unref();

  return {
    name: 'specialist',
    handlers: {
      'specialist:roster': () => ({ specialists: sessions.roster(), lockedUntil: sessions.lockedUntil()?.toISOString() ?? null }),
      'specialist:login': async ({ specialistId, pin }) => {
        const r = await sessions.login(specialistId, pin);
        log.info('login', { specialist: specialistId, outcome: r.outcome });
        return r;
      },
      'specialist:logout': ({ reason }) => {
        sessions.logout(reason);
        return {};
      },
      'specialist:session': () => ({ session: sessions.current() }),
      'specialist:activity': () => ({ session: sessions.touch() }),
      'specialist:today': () => {
        if (!sessions.specialist()) throw new IpcFailure('forbidden', '请先登录工作人员账号');
        const store = services.get<OfflineStore>('store');
        if (!store) throw new IpcFailure('unavailable', '本机存储没有打开');
        try {
          return todaySummary(store, platform.now());
        } catch (e) {
          if (e instanceof StoreError) throw new IpcFailure('storage-error', e.message);
          throw e;
        }
      },
    },
    dispose: () => {
      clearInterval(sweep);
      sessions.logout('shutdown');
    },
  };
};
