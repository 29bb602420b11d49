// The 参保证明 document main prints (printer:print-certificate) and the screen
// previews: valid for the printer, with the lines a resident and the receiving
// office need, its days the station's, and saying so when it was built from the
// saved copy.
import { describe, expect, it } from 'vitest';
import { certificatePrintoutSchema } from '../../../common/domain/receipt.js';
import { insuranceCertificate, CERTIFICATE_PAYMENT_YEARS } from '../../../common/documents/insurance-certificate.js';
import { record } from '../queries/fixtures.js';

const issuedAt = new Date('2026-11-22T02:00:00.000Z');

describe('insuranceCertificate', () => {
  it('builds a certificate the printer channel accepts', () => {
    const doc = insuranceCertificate({ record, idNumber: '110101194303050028', source: 'live', fetchedAt: '2026-11-22T01:59:00.000Z', issuedAt, timeZone: 'Asia/Shanghai' });
    expect(certificatePrintoutSchema.parse(doc)).toEqual(doc);
    expect(doc.title).toBe('城乡居民基本养老保险参保证明');
    expect(doc.holderName).toBe('张秀英');
    expect(doc.issuedBy).toBe('北京市东城区社会保险事业管理中心');
    expect(doc.body).toEqual([
      '兹证明张秀英参加了城乡居民基本养老保险。',
      '参保时间：2011年7月1日',
      '参保状态：正常领取待遇',
      '累计缴费：180个月',
      '每月养老金：236.50元',
      '2026年缴费300元（2026年3月15日）',
      '2025年缴费300元（2025年3月15日）',
      '2024年缴费300元（2024年3月15日）',
      '2023年缴费300元（2023年3月15日）',
      '2022年缴费300元（2022年3月15日）',
      '2021年缴费300元（2021年3月15日）',
      '以上信息截至2026年11月22日。',
    ]);
  });

  it('says when it was printed from the saved copy, and leaves out a pension not yet drawn', () => {
    const doc = insuranceCertificate({ record: { ...record, pensionMonthlyYuan: null }, idNumber: '110101194303050028', source: 'cache', fetchedAt: '2026-11-01T00:00:00.000Z', issuedAt, timeZone: 'Asia/Shanghai' });
    expect(doc.body.at(-1)).toBe('本证明依据本机保存的记录打印。');
    expect(doc.body).toContain('以上信息截至2026年11月1日。');
    expect(doc.body.some((l) => l.startsWith('每月养老金'))).toBe(false);
  });

  it('puts at most a few years of payments on paper', () => {
    const many = { ...record, payments: Array.from({ length: 15 }, (_, i) => ({ year: 2012 + i, amountYuan: 200, paidAt: `${2012 + i}-03-15` })) };
    const doc = insuranceCertificate({ record: many, idNumber: '110101194303050028', source: 'live', fetchedAt: issuedAt.toISOString(), issuedAt, timeZone: 'Asia/Shanghai' });
    expect(doc.body.filter((l) => /^\d{4}年缴费/.test(l))).toHaveLength(CERTIFICATE_PAYMENT_YEARS);
    expect(certificatePrintoutSchema.safeParse(doc).success).toBe(true);
  });
});
