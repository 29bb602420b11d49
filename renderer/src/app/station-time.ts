// The station's time zone, as app:info gave it at start (config `timeZone`). Set
// once before the first screen renders; every date and time the renderer shows
// or says goes through it rather than the browser's own zone, which on a kiosk
// image is often UTC. Not personal data: one value for the whole station.
import { DEFAULT_TIME_ZONE, zonedDay } from '../../../common/time/zoned.js';

let zone = DEFAULT_TIME_ZONE;

export function setStationTimeZone(tz: string): void {
  zone = tz;
}

export function stationTimeZone(): string {
  return zone;
}

/** Today in the station's time zone (a keyed number's birth date is checked against it, and the flow's age rules). */
export function todayIso(now = new Date()): string {
  return zonedDay(now, zone);
}
