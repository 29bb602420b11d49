import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { speakDate, speakDigits, speakIdNumber, speakInteger, speakIsoDate, speakMoney, speakQuantity } from '../../../common/spoken/index.js';

describe('spoken numbers', () => {
  it('reads ID numbers digit by digit, X as 叉, in 6-8-4 groups', () => {
    expect(speakIdNumber('11010519491231002X')).toBe('幺幺零幺零五，幺九四九幺二三幺，零零二叉');
    expect(speakIdNumber('11010519491231002x')).toContain('叉');
  });

  it('reads digit strings one by one with 幺 for 1 (or 一 when asked)', () => {
    expect(speakDigits('13800138000')).toBe('幺三八零零幺三八零零零');
    expect(speakDigits('2026', { one: '一' })).toBe('二零二六');
    expect(speakDigits('12-3')).toBe('幺二三');
  });

  it('reads quantities the way people say them', () => {
    expect(speakInteger(0)).toBe('零');
    expect(speakInteger(10)).toBe('十');
    expect(speakInteger(15)).toBe('十五');
    expect(speakInteger(110)).toBe('一百一十');
    expect(speakInteger(1005)).toBe('一千零五');
    expect(speakInteger(10203)).toBe('一万零二百零三');
    expect(speakInteger(100000)).toBe('十万');
    expect(speakInteger(120034)).toBe('十二万零三十四');
    expect(speakInteger(300000000)).toBe('三亿');
    expect(() => speakInteger(-1)).toThrow(RangeError);
    expect(() => speakInteger(1.5)).toThrow(RangeError);
  });

  it('reads money as 元/角/分', () => {
    expect(speakMoney(12350)).toBe('一百二十三元五角');
    expect(speakMoney(30)).toBe('三角');
    expect(speakMoney(5)).toBe('五分');
    expect(speakMoney(100005)).toBe('一千元零五分');
    expect(speakMoney(0)).toBe('零元');
    expect(speakMoney(38000)).toBe('三百八十元');
    expect(() => speakMoney(1.5)).toThrow(RangeError);
  });

  it('says a count or a sum back with its unit, 两 before a measure word', () => {
    expect(speakQuantity(2500, '元')).toBe('两千五百元');
    expect(speakQuantity(22_000, '元')).toBe('两万两千元');
    expect(speakQuantity(20, '元')).toBe('二十元');
    expect(speakQuantity(2, '口人')).toBe('两口人');
    expect(speakQuantity(12, '口人')).toBe('十二口人');
    expect(speakQuantity(3, '位')).toBe('三位');
  });

  it('reads dates as 年月日 with the year digit by digit', () => {
    expect(speakDate({ year: 2026, month: 11, day: 22 })).toBe('二零二六年十一月二十二日');
    expect(speakIsoDate('2027-01-05T08:00:00Z')).toBe('二零二七年一月五日');
    expect(speakIsoDate('not a date')).toBe('not a date');
  });

  it('never leaves an Arabic digit in what it speaks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_99 }), (n) => {
        expect(speakInteger(n)).not.toMatch(/[0-9]/);
        expect(speakMoney(n)).not.toMatch(/[0-9]/);
      }),
      { numRuns: 300 },
    );
  });
});
