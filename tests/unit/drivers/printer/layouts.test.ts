import { describe, expect, it } from 'vitest';
import type { CertificatePrintout } from '../../../../common/domain/receipt.js';
import { receipt } from '../../../fixtures/drivers/receipts.js';
import { receiptDocumentSchema } from '../../../../common/domain/receipt.js';
import { EscPosEmulator, formatElements } from '../../../../drivers/printer/emulator.js';
import { printedTime, layoutApplicationReceipt, layoutCertificate } from '../../../../drivers/printer/layouts.js';
import { textColumns, wrapText } from '../../../../drivers/printer/text-width.js';


function decode(bytes: Buffer): string[] {
  const emu = new EscPosEmulator();
  emu.push(bytes);
  return formatElements(emu.elements);
}

describe('receipt layouts', () => {
  it('prints the application receipt with the ID number masked and the QR code', () => {
    expect(receiptDocumentSchema.parse(receipt)).toEqual(receipt);
    const lines = decode(layoutApplicationReceipt(receipt, { columns: 32 }));
    expect(lines).toEqual([
      '办事回执',
      '骆驼湾村便民服务站',
      '-'.repeat(32),
      '办理事项：城乡居民基本养老保险待',
      '遇领取资格认证',
      '办理时间：2026年11月22日 14:05',
      '身份证号：1306**********004X',
      '办件编号：',
      'XY20261122-0007',
      '-'.repeat(32),
      '[QR] https://xiangyin.example.invalid/track/XY20261122-0007',
      '扫码查看办理进度',
      '-'.repeat(32),
      '接下来：',
      '1. 乡镇社保所三个工作日内审核。',
      '2. 审核结果会用短信告诉您，也可',
      '以扫码查看。',
      '-'.repeat(32),
      '请妥善保管本回执',
      '[CUT]',
    ]);
    expect(lines.join('\n')).not.toContain('13062419681120004X');
  });

  it('prints a certificate ending in a full cut', () => {
    const cert: CertificatePrintout = {
      kind: 'certificate',
      title: '参保缴费证明',
      holderName: '王㛃',
      idNumber: '13062419681120004X',
      body: ['兹证明王㛃自2012年起参加城乡居民基本养老保险，缴费正常。'],
      issuedBy: '阜平县社会保险事业服务中心',
      issuedAt: '2026-11-22T02:00:00+08:00',
      qrPayload: 'VERIFY-123',
    };
    const emu = new EscPosEmulator();
    emu.push(layoutCertificate(cert, { columns: 48 }));
    const lines = formatElements(emu.elements);
    expect(lines[0]).toBe('参保缴费证明');
    expect(lines).toContain('姓名：王㛃');
    expect(lines).toContain('身份证号：1306**********004X');
    expect(lines).toContain('出具时间：2026年11月22日 02:00');
    expect(lines).toContain('[QR] VERIFY-123');
    expect(emu.elements.at(-1)).toEqual({ type: 'cut', partial: false });
  });

  it('wraps by display columns and keeps codes whole', () => {
    expect(wrapText('办件编号 XY20261122-0007', 16)).toEqual(['办件编号', 'XY20261122-0007']);
    for (const l of wrapText('一二三四五六七八九十一二三四五六七八', 10)) expect(textColumns(l)).toBeLessThanOrEqual(10);
    expect(printedTime('2026-12-31T16:30:00Z')).toBe('2027年01月01日 00:30');
    expect(printedTime('2026-12-05T23:31:00Z', 'Asia/Shanghai')).toBe('2026年12月06日 07:31');
    expect(printedTime('2026-12-05T23:31:00Z', 'Asia/Urumqi')).toBe('2026年12月06日 05:31');
  });
});
