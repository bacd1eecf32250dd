// Why a day has no times, in chat words: "Bookings open 60 days ahead", not "no free times".

import type { FullDay } from '../booking/slots-in-context.ts';
import type { Translator } from '../i18n/translator.ts';
import type { NoSlotsReason } from '../slots/why-no-slots.ts';
import { formatClock, formatDayLong, localDate } from './chat-format.ts';
import { advanceWords, noticePhrase } from './limit-words.ts';

/**
 * The sentence for a day with no times and the reason whyNoSlots gave (null: all taken).
 * `day` is the local date asked for; `zone` is the reader's, for the dates and times named.
 */
export function noSlotsWords(
  t: Translator,
  why: NoSlotsReason | null,
  day: string,
  zone: string,
): string {
  const named = formatDayLong(t, day);
  if (why === null) return t.t('booking.noFreeOn', { day: named });
  switch (why.reason) {
    case 'IN_THE_PAST':
      return t.t('booking.dayOver', { day: named });
    case 'TOO_SOON':
      return t.t('booking.dayTooSoon', {
        notice: noticePhrase(t, why.minNoticeMinutes),
        day: named,
        time: formatClock(why.earliest, zone),
        date: formatDayLong(t, localDate(why.earliest, zone)),
      });
    case 'TOO_FAR_AHEAD':
      return t.t('booking.dayTooFar', {
        day: named,
        limit: advanceWords(t, why.maxAdvanceDays, why.latest, zone),
      });
    case 'BLOCKED':
      return t.t('booking.dayAway', { day: named });
    case 'CLOSED':
      return t.t('booking.dayClosed', { day: named });
  }
}

/**
 * A day a service limit has filled: 'This service takes at most 3 bookings a day, and Tuesday
 * 1 December is full.' The way on (other days) follows it in the flow.
 */
export function fullDayWords(t: Translator, full: FullDay, day: string): string {
  const values = { max: full.max, day: formatDayLong(t, day) };
  switch (full.limit) {
    case 'SERVICE_PER_DAY':
      return t.t('booking.dayFull', values);
    case 'SERVICE_PER_WEEK':
      return t.t('booking.weekFull', values);
  }
}
