// 办件进度 in plain words: what each application status means to a resident,
// shown and read aloud. Receipt numbers are read character by character, like a
// phone number, never as one huge quantity.
import type { ApplicationStatus, ApplicationSummary } from '../../../../common/domain/application.js';
import { speakDigits } from '../../../../common/spoken/index.js';
import { queryStrings as q } from '../../i18n/queries.zh-CN.js';
import { plainDate, spokenDate } from './dates.js';

export interface ApplicationWords {
  /** The status line in big text: 已受理，受理号：… / 未通过，原因：… */
  readonly status: string;
  /** A second line for what happens next, when there is something to say. */
  readonly note: string | null;
  readonly when: string;
  readonly spoken: string;
}

/** A code read one character at a time: digits as 幺二三, letters as they are, separators dropped. */
export function speakCode(code: string): string {
  return [...code]
    .map((c) => (/[0-9]/.test(c) ? speakDigits(c) : /[A-Za-z]/.test(c) ? c.toUpperCase() : ''))
    .filter(Boolean)
    .join(' ');
}

export function statusLine(status: ApplicationStatus, receiptNumber: string | null, reason: string | null): string {
  const words = q.applications;
  if (status === 'accepted' && receiptNumber) return words.acceptedWith(receiptNumber);
  if (status === 'rejected' && reason) return words.rejectedBecause(reason);
  return words.status[status];
}

function spokenStatus(status: ApplicationStatus, receiptNumber: string | null, reason: string | null): string {
  if (status === 'accepted' && receiptNumber) return `${q.applications.status.accepted}，受理号，${speakCode(receiptNumber)}`;
  return statusLine(status, null, reason);
}

export function applicationWords(app: Pick<ApplicationSummary, 'status' | 'receiptNumber' | 'reason' | 'createdAt'>, serviceName: string): ApplicationWords {
  const status = statusLine(app.status, app.receiptNumber, app.reason);
  const note = app.status === 'queued' || app.status === 'sending' ? q.applications.queuedPromise : null;
  const when = q.applications.submittedOn(plainDate(app.createdAt));
  const spoken = [serviceName, q.applications.submittedOn(spokenDate(app.createdAt)), spokenStatus(app.status, app.receiptNumber, app.reason), note]
    .filter(Boolean)
    .join('。');
  return { status, note, when, spoken: `${spoken}。` };
}

/** Newest first: a resident asks about what they did last. */
export function newestFirst<T extends { createdAt: string }>(apps: readonly T[]): T[] {
  return [...apps].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}
