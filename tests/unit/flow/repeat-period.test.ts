// Which earlier application counts as the same again (issue 19.15).
import { describe, expect, it } from 'vitest';
import { latestRepeat, periodStart, repeatsWithin } from '../../../common/flow/repeat-period.js';
import { builtinCatalogue } from '../../../common/catalogue/builtin.js';

describe('repeat periods', () => {
  it('starts a calendar year on 1 January and a month on its first day', () => {
    expect(periodStart('calendar-year', '2026-12-06')).toBe('2026-01-01');
    expect(periodStart('calendar-month', '2026-12-06')).toBe('2026-12-01');
    expect(periodStart('none', '2026-12-06')).toBeNull();
  });

  it('counts in-progress and done applications of this period, not last year, rejected or drafts', () => {
    const today = '2026-12-06';
    expect(repeatsWithin('calendar-year', today, { on: '2026-12-06', status: 'queued' })).toBe(true);
    expect(repeatsWithin('calendar-year', today, { on: '2026-01-01', status: 'completed' })).toBe(true);
    expect(repeatsWithin('calendar-year', today, { on: '2025-12-31', status: 'accepted' })).toBe(false);
    expect(repeatsWithin('calendar-year', today, { on: '2026-03-01', status: 'rejected' })).toBe(false);
    expect(repeatsWithin('calendar-year', today, { on: '2026-03-01', status: 'draft' })).toBe(false);
    expect(repeatsWithin('calendar-month', today, { on: '2026-11-30', status: 'accepted' })).toBe(false);
    expect(repeatsWithin('none', today, { on: today, status: 'accepted' })).toBe(false);
  });

  it('declares a calendar year for 养老认证 and the allowances in the catalogue', () => {
    const period = (id: string) => builtinCatalogue().services.find((s) => s.id === id)?.repeatPeriod;
    expect(period('pension-certification')).toBe('calendar-year');
    expect(period('elderly-allowance')).toBe('calendar-year');
    expect(period('subsistence-allowance')).toBe('calendar-year');
  });

  it("reads both dates in the station's time zone, not the host's: a new year in Shanghai while UTC is still in the old one", () => {
    // 00:30 on 1 January 2027 in Shanghai; the application was filed at 23:00 on 31 December there.
    const now = new Date('2026-12-31T16:30:00Z');
    const filed = [{ createdAt: '2026-12-31T15:00:00Z', status: 'accepted' as const }];
    expect(latestRepeat('calendar-year', now, 'Asia/Shanghai', filed)).toBeNull();
    // Read in UTC (what the host clock of a kiosk set to UTC said), both fell on 31 December: a repeat.
    expect(latestRepeat('calendar-year', now, 'UTC', filed)).toEqual(filed[0]);
    // And the latest of several repeats is the one shown.
    const two = [{ createdAt: '2027-01-01T01:00:00Z', status: 'queued' as const }, { createdAt: '2027-01-02T01:00:00Z', status: 'accepted' as const }];
    expect(latestRepeat('calendar-year', new Date('2027-03-01T00:00:00Z'), 'Asia/Shanghai', two)).toEqual(two[1]);
  });
});
