// The 参保证明 the kiosk prints, built from the resident's social-insurance record
// (live, or the kiosk's saved copy, in which case the paper says so and when).
// Built here, in common, because main composes the paper itself from the record
// it holds (printer:print-certificate): the screen's preview and the paper are
// the same words, and no screen can put other words on an official document.
// The full ID number goes to the printer, which masks it on paper.
import type { SocialInsuranceRecord } from '../domain/application.js';
import type { CertificatePrintout } from '../domain/receipt.js';
import { zonedDay } from '../time/zoned.js';

/** Years of payments put on paper; older ones are at the agency. */
export const CERTIFICATE_PAYMENT_YEARS = 6;

/** The paper's own words (the preview adds the holder, number and issuer lines the printer lays out itself). */
export const certificateWords = {
  title: (type: string) => `${type}参保证明`,
  certify: (name: string, type: string) => `兹证明${name}参加了${type}。`,
  since: (date: string) => `参保时间：${date}`,
  status: (s: string) => `参保状态：${s}`,
  months: (n: number) => `累计缴费：${n}个月`,
  pension: (amount: string) => `每月养老金：${amount}`,
  payment: (year: number, amount: string, paidOn: string) => `${year}年缴费${amount}（${paidOn}）`,
  asOf: (date: string) => `以上信息截至${date}。`,
  fromCache: '本证明依据本机保存的记录打印。',
} as const;

/** 2011-07-01 (or an ISO datetime, as the station's calendar day) → 2011年7月1日. */
function plainDay(iso: string, timeZone: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(Date.parse(iso)) ? iso : zonedDay(new Date(iso), timeZone);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** 300 → 300元, 236.5 → 236.50元. */
function yuan(v: number): string {
  return `${Number.isInteger(v) ? String(v) : v.toFixed(2)}元`;
}

export function insuranceCertificate(opts: {
  record: SocialInsuranceRecord;
  idNumber: string;
  source: 'live' | 'cache';
  fetchedAt: string;
  issuedAt: Date;
  /** The station's time zone: the days on paper are its calendar days. */
  timeZone: string;
}): CertificatePrintout {
  const { record, timeZone } = opts;
  const d = certificateWords;
  const payments = [...record.payments]
    .sort((a, b) => b.year - a.year)
    .slice(0, CERTIFICATE_PAYMENT_YEARS)
    .map((p) => d.payment(p.year, yuan(p.amountYuan), plainDay(p.paidAt, timeZone)));
  const body = [
    d.certify(record.name, record.insuranceType),
    d.since(plainDay(record.startDate, timeZone)),
    d.status(record.status),
    d.months(record.monthsPaid),
    ...(record.pensionMonthlyYuan === null ? [] : [d.pension(yuan(record.pensionMonthlyYuan))]),
    ...payments,
    d.asOf(plainDay(opts.fetchedAt, timeZone)),
    ...(opts.source === 'cache' ? [d.fromCache] : []),
  ];
  return {
    kind: 'certificate',
    title: d.title(record.insuranceType).slice(0, 60),
    holderName: record.name.slice(0, 30),
    idNumber: opts.idNumber,
    body: body.map((l) => l.slice(0, 200)),
    issuedBy: record.agency.slice(0, 60),
    issuedAt: opts.issuedAt.toISOString(),
  };
}
