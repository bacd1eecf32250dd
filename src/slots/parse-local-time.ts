// Parses 'HH:MM' wall-clock times into minutes since local midnight.

import type { LocalTime } from './slot-types.ts';
import { MINUTES_PER_DAY } from './time-units.ts';

const LOCAL_TIME = /^(\d{2}):(\d{2})$/;

/**
 * Minutes since local midnight of a 'HH:MM' time.
 *
 * Invariant: the result is an integer in [0, 1440]; 1440 only for '24:00' (end of the day).
 * @throws RangeError when the text is not 'HH:MM' with HH 00-23 and MM 00-59, or '24:00'.
 */
export function parseLocalTime(time: LocalTime): number {
  const match = LOCAL_TIME.exec(time);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  const total = hours * 60 + minutes;
  const inDay = hours <= 23 && minutes <= 59;
  if (match === null || !(inDay || total === MINUTES_PER_DAY)) {
    throw new RangeError(`Invalid local time '${time}': expected 'HH:MM' (00:00-23:59 or 24:00)`);
  }
  return total;
}
