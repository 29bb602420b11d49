// What goes on paper. Large text for the part a resident needs (what they applied
// for, the tracking number), the ID number always masked, what is due and by when,
// and what happens next in short plain sentences. Numbers and codes are never
// broken across lines, labels are the screen's (NUMBER_LABELS), and every QR code
// is a URL a phone can open. Every layout ends with a cut.
import { maskIdNumber } from '../../common/domain/id-number.js';
import { NUMBER_LABELS } from '../../common/domain/number-labels.js';
import type { ApplicationReceipt, CertificatePrintout, ReceiptDocument } from '../../common/domain/receipt.js';
import { dateWords, paymentWords } from '../../common/flow/payment.js';
import { DEFAULT_TIME_ZONE, zonedPrintedTime } from '../../common/time/zoned.js';
import { EscPos } from './escpos.js';
import { textColumns, wrapText } from './text-width.js';

export interface LayoutOptions {
  /** Columns of normal-size text: 32 on 58 mm paper, 48 on 80 mm. */
  columns: number;
  /** The station's time zone (config `timeZone`), whatever the machine's clock zone is; default Asia/Shanghai. */
  timeZone?: string;
}

/** A time as receipts print it, in the station's zone: 2026年12月06日 07:31. */
export function printedTime(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  return zonedPrintedTime(iso, timeZone);
}

function labelled(p: EscPos, label: string, value: string, columns: number): void {
  for (const l of wrapText(`${label}${value}`, columns)) p.line(l);
}

/** A number in the largest size (2 or 1) in which it fits on one line, so it is never broken. */
function bigNumber(p: EscPos, value: string, columns: number): void {
  const size = textColumns(value) * 2 <= columns ? 2 : 1;
  p.align('center').bold(true).size(size, size);
  for (const l of wrapText(value, columns / size)) p.line(l);
  p.size(1, 1).bold(false);
}

function paragraph(p: EscPos, text: string, columns: number): void {
  for (const l of wrapText(text, columns)) p.line(l);
}

export function layoutApplicationReceipt(doc: ApplicationReceipt, opts: LayoutOptions): Buffer {
  const cols = opts.columns;
  const p = new EscPos().init();
  p.align('center').bold(true).size(2, 2);
  for (const l of wrapText('办事回执', cols / 2)) p.line(l);
  p.size(1, 1).bold(false);
  paragraph(p, doc.stationName, cols);
  p.line('-'.repeat(cols));
  p.align('left');
  labelled(p, '办理事项：', doc.serviceTitle, cols);
  labelled(p, '办理时间：', printedTime(doc.time, opts.timeZone), cols);
  labelled(p, '身份证号：', maskIdNumber(doc.idNumber), cols);
  p.line(`${NUMBER_LABELS.tracking}：`);
  bigNumber(p, doc.trackingNumber, cols);
  p.align('left');
  if (doc.receiptNumber) labelled(p, `${NUMBER_LABELS.receipt}：`, doc.receiptNumber, cols);
  if (doc.payment) {
    const pay = doc.payment;
    p.line('-'.repeat(cols));
    labelled(p, '应交金额：', `${pay.amountYuan}元`, cols);
    labelled(p, '交费截止：', dateWords(pay.deadline), cols);
    paragraph(p, paymentWords(pay, 'paper'), cols);
    if (pay.method !== 'village-office' && pay.qrPayload) {
      p.align('center').qr(pay.qrPayload, { moduleSize: 6, errorLevel: 'M' });
      p.line('扫码交钱');
      p.align('left');
    }
  }
  p.line('-'.repeat(cols));
  p.align('center').qr(doc.qrPayload, { moduleSize: 6, errorLevel: 'M' });
  p.line('扫码查看办理进度');
  p.align('left');
  if (doc.nextSteps.length) {
    p.line('-'.repeat(cols));
    p.bold(true).line('接下来：').bold(false);
    doc.nextSteps.forEach((step, i) => paragraph(p, `${i + 1}. ${step}`, cols));
  }
  p.line('-'.repeat(cols));
  p.align('center').line('请妥善保管本回执');
  return p.feed(3).cut(true).bytes();
}

export function layoutCertificate(doc: CertificatePrintout, opts: LayoutOptions): Buffer {
  const cols = opts.columns;
  const p = new EscPos().init();
  p.align('center').bold(true).size(2, 2);
  for (const l of wrapText(doc.title, cols / 2)) p.line(l);
  p.size(1, 1).bold(false).feed(1);
  p.align('left');
  labelled(p, '姓名：', doc.holderName, cols);
  labelled(p, '身份证号：', maskIdNumber(doc.idNumber), cols);
  p.line('-'.repeat(cols));
  for (const para of doc.body) paragraph(p, para, cols);
  p.line('-'.repeat(cols));
  labelled(p, '出具单位：', doc.issuedBy, cols);
  labelled(p, '出具时间：', printedTime(doc.issuedAt, opts.timeZone), cols);
  if (doc.qrPayload) {
    p.align('center').qr(doc.qrPayload, { moduleSize: 5, errorLevel: 'M' });
    p.line('扫码核验');
  }
  return p.feed(4).cut(false).bytes();
}

export function layoutDocument(doc: ReceiptDocument, opts: LayoutOptions): Buffer {
  return doc.kind === 'application' ? layoutApplicationReceipt(doc, opts) : layoutCertificate(doc, opts);
}

/** The specialist's test page: shows Chinese text, a 4-byte character, sizes, a QR code and the cutter work. */
export function layoutTestPage(opts: LayoutOptions & { stationName: string; time: string }): Buffer {
  const p = new EscPos().init();
  p.align('center').bold(true).size(2, 2).line('打印测试').size(1, 1).bold(false);
  p.line(opts.stationName);
  p.line(printedTime(opts.time, opts.timeZone));
  p.align('left').line('中文：乡音便民服务站');
  p.line('生僻字：王㛃');
  p.line('-'.repeat(opts.columns));
  p.align('center').qr('XIANGYIN-TEST-PAGE', { moduleSize: 4 });
  return p.feed(3).cut(true).bytes();
}
