// How a weekly series reads in chat: 'Every Tuesday at 10:00 (Europe/Berlin), 8 times' and one
// line per occurrence, '✓ Tue 8 Dec, 10:00' or '✗ Tue 22 Dec, 10:00 (taken)'. Pure.

import { DateTime } from 'luxon';
import type { TimeRefused } from '../booking/decide-booking.ts';
import { UNTHREADED_EN } from '../i18n/translator.ts';
import { formatClock, formatDayShort, localDate } from './chat-format.ts';

/** One planned occurrence and whether it can be booked (as the series core judges it). */
export type OccurrenceLine = {
  readonly start: Date;
  readonly verdict: { readonly ok: true } | TimeRefused;
};

/** 'Every Tuesday', 'Every other Tuesday', 'Every 3 weeks on Tuesday'. */
function everyWords(firstStart: Date, zone: string, intervalWeeks: number): string {
  const day = DateTime.fromJSDate(firstStart, { zone }).setLocale('en-GB').toFormat('cccc');
  if (intervalWeeks === 1) return `Every ${day}`;
  if (intervalWeeks === 2) return `Every other ${day}`;
  return `Every ${intervalWeeks} weeks on ${day}`;
}

/** 'Every Tuesday at 10:00 (Europe/Berlin)': the rhythm, in the zone whose clock it keeps. */
export function seriesRhythm(firstStart: Date, zone: string, intervalWeeks: number): string {
  return `${everyWords(firstStart, zone, intervalWeeks)} at ${formatClock(firstStart, zone)} (${zone})`;
}

/** 'Every Tuesday at 10:00 (Europe/Berlin), 8 times, Massage with Anna Weber'. */
export function seriesHeading(
  series: { firstStart: Date; zone: string; intervalWeeks: number; occurrences: number },
  what: { service: string; provider: string },
): string {
  const { firstStart, zone, intervalWeeks, occurrences } = series;
  const times = occurrences === 1 ? 'once' : `${occurrences} times`;
  return `${seriesRhythm(firstStart, zone, intervalWeeks)}, ${times}, ${what.service} with ${what.provider}`;
}

/** 'Tue 8 Dec, 10:00' in `zone`: the clock shown on every line, so DST shows it kept. */
export function occurrenceWhen(start: Date, zone: string): string {
  return `${formatDayShort(UNTHREADED_EN, localDate(start, zone))}, ${formatClock(start, zone)}`;
}

/** '✓ Tue 8 Dec, 10:00' when free, '✗ Tue 22 Dec, 10:00 (taken)' when not. */
function occurrenceLine(occurrence: OccurrenceLine, zone: string): string {
  const when = occurrenceWhen(occurrence.start, zone);
  return occurrence.verdict.ok ? `✓ ${when}` : `✗ ${when} (${refusedWords(occurrence.verdict)})`;
}

/** A run of this many refused dates or more, refused alike, reads as one line. */
const RUN = 3;

/**
 * One line per date, except that RUN or more dates in a row refused for the same reason read as
 * one: '✗ Tue 2 Feb to Tue 23 Nov, 10:00: 43 dates (too far ahead to book)'. Keeps a 52-week
 * preview short enough for every platform.
 */
export function occurrenceLines(occurrences: readonly OccurrenceLine[], zone: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < occurrences.length) {
    const first = occurrences[i];
    if (first === undefined) break;
    const why = first.verdict.ok ? null : refusedWords(first.verdict);
    let end = i + 1;
    while (why !== null && end < occurrences.length) {
      const next = occurrences[end]?.verdict;
      if (next === undefined || next.ok || refusedWords(next) !== why) break;
      end += 1;
    }
    const last = occurrences[end - 1];
    if (why === null || end - i < RUN || last === undefined) {
      out.push(occurrenceLine(first, zone));
      i += 1;
      continue;
    }
    const from = formatDayShort(UNTHREADED_EN, localDate(first.start, zone));
    out.push(`✗ ${from} to ${occurrenceWhen(last.start, zone)}: ${end - i} dates (${why})`);
    i = end;
  }
  return out;
}

/** Why one occurrence cannot be booked, in a few words. Exhaustive over the refusals. */
function refusedWords(refused: TimeRefused): string {
  switch (refused.code) {
    case 'SLOT_TAKEN':
      return 'taken';
    case 'NO_SHOW_LOCKOUT':
      return 'not bookable after a missed appointment';
    case 'LIMIT_REACHED':
      return 'booking limit reached';
    case 'SLOT_UNAVAILABLE':
      switch (refused.reason) {
        case 'IN_THE_PAST':
          return 'already past';
        case 'TOO_SOON':
          return 'too soon to book';
        case 'TOO_FAR_AHEAD':
          return 'too far ahead to book';
        case 'OFF_GRID':
          return 'not a start time';
        case 'BLOCKED':
          return 'the provider is away';
        case 'OUTSIDE_AVAILABILITY':
          return "outside the provider's hours";
      }
  }
}

/** How many of `occurrences` are free. */
export function freeCount(occurrences: readonly OccurrenceLine[]): number {
  return occurrences.filter((o) => o.verdict.ok).length;
}
