// Copies of one 参保证明 are the same paper: the issue time printed on them (to
// the minute) is the first copy's, even when the copies straddle a minute.
import { describe, expect, it } from 'vitest';
import { IssueTimes } from '../../../main/printing/issue-times.js';

describe('IssueTimes', () => {
  it('keeps the first copy\'s time for the next copies of the same record, for half an hour', () => {
    let now = new Date('2026-12-06T09:59:59.500Z');
    const times = new IssueTimes(() => now);
    const first = times.at('110101194303050028', '2026-12-06T09:59:00.000Z');
    now = new Date('2026-12-06T10:00:00.500Z'); // the second copy, in the next minute
    expect(times.at('110101194303050028', '2026-12-06T09:59:00.000Z')).toEqual(first);
    // Another copy of the record (fetched again), or another resident: a new paper, now.
    expect(times.at('110101194303050028', '2026-12-06T10:00:00.000Z')).toEqual(now);
    expect(times.at('130624193808120037', '2026-12-06T10:00:00.000Z')).toEqual(now);
    // The same record printed again after half an hour is a new paper too.
    const again = times.at('130624193808120037', '2026-12-06T10:00:00.000Z');
    now = new Date('2026-12-06T10:31:00.000Z');
    expect(times.at('130624193808120037', '2026-12-06T10:00:00.000Z')).not.toEqual(again);
  });
});
