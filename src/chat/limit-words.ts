// The booking limits and nearest times in chat words, shared by failure and empty-day replies.

import type { BookingLimits, NearestTimes } from '../domain/outcome.ts';
import type { Translator } from '../i18n/translator.ts';
import { formatClock, formatDayLong, localDate } from './chat-format.ts';

/** 'bookings open 60 days ahead (until Thu 4 Feb 2027)', the last day in `zone`. */
export function advanceWords(
  t: Translator,
  maxAdvanceDays: number,
  latest: Date | number,
  zone: string,
): string {
  const until = formatDayLong(t, localDate(latest, zone));
  return t.t('booking.advance', { count: maxAdvanceDays, until });
}

/** "2 hours' notice", "1 day's notice", "90 minutes' notice": the largest whole unit. */
export function noticePhrase(t: Translator, minutes: number): string {
  if (minutes >= 1440 && minutes % 1440 === 0) {
    return t.t('booking.noticeDays', { count: minutes / 1440 });
  }
  if (minutes >= 60 && minutes % 60 === 0) {
    return t.t('booking.noticeHours', { count: minutes / 60 });
  }
  return t.t('booking.noticeMinutes', { count: minutes });
}

/** "bookings need 2 hours' notice". */
export function minNoticeWords(
  t: Translator,
  limits: Pick<BookingLimits, 'minNoticeMinutes'>,
): string {
  return t.t('booking.minNotice', { notice: noticePhrase(t, limits.minNoticeMinutes) });
}

/** The nearest free clock times before and after, in `zone` (none, one or two). */
export function nearestClocks(nearest: NearestTimes, zone: string): string[] {
  const times = [nearest.before, nearest.after].filter((time): time is Date => time !== null);
  return times.map((time) => formatClock(time, zone));
}

/**
 * 'the nearest times are 09:00 and 09:40 (your time)', 'the nearest time is 09:40 (your time)',
 * or null when there is neither. Clock times in `zone`, the reader's.
 */
export function nearestWords(t: Translator, nearest: NearestTimes, zone: string): string | null {
  const [first, second] = nearestClocks(nearest, zone);
  if (first === undefined) return null;
  if (second === undefined) return t.t('booking.nearestOne', { time: first });
  return t.t('booking.nearestTwo', { before: first, after: second });
}
