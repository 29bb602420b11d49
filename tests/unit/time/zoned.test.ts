// The station's one time zone at the UTC day boundary the issue met: 23:31 UTC on
// 12月5日 is 07:31 on 12月6日 in Shanghai, and everything shown, printed or
// counted must say the 6th.
import { describe, expect, it } from 'vitest';
import { isTimeZone, startOfZonedDay, zonedClock, zonedDay, zonedMonthDayClock, zonedPrintedTime } from '../../../common/time/zoned.js';
import { parseStationConfig } from '../../../main/core/config.js';
import { clockTime, dateTime } from '../../../renderer/src/specialist/format.js';
import { todayIso } from '../../../renderer/src/app/station-time.js';
import { ManualClock, openTestStore, sampleSubmit, tempDir } from '../store/helpers.js';

const boundary = new Date('2026-12-05T23:31:00Z');

describe('zoned time', () => {
  it('reads the station day and clock, not UTC', () => {
    expect(zonedDay(boundary, 'Asia/Shanghai')).toBe('2026-12-06');
    expect(zonedClock(boundary, 'Asia/Shanghai')).toBe('07:31');
    expect(zonedMonthDayClock(boundary, 'Asia/Shanghai')).toBe('12月6日 07:31');
    expect(zonedPrintedTime(boundary, 'Asia/Shanghai')).toBe('2026年12月06日 07:31');
    expect(zonedDay(boundary, 'UTC')).toBe('2026-12-05');
  });

  it('finds local midnight, also across a daylight-saving change', () => {
    expect(startOfZonedDay(boundary, 'Asia/Shanghai').toISOString()).toBe('2026-12-05T16:00:00.000Z');
    expect(startOfZonedDay(new Date('2026-12-05T15:59:59Z'), 'Asia/Shanghai').toISOString()).toBe('2026-12-04T16:00:00.000Z');
    // New York springs forward at 02:00 on 2026-03-08: midnight was still EST (UTC-5).
    expect(startOfZonedDay(new Date('2026-03-08T20:00:00Z'), 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfZonedDay(new Date('2026-03-09T12:00:00Z'), 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('is a config field with Asia/Shanghai by default, and refuses an unknown zone', () => {
    expect(parseStationConfig({}).timeZone).toBe('Asia/Shanghai');
    expect(parseStationConfig({ timeZone: 'Asia/Urumqi' }).timeZone).toBe('Asia/Urumqi');
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(() => parseStationConfig({ timeZone: 'Mars/Olympus' })).toThrow(/timeZone/);
  });

  it("the desk's times and the renderer's today use the station zone (Asia/Shanghai by default)", () => {
    expect(clockTime(boundary.toISOString())).toBe('07:31');
    expect(dateTime(boundary.toISOString())).toBe('12月6日 07:31');
    expect(todayIso(boundary)).toBe('2026-12-06');
  });
});

describe('tracking numbers', () => {
  it("carry the station's day: at 07:31 on 12月6日 in Shanghai, 20261206", async () => {
    const clock = new ManualClock(boundary.getTime());
    const store = await openTestStore(tempDir(), { clock });
    try {
      const a = store.applications.submit(sampleSubmit(0, false));
      expect(store.applications.get(a.id).localTrackingNumber).toBe('XY-20261206-0001');
    } finally {
      store.close();
    }
  });
});
