// Plain words for a lookup that could not answer. 'not-found' from the store
// means: the link is down and this kiosk has no saved copy for this resident.
import type { IpcError } from '../../../../common/ipc/result.js';
import { queryStrings as q } from '../../i18n/queries.zh-CN.js';

export function lookupFailureWords(error: Pick<IpcError, 'code'>): string {
  if (error.code === 'not-found') return q.cache.noCopy;
  if (error.code === 'unavailable') return q.common.notConnected;
  return q.common.failed;
}

/** Why a lookup that answered shows nothing: no record, or a record in another name than the card's. */
export function noRecordWords(answer: { refused?: 'name-mismatch' }): string {
  return answer.refused === 'name-mismatch' ? q.socialInsurance.nameMismatch : q.socialInsurance.notFound;
}
