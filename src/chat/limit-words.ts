// The booking limits and nearest times in chat words, shared by failure and empty-day replies.

import type { BookingLimits, NearestTimes } from '../domain/outcome.ts';
import { UNTHREADED_EN } from '../i18n/translator.ts';
import { formatClock, formatDayLong, localDate } from './chat-format.ts';

/** '90 minutes', '2 hours', '1 day': the largest whole unit. */
function noticeWords(minutes: number): string {
  if (minutes >= 1440 && minutes % 1440 === 0) return plural(minutes / 1440, 'day');
  if (minutes >= 60 && minutes % 60 === 0) return plural(minutes / 60, 'hour');
  return plural(minutes, 'minute');
}

/** 'bookings open 60 days ahead (until Thu 4 Feb 2027)', the last day in `zone`. */
export function advanceWords(maxAdvanceDays: number, latest: Date | number, zone: string): string {
  const until = formatDayLong(UNTHREADED_EN, localDate(latest, zone));
  return `bookings open ${plural(maxAdvanceDays, 'day')} ahead (until ${until})`;
}

/** "2 hours' notice", "1 day's notice". */
export function noticePhrase(minutes: number): string {
  const words = noticeWords(minutes);
  return `${words}${words.endsWith('s') ? "'" : "'s"} notice`;
}

/** "bookings need 2 hours' notice". */
export function minNoticeWords(limits: Pick<BookingLimits, 'minNoticeMinutes'>): string {
  return `bookings need ${noticePhrase(limits.minNoticeMinutes)}`;
}

/**
 * 'the nearest times are 09:00 and 09:40 (your time)', 'the nearest time is 09:40 (your time)',
 * or null when there is neither. Clock times in `zone`, the reader's.
 */
export function nearestWords(nearest: NearestTimes, zone: string): string | null {
  const times = [nearest.before, nearest.after].filter((t): t is Date => t !== null);
  const clocks = times.map((t) => formatClock(t, zone));
  if (clocks.length === 0) return null;
  if (clocks.length === 1) return `the nearest time is ${clocks[0]} (your time)`;
  return `the nearest times are ${clocks.join(' and ')} (your time)`;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
