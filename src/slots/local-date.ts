// Calendar arithmetic on 'YYYY-MM-DD' dates as epoch day numbers (days since 1970-01-01).

import type { LocalDate } from './slot-types.ts';
import { DAY_MS } from './time-units.ts';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Epoch day number (days since 1970-01-01) of a 'YYYY-MM-DD' calendar date.
 *
 * Invariant: formatEpochDay(parseLocalDate(d)) === d for every valid d.
 * @throws RangeError when the text is not a real calendar date in 'YYYY-MM-DD' form.
 */
export function parseLocalDate(date: LocalDate): number {
  const match = LOCAL_DATE.exec(date);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]) - 1;
  const day = Number(match?.[3]);
  const epochMs = Date.UTC(year, month, day);
  // Compared field by field, not through formatEpochDay's text: this runs for every override of
  // every request. Date.UTC rolls over days and months and reads years 0-99 as 19xx, so any of
  // those shows up as a field that differs.
  const at = new Date(epochMs);
  const real =
    at.getUTCFullYear() === year && at.getUTCMonth() === month && at.getUTCDate() === day;
  if (match === null || !real) {
    throw new RangeError(`Invalid local date '${date}': expected a real 'YYYY-MM-DD' date`);
  }
  return epochMs / DAY_MS;
}

/**
 * The 'YYYY-MM-DD' text of an epoch day number.
 *
 * Invariant: years 0000-9999 round-trip through parseLocalDate.
 */
export function formatEpochDay(epochDay: number): LocalDate {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Weekday of an epoch day number: 0 = Monday ... 6 = Sunday.
 *
 * Invariant: the result is an integer in [0, 6]; 1970-01-01 (epoch day 0) is a Thursday (3).
 */
export function weekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 3) % 7) + 7) % 7;
}
