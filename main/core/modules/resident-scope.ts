// Whose records a screen may ask about. A kiosk screen without a desk session is
// a resident's: it may ask only about the card lying in the reader, so a passer-by
// (or a page someone scripted) cannot look up another resident's applications,
// names or pension record by typing their number. A screen holding a desk session
// (the specialist's keyed number, 代办, or the desk itself) may ask about anyone.
// A TV box has no reader: the family keys its own number there, and the station
// answers about it only once the one-time code texted to the phone on file for
// that number was keyed back in this visit (identity-check.ts): a neighbour's
// number keyed at another TV shows nothing of theirs.
import { IpcFailure } from '../../../common/ipc/result.js';
import type { DeviceManager } from '../../../drivers/device-manager.js';
import type { StationConfig } from '../config.js';
import type { HandlerContext, ServiceRegistry } from '../module.js';
import { TV_GRANTS_SERVICE, type TvIdentityGrants } from '../../identity/tv-grants.js';
import { VISIT_CARDS_SERVICE, type VisitCards } from '../../identity/visit-cards.js';

/** Throws `forbidden` unless this caller may ask about `idNumber`. */
export type ResidentScope = (ctx: HandlerContext, idNumber: string) => void;

export function residentScope(config: Pick<StationConfig, 'uiMode'>, services: ServiceRegistry): ResidentScope {
  return (ctx, idNumber) => {
    if (ctx.specialist) return;
    if (config.uiMode === 'tv') {
      if (services.get<TvIdentityGrants>(TV_GRANTS_SERVICE)?.has(idNumber)) return;
      throw new IpcFailure('forbidden', '查询个人信息要先输入手机收到的短信验证码');
    }
    const onReader = services.get<DeviceManager>('devices')?.idcard?.current()?.card.idNumber ?? null;
    if (onReader !== idNumber) throw new IpcFailure('forbidden', '只能查询读卡器上这张身份证的信息');
  };
}

/**
 * Throws `forbidden` unless this caller may file for `idNumber`: with a desk
 * session anyone (代办, audited as such); at a kiosk screen only someone whose
 * card this reader read in the visit (visit-cards.ts); on a TV only a number
 * whose one-time code was keyed back in this visit. What a screen cannot ask
 * about, it cannot file in that person's name either.
 */
export function applicantScope(config: Pick<StationConfig, 'uiMode'>, services: ServiceRegistry): ResidentScope {
  const ask = residentScope(config, services);
  return (ctx, idNumber) => {
    if (ctx.specialist) return;
    if (config.uiMode === 'tv') return ask(ctx, idNumber);
    if (services.get<VisitCards>(VISIT_CARDS_SERVICE)?.has(idNumber)) return;
    throw new IpcFailure('forbidden', '只能为这次放过身份证的人办理；替别人办要工作人员登录（代办）');
  };
}
