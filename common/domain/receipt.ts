// Documents the kiosk prints. The renderer sends these to `printer:print`; the
// printer driver lays them out (and masks the ID number: the full number is
// never put on paper a resident might leave behind).
import { z } from 'zod';

const line = z.string().min(1).max(200);

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
  /** What the QR code encodes (e.g. a status URL with the tracking number). */
  qrPayload: z.string().min(1).max(500),
  /** What happens next, in plain words, one short sentence per line. */
  nextSteps: z.array(line).max(10),
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
