// Times as the desk shows them: in the station's time zone, 24-hour, without seconds.
import { zonedClock, zonedMonthDayClock } from '../../../common/time/zoned.js';
import { stationTimeZone } from '../app/station-time.js';

export function clockTime(iso: string, tz: string = stationTimeZone()): string {
  return zonedClock(iso, tz);
}

export function dateTime(iso: string, tz: string = stationTimeZone()): string {
  return zonedMonthDayClock(iso, tz);
}
