// A rejection reason in words a specialist can repeat to a resident. The
// server's own words pass through; bare codes from the sync layer do not.
import { t } from '../i18n/zh-CN.js';

export function plainReason(reason: string | null): string | null {
  if (reason === null) return null;
  const http = /^HTTP (\d{3})$/.exec(reason.trim());
  if (http) return t.specialist.reasons.httpStatus(http[1]!);
  if (reason.trim() === '' || reason === '未说明原因') return t.specialist.reasons.unspecified;
  return reason;
}
