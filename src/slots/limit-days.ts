// Counts a service's bookings per local day and ISO week, and says whether a start's day or week is full.

import { weekdayOfEpochDay } from './local-date.ts';
import { epochDayOf } from './local-time.ts';
import { resolveTimeZone } from './time-zone.ts';

/** Bookings per local epoch day, and per ISO week keyed by its Monday's epoch day. */
export type StartCounts = {
  readonly days: ReadonlyMap<number, number>;
  readonly weeks: ReadonlyMap<number, number>;
};

/** The most bookings a local day and a local ISO week may hold; null: no limit. */
export type PeriodLimits = { readonly perDay: number | null; readonly perWeek: number | null };

/** Which period of a start is full, day first. */
type FullPeriod = 'DAY' | 'WEEK';

/** The epoch day of the Monday that begins the ISO week (Monday-Sunday) holding `epochDay`. */
export function mondayOf(epochDay: number): number {
  return epochDay - weekdayOfEpochDay(epochDay);
}

/**
 * Counts `starts` (epoch ms) by the local date and ISO week they fall on in `timezone`, so a
 * 23- or 25-hour DST day and its week count by the wall clock, not by 24-hour blocks.
 * @throws RangeError on an unknown timezone.
 */
export function countStarts(starts: readonly number[], timezone: string): StartCounts {
  const zone = resolveTimeZone(timezone);
  const days = new Map<number, number>();
  const weeks = new Map<number, number>();
  for (const start of starts) {
    const day = epochDayOf(start, zone);
    days.set(day, (days.get(day) ?? 0) + 1);
    const week = mondayOf(day);
    weeks.set(week, (weeks.get(week) ?? 0) + 1);
  }
  return { days, weeks };
}

/**
 * 'DAY' when the local day of `start` already holds `limits.perDay` bookings, else 'WEEK' when
 * its ISO week holds `limits.perWeek`, else null. Counts must come from the same timezone.
 * @throws RangeError on an unknown timezone.
 */
export function fullPeriodAt(
  counts: StartCounts,
  start: number,
  timezone: string,
  limits: PeriodLimits,
): FullPeriod | null {
  if (limits.perDay === null && limits.perWeek === null) return null;
  return fullPeriodOn(counts, epochDayOf(start, resolveTimeZone(timezone)), limits);
}

/** fullPeriodAt for a local epoch day: 'DAY' when it holds perDay, else 'WEEK' when its ISO week holds perWeek. */
export function fullPeriodOn(
  counts: StartCounts,
  day: number,
  limits: PeriodLimits,
): FullPeriod | null {
  if (limits.perDay !== null && (counts.days.get(day) ?? 0) >= limits.perDay) return 'DAY';
  const week = mondayOf(day);
  if (limits.perWeek !== null && (counts.weeks.get(week) ?? 0) >= limits.perWeek) return 'WEEK';
  return null;
}
