// The printed receipt for an application, built the same way wherever it is
// printed (right after submitting, or reprinted from the specialist desk). The
// printer driver masks the ID number; the QR code carries the tracking number so
// the village office can scan it straight into its lookup.
import type { ApplicationReceipt } from '../../../common/domain/receipt.js';

export function applicationReceipt(opts: {
  stationName: string;
  serviceTitle: string;
  /** Full or already-masked ID number: it is printed masked either way. */
  idNumber: string;
  trackingNumber: string;
  time: Date | string;
  nextSteps: readonly string[];
}): ApplicationReceipt {
  const time = typeof opts.time === 'string' ? opts.time : opts.time.toISOString();
  return {
    kind: 'application',
    stationName: opts.stationName,
    serviceTitle: opts.serviceTitle,
    time,
    idNumber: opts.idNumber,
    trackingNumber: opts.trackingNumber,
    qrPayload: opts.trackingNumber,
    nextSteps: opts.nextSteps.slice(0, 10).map((l) => l.slice(0, 200)),
  };
}
