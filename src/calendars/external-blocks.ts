// Where an external event blocks a provider: one (date, from, to) per local day it touches.
import { DateTime } from 'luxon';
import type { EventTiming } from './calendar-client.ts';

/** A blocked stretch of one local day; null times block the whole day. */
export type DayBlock = {
  readonly date: string;
  readonly startTime: string | null;
  readonly endTime: string | null;
};

/** No event blocks more than this many days: a runaway or endless event stays bounded. */
const MAX_DAYS = 400;

/**
 * The local days `timing` covers in `zone`, each with the part it blocks. A timed event blocks
 * from its start (rounded down to the minute) to its end (rounded up), split at local midnight,
 * '24:00' ending a day it runs past; an end exactly at midnight touches no further day. An
 * all-day event blocks each of its dates whole (end date exclusive), read as local dates. Empty
 * for an event that ends before it starts.
 */
export function blocksOf(timing: EventTiming, zone: string): DayBlock[] {
  if (timing.kind === 'all-day') return wholeDays(timing.startDate, timing.endDate);
  const start = DateTime.fromJSDate(timing.start, { zone }).startOf('minute');
  const rawEnd = DateTime.fromJSDate(timing.end, { zone });
  const end = rawEnd.equals(rawEnd.startOf('minute'))
    ? rawEnd
    : rawEnd.startOf('minute').plus({ minutes: 1 });
  if (!start.isValid || !end.isValid || end <= start) return [];
  const blocks: DayBlock[] = [];
  let day = start.startOf('day');
  while (day < end && blocks.length < MAX_DAYS) {
    const next = day.plus({ days: 1 });
    const from = start > day ? start.toFormat('HH:mm') : '00:00';
    const to = end < next ? end.toFormat('HH:mm') : '24:00';
    blocks.push(
      from === '00:00' && to === '24:00'
        ? whole(day)
        : { date: iso(day), startTime: from, endTime: to },
    );
    day = next;
  }
  return blocks;
}

function wholeDays(startDate: string, endDate: string): DayBlock[] {
  const first = DateTime.fromISO(startDate, { zone: 'UTC' });
  const last = DateTime.fromISO(endDate, { zone: 'UTC' });
  if (!first.isValid || !last.isValid) return [];
  const blocks: DayBlock[] = [];
  for (let day = first; day < last && blocks.length < MAX_DAYS; day = day.plus({ days: 1 })) {
    blocks.push(whole(day));
  }
  return blocks;
}

function whole(day: DateTime): DayBlock {
  return { date: iso(day), startTime: null, endTime: null };
}

function iso(day: DateTime): string {
  return day.toFormat('yyyy-MM-dd');
}
