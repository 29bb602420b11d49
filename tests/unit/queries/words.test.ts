// The query screens' pure helpers: dates in Beijing time, money and counts
// spoken right, a record's rows, the 截至 notice, application status words.
import { describe, expect, it } from 'vitest';
import { stationDay, plainDate, shownYuan, spokenDate, spokenYuan } from '../../../renderer/src/services/queries/dates.js';
import { cacheNotice, recordView } from '../../../renderer/src/services/queries/social-insurance-words.js';
import { applicationWords, newestFirst, speakCode, statusLine } from '../../../renderer/src/services/queries/application-words.js';
import { lookupFailureWords } from '../../../renderer/src/services/queries/lookup-words.js';
import { printFailureWords } from '../../../renderer/src/services/queries/print-words.js';
import { printFailureReasons } from '../../../common/domain/receipt.js';
import { record } from './fixtures.js';


describe('dates and money', () => {
  it('shows server times as the Beijing calendar day', () => {
    // 23:30 UTC is already the next morning in Beijing.
    expect(stationDay('2026-11-22T23:30:00.000Z')).toBe('2026-11-23');
    expect(stationDay('2026-11-22T23:30:00.000Z', 'Asia/Urumqi')).toBe('2026-11-23');
    expect(stationDay('2026-11-22T15:30:00.000Z', 'Asia/Urumqi')).toBe('2026-11-22');
    expect(stationDay('2026-11-22T10:00:00+08:00')).toBe('2026-11-22');
    expect(stationDay('2011-07-01')).toBe('2011-07-01');
    expect(plainDate('2011-07-01')).toBe('2011年7月1日');
    expect(plainDate('not a date')).toBe('not a date');
  });

  it('speaks dates as 年月日 with the year digit by digit', () => {
    expect(spokenDate('2011-07-01')).toBe('二零一一年七月一日');
    expect(spokenDate('2026-11-22T23:30:00.000Z')).toBe('二零二六年十一月二十三日');
  });

  it('shows whole yuan whole and fen with two places; speaks 元/角', () => {
    expect(shownYuan(300)).toBe('300 元');
    expect(shownYuan(236.5)).toBe('236.50 元');
    expect(spokenYuan(236.5)).toBe('二百三十六元五角');
    expect(spokenYuan(300)).toBe('三百元');
    // Floating point must not turn 0.29 into 28 fen.
    expect(spokenYuan(0.29)).toBe('二角九分');
  });
});

describe('recordView', () => {
  it('lists the record in label → value rows', () => {
    const v = recordView(record);
    expect(v.heading).toBe('张秀英的参保信息');
    expect(Object.fromEntries(v.rows.map((r) => [r.key, r.value]))).toEqual({
      type: '城乡居民基本养老保险',
      status: '正常领取待遇',
      since: '2011年7月1日',
      months: '180 个月（15 年）',
      pension: '236.50 元',
      agency: '北京市东城区社会保险事业管理中心',
    });
  });

  it('keeps the three most recent payments, newest first', () => {
    const p = record.payments;
    const shuffled = { ...record, payments: [p[3]!, p[0]!, p[5]!, p[1]!, p[4]!, p[2]!] };
    expect(recordView(shuffled).payments).toEqual(['2026 年交了 300 元，2026年3月15日交的', '2025 年交了 300 元，2025年3月15日交的', '2024 年交了 300 元，2024年3月15日交的']);
  });

  it('speaks every number right: no digits left for the TTS to misread', () => {
    const { spoken } = recordView(record);
    expect(spoken).toContain('参保时间，二零一一年七月一日');
    expect(spoken).toContain('缴费一百八十个月，也就是十五年');
    expect(spoken).toContain('每月养老金，二百三十六元五角');
    expect(spoken).toContain('二零二六年交了三百元');
    expect(spoken).not.toMatch(/\d/);
  });

  it('says 还没有开始领 for someone still paying in, and months beyond whole years', () => {
    const v = recordView({ ...record, pensionMonthlyYuan: null, monthsPaid: 118 });
    expect(v.rows.find((r) => r.key === 'pension')?.value).toBe('还没有开始领');
    expect(v.rows.find((r) => r.key === 'months')?.value).toBe('118 个月（9 年 10 个月）');
    expect(v.spoken).toContain('缴费一百一十八个月，也就是九年零十个月');
    expect(v.spoken).toContain('每月养老金，还没有开始领');
  });
});

describe('cacheNotice', () => {
  it('says plainly that the copy is saved, with its date, shown and spoken', () => {
    const n = cacheNotice('2026-11-20T02:00:00.000Z');
    expect(n.shown).toContain('截至2026年11月20日');
    expect(n.shown).toContain('网络暂时断开');
    expect(n.spoken).toContain('截至二零二六年十一月二十日');
  });
});

describe('application status words', () => {
  const base = { status: 'queued' as const, receiptNumber: null, reason: null, createdAt: '2026-11-22T02:00:00.000Z' };

  it('words every status plainly', () => {
    expect(statusLine('queued', null, null)).toBe('已保存，等待提交');
    expect(statusLine('sending', null, null)).toBe('正在提交');
    expect(statusLine('accepted', 'SL20261122001', null)).toBe('已受理，受理号：SL20261122001');
    expect(statusLine('completed', 'SL20261122001', null)).toBe('已办结');
    expect(statusLine('rejected', null, '照片看不清')).toBe('未通过，原因：照片看不清');
    expect(statusLine('rejected', null, null)).toBe('未通过');
  });

  it('promises automatic submission while queued, and reads the receipt number character by character', () => {
    const queued = applicationWords(base, '养老认证');
    expect(queued.note).toContain('自动提交');
    expect(queued.when).toBe('2026年11月22日办的');
    const accepted = applicationWords({ ...base, status: 'accepted', receiptNumber: 'SL-2026-11' }, '养老认证');
    expect(accepted.note).toBeNull();
    expect(accepted.spoken).toContain('养老认证');
    expect(accepted.spoken).toContain('受理号，S L 二 零 二 六 幺 幺');
    expect(accepted.spoken).not.toMatch(/\d/);
  });

  it('speakCode drops separators and keeps letters', () => {
    expect(speakCode('A-10')).toBe('A 幺 零');
  });

  it('lists newest first', () => {
    const apps = [{ createdAt: '2026-01-01' }, { createdAt: '2026-03-01' }, { createdAt: '2026-02-01' }];
    expect(newestFirst(apps).map((a) => a.createdAt)).toEqual(['2026-03-01', '2026-02-01', '2026-01-01']);
  });
});

describe('failure words', () => {
  it('has plain words for every print failure the printer can report', () => {
    for (const r of printFailureReasons) expect(printFailureWords(r)).toMatch(/打印机/);
    expect(printFailureWords('paper-out')).toContain('没有纸');
    expect(printFailureWords('unavailable')).toContain('没有接打印机');
  });

  it('tells offline-and-nothing-saved apart from other failures', () => {
    expect(lookupFailureWords({ code: 'not-found' })).toContain('本机也没有保存');
    expect(lookupFailureWords({ code: 'storage-error' })).toContain('再试一次');
  });
});
