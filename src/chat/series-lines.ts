// How a weekly series reads in chat: 'Every Tuesday at 10:00 (Europe/Berlin), 8 times' and one
// line per occurrence, '✓ Tue 8 Dec, 10:00' or '✗ Tue 22 Dec, 10:00 (taken)'. Pure.

import { DateTime } from 'luxon';
import type { TimeRefused } from '../booking/decide-booking.ts';
import type { MessageKey } from '../i18n/catalog/en.ts';
import type { Translator } from '../i18n/translator.ts';
import { formatClock, formatDayShort, localDate } from './chat-format.ts';

/** One planned occurrence and whether it can be booked (as the series core judges it). */
export type OccurrenceLine = {
  readonly start: Date;
  readonly verdict: { readonly ok: true } | TimeRefused;
};

/** The values of a rhythm message: the weekday, clock and zone of the first start. */
function rhythmValues(t: Translator, firstStart: Date, zone: string, intervalWeeks: number) {
  const day = DateTime.fromJSDate(firstStart, { zone })
    .setLocale(t.locale)
    .toFormat(t.patterns.weekdayLong);
  return { weeks: intervalWeeks, day, clock: formatClock(firstStart, zone), zone };
}

/** 'Every Tuesday at 10:00 (Europe/Berlin)': the rhythm, in the zone whose clock it keeps. */
function seriesRhythm(
  t: Translator,
  firstStart: Date,
  zone: string,
  intervalWeeks: number,
): string {
  return t.t('series.rhythm', rhythmValues(t, firstStart, zone, intervalWeeks));
}

/** 'every Tuesday at 10:00 (Europe/Berlin)': the rhythm as it reads inside a sentence. */
export function seriesRhythmInline(
  t: Translator,
  firstStart: Date,
  zone: string,
  intervalWeeks: number,
): string {
  return t.t('series.rhythmInline', rhythmValues(t, firstStart, zone, intervalWeeks));
}

/** 'Every Tuesday at 10:00 (Europe/Berlin), 8 times, Massage with Anna Weber'. */
export function seriesHeading(
  t: Translator,
  series: { firstStart: Date; zone: string; intervalWeeks: number; occurrences: number },
  what: { service: string; provider: string },
): string {
  const { firstStart, zone, intervalWeeks, occurrences } = series;
  return t.t('series.heading', {
    rhythm: seriesRhythm(t, firstStart, zone, intervalWeeks),
    count: occurrences,
    service: what.service,
    provider: what.provider,
  });
}

/** 'Tue 8 Dec, 10:00' in `zone`: the clock shown on every line, so DST shows it kept. */
export function occurrenceWhen(t: Translator, start: Date, zone: string): string {
  return t.t('series.when', {
    day: formatDayShort(t, localDate(start, zone)),
    clock: formatClock(start, zone),
  });
}

/** '✓ Tue 8 Dec, 10:00' when free, '✗ Tue 22 Dec, 10:00 (taken)' when not. */
function occurrenceLine(t: Translator, occurrence: OccurrenceLine, zone: string): string {
  const when = occurrenceWhen(t, occurrence.start, zone);
  return occurrence.verdict.ok
    ? t.t('series.free', { when })
    : t.t('series.refused', { when, why: t.t(refusedKey(occurrence.verdict)) });
}

/** A run of this many refused dates or more, refused alike, reads as one line. */
const RUN = 3;

/**
 * One line per date, except that RUN or more dates in a row refused for the same reason read as
 * one: '✗ Tue 2 Feb to Tue 23 Nov, 10:00: 43 dates (too far ahead to book)'. Keeps a 52-week
 * preview short enough for every platform.
 */
export function occurrenceLines(
  t: Translator,
  occurrences: readonly OccurrenceLine[],
  zone: string,
): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < occurrences.length) {
    const first = occurrences[i];
    if (first === undefined) break;
    const why = first.verdict.ok ? null : refusedKey(first.verdict);
    let end = i + 1;
    while (why !== null && end < occurrences.length) {
      const next = occurrences[end]?.verdict;
      if (next === undefined || next.ok || refusedKey(next) !== why) break;
      end += 1;
    }
    const last = occurrences[end - 1];
    if (why === null || end - i < RUN || last === undefined) {
      out.push(occurrenceLine(t, first, zone));
      i += 1;
      continue;
    }
    const from = formatDayShort(t, localDate(first.start, zone));
    const to = occurrenceWhen(t, last.start, zone);
    out.push(t.t('series.refusedRun', { from, last: to, count: end - i, why: t.t(why) }));
    i = end;
  }
  return out;
}

/** Why one occurrence cannot be booked, as a catalog key. Exhaustive over the refusals. */
function refusedKey(refused: TimeRefused): MessageKey {
  switch (refused.code) {
    case 'SLOT_TAKEN':
      return 'series.why.taken';
    case 'NO_SHOW_LOCKOUT':
      return 'series.why.noShowLockout';
    case 'LIMIT_REACHED':
      return 'series.why.limitReached';
    case 'SLOT_UNAVAILABLE':
      switch (refused.reason) {
        case 'IN_THE_PAST':
          return 'series.why.past';
        case 'TOO_SOON':
          return 'series.why.tooSoon';
        case 'TOO_FAR_AHEAD':
          return 'series.why.tooFar';
        case 'OFF_GRID':
          return 'series.why.offGrid';
        case 'BLOCKED':
          return 'series.why.blocked';
        case 'OUTSIDE_AVAILABILITY':
          return 'series.why.outsideHours';
      }
  }
}

/** How many of `occurrences` are free. */
export function freeCount(occurrences: readonly OccurrenceLine[]): number {
  return occurrences.filter((o) => o.verdict.ok).length;
}
