// Rejection reasons on the desk: the server's words pass through; bare HTTP
// codes and a missing reason become plain words a specialist can repeat.
import { describe, expect, it } from 'vitest';
import { plainReason } from '../../../renderer/src/specialist/reasons.js';

describe('plainReason', () => {
  it('keeps the server’s own words', () => {
    expect(plainReason('缺少户口本照片，请补拍后重新提交')).toBe('缺少户口本照片，请补拍后重新提交');
  });
  it('turns an HTTP status into words with the code kept for the phone call', () => {
    expect(plainReason('HTTP 422')).toBe('上级系统不接受这份资料（代码 422），请核对资料后重新提交');
  });
  it('says plainly when no reason was given', () => {
    expect(plainReason('未说明原因')).toContain('没有说明原因');
    expect(plainReason('  ')).toContain('没有说明原因');
    expect(plainReason(null)).toBeNull();
  });
});
