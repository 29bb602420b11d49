// The 参保证明 the kiosk prints, built from the resident's social-insurance record
// (live, or the kiosk's saved copy, in which case the paper says so and when).
// The full ID number goes to the printer, which masks it on paper.
import type { SocialInsuranceRecord } from '../../../../common/domain/application.js';
import type { CertificatePrintout } from '../../../../common/domain/receipt.js';
import { queryStrings as q } from '../../i18n/queries.zh-CN.js';
import { plainDate, shownYuan } from './dates.js';

/** Years of payments put on paper; older ones are at the agency. */
export const CERTIFICATE_PAYMENT_YEARS = 6;

export function insuranceCertificate(opts: {
  record: SocialInsuranceRecord;
  idNumber: string;
  source: 'live' | 'cache';
  fetchedAt: string;
  issuedAt: Date;
}): CertificatePrintout {
  const { record } = opts;
  const d = q.certificate.doc;
  const payments = [...record.payments]
    .sort((a, b) => b.year - a.year)
    .slice(0, CERTIFICATE_PAYMENT_YEARS)
    .map((p) => d.payment(p.year, shownYuan(p.amountYuan).replace(' ', ''), plainDate(p.paidAt)));
  const body = [
    d.certify(record.name, record.insuranceType),
    d.since(plainDate(record.startDate)),
    d.status(record.status),
    d.months(record.monthsPaid),
    ...(record.pensionMonthlyYuan === null ? [] : [d.pension(shownYuan(record.pensionMonthlyYuan).replace(' ', ''))]),
    ...payments,
    d.asOf(plainDate(opts.fetchedAt)),
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
