// The rules a one-day availability override must satisfy, checked before it is written.
import type { InvalidInput } from '../domain/outcome.ts';
import { isCalendarDate } from './calendar-date.ts';
import { invalidField } from './field-issue.ts';
import { wallClockMinutes } from './wall-clock.ts';

export type OverrideInput = {
  /** 'YYYY-MM-DD' in the provider's zone. */
  readonly date: string;
  /** Both times or neither; neither on a blocked override blocks the whole day. */
  readonly startTime: string | null;
  readonly endTime: string | null;
  /** false adds availability on that date and then needs times. */
  readonly isBlocked: boolean;
};

/**
 * Null when the override is well formed: a real date, both times or neither, times 'HH:MM' with
 * end after start (end may be 24:00), and times present when it adds availability.
 */
export function checkOverride(input: OverrideInput): InvalidInput | null {
  if (!isCalendarDate(input.date))
    return invalidField(['date'], 'date must be a real YYYY-MM-DD date');
  const { startTime, endTime } = input;
  if (startTime === null || endTime === null) {
    if (startTime !== endTime) {
      return invalidField(['start_time'], 'give both start_time and end_time, or neither');
    }
    return input.isBlocked
      ? null
      : invalidField(['start_time'], 'an override that adds availability needs times');
  }
  const start = wallClockMinutes(startTime);
  const end = wallClockMinutes(endTime);
  if (start === null || end === null) {
    return invalidField(['start_time'], 'times must be HH:MM (end may be 24:00)');
  }
  return end > start ? null : invalidField(['end_time'], 'end_time must be after start_time');
}
