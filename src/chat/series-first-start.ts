// The first occurrence a series in words starts at: the next such weekday at that wall-clock time.
import { DateTime } from 'luxon';

/**
 * The first instant after `now` that falls on ISO `weekday` (1 Monday .. 7 Sunday) at `minutes`
 * after midnight on the wall clock of `zone`: today when that time is still ahead, else within
 * seven days. A time a spring-forward skips moves on by the gap (luxon's rule). Pure.
 */
export function firstStartOf(weekday: number, minutes: number, zone: string, now: Date): Date {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  for (let ahead = 0; ahead <= 7; ahead++) {
    const day = today.plus({ days: ahead });
    if (day.weekday !== weekday) continue;
    const start = day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
    if (start.toMillis() > now.getTime()) return start.toJSDate();
  }
  throw new RangeError(`no weekday ${weekday} within a week of ${now.toISOString()}`);
}
