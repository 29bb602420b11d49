// The printed receipt for an application, built the same way wherever it is
// printed (right after submitting, or reprinted from the specialist desk), by
// main from the application in its store (printer:print-receipt): a screen names
// which application, never the words. The printer driver masks the ID number. Each QR code is a URL from the station's
// link templates that a phone can open: the status page for the tracking number
// and, for a fee paid by phone, the payment page for that order. Neither holds
// personal data (the templates take only the tracking number and the amount).
import type { ServiceDefinition } from '../catalogue/schema/service.js';
import { paymentLink, statusLink, type Links } from '../domain/links.js';
import type { ApplicationReceipt, PaymentDue } from '../domain/receipt.js';
import { afterSubmit } from '../flow/after-submit.js';
import { paymentDue } from '../flow/payment.js';

/** What a receipt reprinted at the desk says next, in place of the service's own words. */
export const REPRINT_NEXT_STEPS = ['这是补打的回执。', '凭办件编号可以查询办理进度。'] as const;

export function applicationReceipt(opts: {
  stationName: string;
  serviceTitle: string;
  /** Full or already-masked ID number: it is printed masked either way. */
  idNumber: string;
  trackingNumber: string;
  /** The server's 受理号, when it has accepted the application. */
  receiptNumber?: string | null;
  time: Date | string;
  nextSteps: readonly string[];
  links: Links;
  payment?: PaymentDue | null;
}): ApplicationReceipt {
  const time = typeof opts.time === 'string' ? opts.time : opts.time.toISOString();
  const pay = opts.payment;
  return {
    kind: 'application',
    stationName: opts.stationName,
    serviceTitle: opts.serviceTitle,
    time,
    idNumber: opts.idNumber,
    trackingNumber: opts.trackingNumber,
    ...(opts.receiptNumber ? { receiptNumber: opts.receiptNumber } : {}),
    qrPayload: statusLink(opts.links, opts.trackingNumber),
    ...(pay
      ? { payment: { ...pay, ...(pay.method === 'village-office' ? {} : { qrPayload: paymentLink(opts.links, opts.trackingNumber, pay.amountYuan) }) } }
      : {}),
    nextSteps: opts.nextSteps.slice(0, 10).map((l) => l.slice(0, 200)),
  };
}

/**
 * The receipt of an application as the store holds it: the service's title and
 * next steps from the catalogue, the fee from what was filed, the station's name
 * and links from its config.
 */
export function receiptForApplication(opts: {
  service: ServiceDefinition;
  stationName: string;
  links: Links;
  applicantIdNumber: string;
  trackingNumber: string;
  receiptNumber: string | null;
  createdAt: string;
  formData: Readonly<Record<string, unknown>>;
  reprint: boolean;
}): ApplicationReceipt {
  const words = afterSubmit(opts.service, opts.receiptNumber ? { state: 'accepted', receipt: opts.receiptNumber } : { state: 'queued' });
  const nextSteps = opts.reprint ? [...REPRINT_NEXT_STEPS] : (words?.nextSteps.split(/(?<=[。！])/).filter(Boolean) ?? []);
  return applicationReceipt({
    stationName: opts.stationName,
    serviceTitle: opts.service.names.full,
    idNumber: opts.applicantIdNumber,
    trackingNumber: opts.trackingNumber,
    receiptNumber: opts.receiptNumber,
    time: opts.createdAt,
    nextSteps,
    links: opts.links,
    payment: paymentDue(opts.service, opts.formData),
  });
}
