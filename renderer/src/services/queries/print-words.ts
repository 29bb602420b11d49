// Why a certificate did not print, in words a resident can act on (or know to
// ask the specialist). 'unavailable': this station has no printer configured.
import type { PrintFailureReason } from '../../../../common/domain/receipt.js';
import { queryStrings as q } from '../../i18n/queries.zh-CN.js';

export function printFailureWords(reason: PrintFailureReason | 'unavailable' | 'error'): string {
  if (reason === 'unavailable') return q.certificate.noPrinter;
  if (reason === 'error') return q.certificate.reasons['io-error'];
  return q.certificate.reasons[reason];
}
