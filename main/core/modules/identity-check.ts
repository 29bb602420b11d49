// The TV's check of a keyed number (common/ipc/channels/identity.ts): asks the
// sync server, through the kiosk's signed client, to text a one-time code to
// the phone on file, checks what the family keyed, and on success holds a
// grant for that number for this visit (main/identity/tv-grants.ts), which the
// resident scope requires on a TV (resident-scope.ts). The grant ends with the
// visit: the help area's app:resident-session-cleared clears it. At a station,
// the desk reads the simulated SMS gateway's outbox (specialist:sms-outbox).
import { maskIdNumber } from '../../../common/domain/id-number.js';
import type { IdentityCodeRequestResult, IdentityCodeVerifyResult } from '../../../common/ipc/channels/identity.js';
import { IpcFailure } from '../../../common/ipc/result.js';
import { SyncError } from '../../../offline-store/sync/errors.js';
import type { SyncClient } from '../../../offline-store/sync/client.js';
import { TV_GRANTS_SERVICE, TvIdentityGrants } from '../../identity/tv-grants.js';
import type { ModuleFactory } from '../module.js';
import { storeAuditWriter } from './audit.js';

export type IdentityCodesRemote = Pick<SyncClient, 'requestIdentityCode' | 'verifyIdentityCode' | 'smsOutbox'>;
export const IDENTITY_CODES_REMOTE_SERVICE = 'identity-codes-remote';

/**
 * The sync server not reached, not believed, failing or refusing this box (not
 * registered, clock off): whatever it is, the family can do nothing about it but
 * try again later, and the TV says that looking up personal records needs the link.
 */
function offline(e: unknown): e is SyncError {
  return e instanceof SyncError;
}

export const identityCheckModule: ModuleFactory = ({ config, platform, services }) => {
  const log = platform.log.child('identity');
  const audit = storeAuditWriter(services, log);
  const grants = new TvIdentityGrants(platform.now);
  if (config.uiMode === 'tv') services.provide(TV_GRANTS_SERVICE, grants);
  const remote = () => services.get<IdentityCodesRemote>(IDENTITY_CODES_REMOTE_SERVICE);
  const onlyTv = () => {
    if (config.uiMode !== 'tv') throw new IpcFailure('unavailable', '服务站用身份证确认身份，不用短信验证码');
  };
  const station = config.help.station ?? null;

  return {
    name: 'identity-check',
    handlers: {
      'identity:request-code': async ({ idNumber }): Promise<IdentityCodeRequestResult> => {
        onlyTv();
        const r = remote();
        if (!r) return { outcome: 'offline' };
        try {
          const answer = await r.requestIdentityCode({ idNumber, station });
          audit({ actor: { kind: 'system' }, action: `identity.code-${answer.outcome}`, detail: `id=${maskIdNumber(idNumber)}` });
          return answer;
        } catch (e) {
          // The kiosk's own look-up limit, or the server's 429: said as a wait, not as a fault.
          if (e instanceof SyncError && e.httpStatus === 429) return { outcome: 'rate-limited', retryAfterSeconds: Math.max(1, Math.ceil((e.retryAfterMs ?? 60_000) / 1000)) };
          if (offline(e)) {
            log.info('one-time code: sync server not reached', { error: e.code, status: e.httpStatus });
            return { outcome: 'offline' };
          }
          throw e;
        }
      },
      'identity:verify-code': async ({ idNumber, code }): Promise<IdentityCodeVerifyResult> => {
        onlyTv();
        const r = remote();
        if (!r) return { outcome: 'offline' };
        try {
          const answer = await r.verifyIdentityCode({ idNumber, code });
          if (answer.outcome === 'verified') grants.grant(idNumber);
          audit({ actor: { kind: 'system' }, action: `identity.code-${answer.outcome}`, detail: `id=${maskIdNumber(idNumber)}` });
          return answer;
        } catch (e) {
          if (offline(e)) {
            log.info('one-time code check: sync server not reached', { error: e.code, status: e.httpStatus });
            return { outcome: 'offline' };
          }
          throw e;
        }
      },
      'specialist:sms-outbox': async () => {
        const r = remote();
        if (!r) throw new IpcFailure('unavailable', '同步服务器没有连上');
        try {
          return { simulated: true, messages: await r.smsOutbox() };
        } catch (e) {
          // A real gateway: the server keeps no outbox.
          if (e instanceof SyncError && e.httpStatus === 404) return { simulated: false, messages: [] };
          if (e instanceof SyncError) throw new IpcFailure('unavailable', '同步服务器没有连上，请稍后再看');
          throw e;
        }
      },
    },
    dispose: () => grants.clear(),
  };
};
