// Local calendar facts of instants in a timezone: the local date an instant falls on.

import { formatEpochDay } from './local-date.ts';
import type { LocalDate } from './slot-types.ts';
import { DAY_MS } from './time-units.ts';
import { offsetMsAt, resolveTimeZone, type TimeZone } from './time-zone.ts';

/**
 * Epoch day number of the local date of `instant` in `zone`.
 *
 * Invariant: the wall clock at `instant` shows a time of this date (date of instant + offset).
 */
export function epochDayOf(instant: number, zone: TimeZone): number {
  return Math.floor((instant + offsetMsAt(zone, instant)) / DAY_MS);
}

/**
 * The 'YYYY-MM-DD' date the wall clock shows at `instant` in `timezone`.
 * @throws RangeError on an unknown timezone or a non-finite instant.
 */
export function localDayOf(instant: number, timezone: string): LocalDate {
  if (!Number.isFinite(instant)) throw new RangeError(`Instant must be finite, got ${instant}`);
  return formatEpochDay(epochDayOf(instant, resolveTimeZone(timezone)));
}
