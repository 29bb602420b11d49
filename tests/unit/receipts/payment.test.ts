// 医保缴费: what the resident is told, shown and given on paper follows what they
// chose under 怎么交钱. Paying at the village office is said as what to bring,
// where and by when, with no QR code; paying by phone gets the station's payment
// URL; and every receipt's QR codes are the station's links, never a bare number.
import { describe, expect, it } from 'vitest';
import { builtinCatalogue } from '../../../common/catalogue/builtin.js';
import { afterSubmit } from '../../../common/flow/after-submit.js';
import { paymentDue, paymentWords } from '../../../common/flow/payment.js';
import { DEFAULT_LINKS } from '../../../common/domain/links.js';
import { receiptDocumentSchema } from '../../../common/domain/receipt.js';
import { PRINT_FAILURE_WORDS } from '../../../drivers/printer/printer.js';
import { applicationReceipt } from '../../../common/documents/application-receipt.js';
import { t } from '../../../renderer/src/i18n/zh-CN.js';
import { specialistStrings } from '../../../renderer/src/i18n/specialist.zh-CN.js';

const medical = builtinCatalogue().services.find((s) => s.id === 'medical-insurance-payment')!;
const form = (payMethod: string) => ({ payFor: 'self', payMethod, 'fee.year': 2027, 'fee.persons': 1, 'fee.totalYuan': 400 });

function receiptFor(payMethod: string) {
  return applicationReceipt({
    stationName: '白水村便民服务站',
    serviceTitle: medical.names.full,
    idNumber: '110101194303050028',
    trackingNumber: 'XY-20261206-0014',
    time: '2026-12-06T01:10:00Z',
    nextSteps: ['交了以后，2027年看病就能报销。'],
    links: DEFAULT_LINKS,
    payment: paymentDue(medical, form(payMethod)),
  });
}

describe('paying for 医保', () => {
  it('到村委会交: says the amount, the deadline, what to bring and where, and no QR code', () => {
    const due = paymentDue(medical, form('village-office'))!;
    expect(due).toEqual({ amountYuan: 400, deadline: '2026-12-31', method: 'village-office' });
    const words = paymentWords(due, 'screen');
    expect(words).toBe('一共要交400元，请在2026年12月31日前交。请带上身份证和400元现金，到村委会交，不用扫码。');
    expect(words).not.toMatch(/二维码|扫屏幕|用手机/);
    // Nor does anything the catalogue says after submitting.
    for (const r of [{ state: 'queued' as const }, { state: 'accepted' as const, receipt: 'SB-1' }]) {
      const w = afterSubmit(medical, r)!;
      expect(`${w.say}${w.nextSteps}`).not.toMatch(/二维码|扫码/);
    }
    const doc = receiptFor('village-office');
    expect(doc.payment).toEqual({ amountYuan: 400, deadline: '2026-12-31', method: 'village-office' });
  });

  it('手机扫码: the QR code is the station payment URL for this order and amount', () => {
    const due = paymentDue(medical, form('qr-phone'))!;
    expect(paymentWords(due, 'screen')).toBe('一共要交400元，请在2026年12月31日前交。请用手机扫屏幕上的二维码交钱。');
    // On paper the code is printed under the words.
    expect(paymentWords(due, 'paper')).toBe('请用手机扫下面的二维码交钱。');
    const doc = receiptFor('qr-phone');
    expect(doc.payment?.qrPayload).toBe('https://pay.example.invalid/xiangyin/pay?order=XY-20261206-0014&amount=400');
    expect(doc.qrPayload).toBe('https://status.example.invalid/xiangyin/track/XY-20261206-0014');
    expect(receiptDocumentSchema.parse(doc)).toEqual(doc);
    expect(JSON.stringify(doc.qrPayload + doc.payment?.qrPayload)).not.toContain('110101194303050028');
  });

  it('a service without a fee has nothing due, and its receipt QR code is still a status URL', () => {
    const pension = builtinCatalogue().services.find((s) => s.id === 'pension-certification')!;
    expect(paymentDue(pension, { forWhom: 'self' })).toBeNull();
    const doc = applicationReceipt({
      stationName: 's',
      serviceTitle: pension.names.full,
      idNumber: '110101194303050028',
      trackingNumber: 'XY-20261206-0001',
      time: '2026-12-06T01:10:00Z',
      nextSteps: [],
      links: DEFAULT_LINKS,
    });
    expect(doc.payment).toBeUndefined();
    expect(new URL(doc.qrPayload).pathname).toBe('/xiangyin/track/XY-20261206-0001');
  });
});

describe('print failures said once, with no doubled 。', () => {
  it.each(Object.keys(PRINT_FAILURE_WORDS))('%s', (reason) => {
    const msg = PRINT_FAILURE_WORDS[reason as keyof typeof PRINT_FAILURE_WORDS];
    for (const said of [t.flow.printFailed(msg), specialistStrings.queue.printFailed(msg), specialistStrings.devices.printFailed(msg)]) {
      expect(said).not.toMatch(/[。，：]{2}|：。/u);
      expect(said).toContain(msg.replace(/。$/, ''));
      expect(said.endsWith('。')).toBe(true);
    }
  });
});
