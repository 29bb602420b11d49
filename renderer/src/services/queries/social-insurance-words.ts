// What the 社保查询 screen shows and says for a record: rows of plain label →
// value, recent payments, and one spoken text where every number is spoken right
// (amounts as 元/角, dates as 年月日, counts as quantities).
import type { SocialInsuranceRecord } from '../../../../common/domain/application.js';
import { speakDigits, speakInteger } from '../../../../common/spoken/index.js';
import { queryStrings as q } from '../../i18n/queries.zh-CN.js';
import { plainDate, shownYuan, spokenDate, spokenYuan } from './dates.js';

export interface RecordRow {
  readonly key: 'type' | 'status' | 'since' | 'months' | 'pension' | 'agency';
  readonly label: string;
  readonly value: string;
}

export interface RecordView {
  readonly heading: string;
  readonly rows: readonly RecordRow[];
  /** Most recent first, at most `maxPayments`. */
  readonly payments: readonly string[];
  /** Everything above as one text for read-aloud. */
  readonly spoken: string;
}

/** Three years is what a resident asks about ("交了没有"); the rest is on the certificate. */
export const RECENT_PAYMENTS = 3;

function spokenMonths(n: number): string {
  const years = Math.floor(n / 12);
  const rest = n % 12;
  const base = `缴费${speakInteger(n)}个月`;
  if (years === 0) return base;
  return `${base}，也就是${speakInteger(years)}年${rest ? `零${speakInteger(rest)}个月` : ''}`;
}

export function recordView(record: SocialInsuranceRecord, maxPayments = RECENT_PAYMENTS): RecordView {
  const L = q.socialInsurance.labels;
  const pension = record.pensionMonthlyYuan === null ? q.socialInsurance.noPension : shownYuan(record.pensionMonthlyYuan);
  const rows: RecordRow[] = [
    { key: 'type', label: L.type, value: record.insuranceType },
    { key: 'status', label: L.status, value: record.status },
    { key: 'since', label: L.since, value: plainDate(record.startDate) },
    { key: 'months', label: L.months, value: q.socialInsurance.months(record.monthsPaid) },
    { key: 'pension', label: L.pension, value: pension },
    { key: 'agency', label: L.agency, value: record.agency },
  ];
  const recent = [...record.payments].sort((a, b) => b.year - a.year).slice(0, maxPayments);
  const payments = recent.map((p) => q.socialInsurance.payment(p.year, shownYuan(p.amountYuan), plainDate(p.paidAt)));
  const spokenPayments = recent.map((p) => `${speakDigits(String(p.year), { one: '一' })}年交了${spokenYuan(p.amountYuan)}`);
  const spoken = [
    q.socialInsurance.heading(record.name),
    `${L.type}，${record.insuranceType}`,
    `${L.status}，${record.status}`,
    `${L.since}，${spokenDate(record.startDate)}`,
    spokenMonths(record.monthsPaid),
    `${L.pension}，${record.pensionMonthlyYuan === null ? q.socialInsurance.noPension : spokenYuan(record.pensionMonthlyYuan)}`,
    ...spokenPayments,
    `${L.agency}，${record.agency}`,
  ].join('。');
  return { heading: q.socialInsurance.heading(record.name), rows, payments, spoken: `${spoken}。` };
}

/** The "截至…" notice when the answer came from the kiosk's saved copy: shown, and spoken. */
export function cacheNotice(fetchedAt: string): { shown: string; spoken: string } {
  return { shown: q.cache.offline(plainDate(fetchedAt)), spoken: q.cache.spoken(spokenDate(fetchedAt)) };
}
