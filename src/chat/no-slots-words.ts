// Why a day has no times, in chat words: "Bookings open 60 days ahead", not "no free times".

import type { FullDay } from '../booking/slots-in-context.ts';
import { UNTHREADED_EN } from '../i18n/translator.ts';
import type { NoSlotsReason } from '../slots/why-no-slots.ts';
import { formatClock, formatDayLong, localDate } from './chat-format.ts';
import { advanceWords, noticePhrase } from './limit-words.ts';

/**
 * The sentence for a day with no times and the reason whyNoSlots gave (null: all taken).
 * `day` is the local date asked for; `zone` is the reader's, for the dates and times named.
 */
export function noSlotsWords(why: NoSlotsReason | null, day: string, zone: string): string {
  const named = formatDayLong(UNTHREADED_EN, day);
  if (why === null) return `There are no free times on ${named}.`;
  switch (why.reason) {
    case 'IN_THE_PAST':
      return `${named} is over; please choose a later day.`;
    case 'TOO_SOON':
      return (
        `Bookings need ${noticePhrase(why.minNoticeMinutes)}, so nothing on ${named} ` +
        `can be booked any more (the earliest is ${formatClock(why.earliest, zone)} ` +
        `on ${formatDayLong(UNTHREADED_EN, localDate(why.earliest, zone))}, your time).`
      );
    case 'TOO_FAR_AHEAD':
      return `${named} is too far ahead: ${advanceWords(why.maxAdvanceDays, why.latest, zone)}.`;
    case 'BLOCKED':
      return `The provider is away on ${named}.`;
    case 'CLOSED':
      return `The provider doesn't work on ${named}.`;
  }
}

/**
 * A day a service limit has filled: 'This service takes at most 3 bookings a day, and Tuesday
 * 1 December is full.' The way on (other days) follows it in the flow.
 */
export function fullDayWords(full: FullDay, day: string): string {
  const most = `${full.max} booking${full.max === 1 ? '' : 's'}`;
  const named = formatDayLong(UNTHREADED_EN, day);
  switch (full.limit) {
    case 'SERVICE_PER_DAY':
      return `This service takes at most ${most} a day, and ${named} is full.`;
    case 'SERVICE_PER_WEEK':
      return `This service takes at most ${most} a week, and the week of ${named} is full.`;
  }
}
