// Which earlier application counts as the same again (issue 19.15).
import { describe, expect, it } from 'vitest';
import { periodStart, repeatsWithin } from '../../../common/flow/repeat-period.js';
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
});
