// The printed receipt for an application, built the same way wherever it is
// printed (right after submitting, or reprinted from the specialist desk). The
// printer driver masks the ID number. Each QR code is a URL from the station's
// link templates that a phone can open: the status page for the tracking number
// and, for a fee paid by phone, the payment page for that order. Neither holds
// personal data (the templates take only the tracking number and the amount).
import { paymentLink, statusLink, type Links } from '../../../common/domain/links.js';
import type { ApplicationReceipt, PaymentDue } from '../../../common/domain/receipt.js';

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
