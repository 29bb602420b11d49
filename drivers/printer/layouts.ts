// What goes on paper. Large text for the part a resident needs (what they applied
// for, the tracking number), the ID number always masked, and what happens next
// in short plain sentences. Every layout ends with a cut.
import { maskIdNumber } from '../../common/domain/id-number.js';
import { DEFAULT_TIME_ZONE, zonedPrintedTime } from '../../common/time/zoned.js';
import type { ApplicationReceipt, CertificatePrintout, ReceiptDocument } from '../../common/domain/receipt.js';
import { EscPos } from './escpos.js';
import { wrapText } from './text-width.js';

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

export function layoutApplicationReceipt(doc: ApplicationReceipt, opts: LayoutOptions): Buffer {
  const cols = opts.columns;
  const p = new EscPos().init();
  p.align('center').bold(true).size(2, 2);
  for (const l of wrapText('办事回执', cols / 2)) p.line(l);
  p.size(1, 1).bold(false);
  p.line(doc.stationName);
  p.line('-'.repeat(cols));
  p.align('left');
  labelled(p, '办理事项：', doc.serviceTitle, cols);
  labelled(p, '办理时间：', printedTime(doc.time, opts.timeZone), cols);
  labelled(p, '身份证号：', maskIdNumber(doc.idNumber), cols);
  p.line('受理编号：');
  p.align('center').bold(true).size(2, 2);
  for (const l of wrapText(doc.trackingNumber, cols / 2)) p.line(l);
  p.size(1, 1).bold(false);
  p.qr(doc.qrPayload, { moduleSize: 6, errorLevel: 'M' });
  p.line('扫码查看办理进度');
  p.align('left');
  if (doc.nextSteps.length) {
    p.line('-'.repeat(cols));
    p.bold(true).line('接下来：').bold(false);
    doc.nextSteps.forEach((step, i) => {
      for (const l of wrapText(`${i + 1}. ${step}`, cols)) p.line(l);
    });
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
  for (const para of doc.body) for (const l of wrapText(para, cols)) p.line(l);
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
