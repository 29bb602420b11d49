// Documents the kiosk prints. Main composes them (common/documents/) from its own records; the
// printer driver lays them out (and masks the ID number: the full number is
// never put on paper a resident might leave behind).
import { z } from 'zod';

const line = z.string().min(1).max(200);

export const payMethods = ['qr-phone', 'village-office'] as const;
export type PayMethod = (typeof payMethods)[number];

/** What is due for a fee (城乡居民医保), and how the resident chose to pay it. */
export const paymentDueSchema = z
  .object({
    amountYuan: z.number().int().positive().max(1_000_000),
    /** The last day to pay, YYYY-MM-DD. */
    deadline: z.iso.date(),
    /** null when the resident was not asked: both ways are offered. */
    method: z.enum(payMethods).nullable(),
  })
  .strict();
export type PaymentDue = z.infer<typeof paymentDueSchema>;

/** A QR code's content may never hold the ID number (in clear or URL-encoded) or the name. */
function leaksPersonalData(payload: string, personal: readonly string[]): boolean {
  let decoded = payload;
  try {
    decoded = decodeURIComponent(payload);
  } catch {
    // Not URL-encoded: the payload as it is.
  }
  return personal.some((p) => p.length >= 2 && !p.includes('*') && (payload.includes(p) || decoded.includes(p)));
}

export const applicationReceiptSchema = z.object({
  kind: z.literal('application'),
  /** e.g. 乡音便民服务站 (the station's name from its config). */
  stationName: z.string().min(1).max(60),
  /** e.g. 城乡居民养老保险待遇领取资格认证 */
  serviceTitle: z.string().min(1).max(80),
  /** ISO 8601 time of the application; printed as local date and time. */
  time: z.iso.datetime({ offset: true }),
  /** The applicant's ID number in full; printed masked. */
  idNumber: z.string().min(1).max(18),
  trackingNumber: z.string().min(1).max(40),
  /** The server's receipt number (受理号), once it accepted the application. */
  receiptNumber: z.string().min(1).max(40).optional(),
  /** What the status QR code encodes: the station's `links.status` URL with the tracking number. */
  qrPayload: z.string().min(1).max(500),
  /** For a fee: the amount, the deadline and how to pay; a payment QR code when paid by phone. */
  payment: paymentDueSchema.extend({ qrPayload: z.string().min(1).max(500).optional() }).strict().optional(),
  /** What happens next, in plain words, one short sentence per line. */
  nextSteps: z.array(line).max(10),
}).refine((d) => !leaksPersonalData(d.qrPayload, [d.idNumber]) && !(d.payment?.qrPayload && leaksPersonalData(d.payment.qrPayload, [d.idNumber])), {
  message: 'a QR code must not hold the ID number',
  path: ['qrPayload'],
});
export type ApplicationReceipt = z.infer<typeof applicationReceiptSchema>;

export const certificatePrintoutSchema = z.object({
  kind: z.literal('certificate'),
  /** e.g. 居民养老保险参保证明 */
  title: z.string().min(1).max(60),
  holderName: z.string().min(1).max(30),
  /** Printed masked, like on the receipt. */
  idNumber: z.string().min(1).max(18),
  body: z.array(line).min(1).max(30),
  issuedBy: z.string().min(1).max(60),
  issuedAt: z.iso.datetime({ offset: true }),
  /** Optional verification code (e.g. a URL to check the certificate). */
  qrPayload: z.string().min(1).max(500).optional(),
}).refine((d) => !(d.qrPayload && leaksPersonalData(d.qrPayload, [d.idNumber, d.holderName])), {
  message: 'a QR code must not hold the ID number or the name',
  path: ['qrPayload'],
});
export type CertificatePrintout = z.infer<typeof certificatePrintoutSchema>;

export const receiptDocumentSchema = z.discriminatedUnion('kind', [applicationReceiptSchema, certificatePrintoutSchema]);
export type ReceiptDocument = z.infer<typeof receiptDocumentSchema>;

/** Why a print did not happen, in terms the UI can say plainly. */
export const printFailureReasons = ['paper-out', 'cover-open', 'offline', 'cutter-error', 'no-reply', 'io-error'] as const;
export type PrintFailureReason = (typeof printFailureReasons)[number];

export const printResultSchema = z.discriminatedUnion('printed', [
  z.object({ printed: z.literal(true) }),
  /** Nothing was printed; the caller keeps the document and can print it again later. */
  z.object({ printed: z.literal(false), reason: z.enum(printFailureReasons), message: z.string() }),
]);
export type PrintResult = z.infer<typeof printResultSchema>;
