// Which slots a waitlist entry wants: its local dates and part of the day, on its zone's clock.
import { formatEpochDay } from '../slots/local-date.ts';
import { DAY_MS, MINUTE_MS } from '../slots/time-units.ts';
import { offsetMsAt, resolveTimeZone } from '../slots/time-zone.ts';

export const PARTS_OF_DAY = ['ANY', 'MORNING', 'AFTERNOON', 'EVENING'] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

/** What an entry asks for: local dates (inclusive) and a part of the day in `timezone`. */
export type WantedTimes = {
  readonly timezone: string;
  readonly fromDate: string;
  readonly toDate: string;
  readonly partOfDay: PartOfDay;
};

/** Wall-clock minutes [from, to) of each part: morning 06-12, afternoon 12-17, evening 17-22. */
function partOfDayMinutes(part: PartOfDay): { from: number; to: number } {
  switch (part) {
    case 'ANY':
      return { from: 0, to: 24 * 60 };
    case 'MORNING':
      return { from: 6 * 60, to: 12 * 60 };
    case 'AFTERNOON':
      return { from: 12 * 60, to: 17 * 60 };
    case 'EVENING':
      return { from: 17 * 60, to: 22 * 60 };
  }
}

/**
 * The local date ('YYYY-MM-DD') and minute of the day of `instant` (epoch ms) on the wall clock
 * of `timezone`. Throws RangeError for an unknown zone (callers store validated zones only).
 */
export function wallClockOf(
  instant: number,
  timezone: string,
): { readonly date: string; readonly minute: number } {
  const local = instant + offsetMsAt(resolveTimeZone(timezone), instant);
  const day = Math.floor(local / DAY_MS);
  return { date: formatEpochDay(day), minute: Math.floor((local - day * DAY_MS) / MINUTE_MS) };
}

/**
 * True when a slot starting at `start` (epoch ms) suits `wanted`: its start's local date is
 * within [fromDate, toDate] and its start's wall-clock time within the part of the day, both in
 * the entry's zone (the client's, not the provider's). Only the start counts: a morning slot
 * may run past noon.
 */
export function slotSuits(start: number, wanted: WantedTimes): boolean {
  const { date, minute } = wallClockOf(start, wanted.timezone);
  if (date < wanted.fromDate || date > wanted.toDate) return false;
  const part = partOfDayMinutes(wanted.partOfDay);
  return minute >= part.from && minute < part.to;
}
