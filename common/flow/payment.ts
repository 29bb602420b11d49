// What a resident owes after registering for a fee (城乡居民医保), and the words
// that say it: how much, by when, and how, exactly as they chose. Paying at the
// village office means bringing cash and the ID card there: no QR code is shown
// or promised. The same words go on the screen, into speech and onto paper.
import type { ServiceDefinition } from '../catalogue/schema/service.js';
import { payMethods, type PayMethod, type PaymentDue } from '../domain/receipt.js';

/** The last day to pay: the fee's own deadline, else 31 December of the year before the covered year. */
export function feeDeadline(fee: NonNullable<ServiceDefinition['fee']>): string {
  return fee.deadline ?? `${fee.year - 1}-12-31`;
}

/** What is due for this submission, or null for a service without a fee. */
export function paymentDue(service: ServiceDefinition, formData: Readonly<Record<string, unknown>>): PaymentDue | null {
  const fee = service.fee;
  const total = formData['fee.totalYuan'];
  if (!fee || typeof total !== 'number' || total <= 0) return null;
  const m = formData[fee.methodField];
  const method = (payMethods as readonly unknown[]).includes(m) ? (m as PayMethod) : null;
  return { amountYuan: total, deadline: feeDeadline(fee), method };
}

/** 2026-12-31 → 2026年12月31日 */
export function dateWords(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * How to pay, in plain words. On the screen (and read aloud) it says the amount
 * and the deadline too; on paper those have lines of their own above it.
 */
export function paymentWords(due: PaymentDue, where: 'screen' | 'paper'): string {
  const head = where === 'screen' ? `一共要交${due.amountYuan}元，请在${dateWords(due.deadline)}前交。` : '';
  const bring = where === 'paper' ? '身份证、本回执' : '身份证';
  // On paper the code is printed below the words; on the screen it stands beside them (kiosk) or wherever
  // the layout put it at this text size, so the screen says only that it is on the screen.
  const qr = where === 'paper' ? '下面的二维码' : '屏幕上的二维码';
  if (due.method === 'village-office') return `${head}请带上${bring}和${due.amountYuan}元现金，到村委会交，不用扫码。`;
  if (due.method === 'qr-phone') return `${head}请用手机扫${qr}交钱。`;
  return `${head}可以用手机扫${qr}交，也可以带上${bring}和现金到村委会交。`;
}
