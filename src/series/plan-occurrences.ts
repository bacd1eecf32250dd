// The instants of a weekly series: the same local weekday and wall-clock time in its zone, DST or not.
import { DateTime } from 'luxon';

/**
 * The `occurrences` starts of a series whose first occurrence is `firstStart`, every
 * `intervalWeeks` weeks, each at firstStart's wall-clock time (to the millisecond) in `timezone`.
 * Pure.
 *
 * Invariants: the result has `occurrences` strictly increasing instants; the first is
 * `firstStart`. Each falls on firstStart's local weekday, `k * intervalWeeks` weeks later by the
 * calendar, and shows firstStart's local time: a Berlin series at 10:00 is 09:00Z in winter and
 * 08:00Z in summer. Each occurrence is computed from the local date and time, never from the
 * previous one, so one DST day cannot shift the rest.
 * DST edges: a local time that does not exist on a spring-forward day moves forward by the gap
 * (02:30 becomes 03:30 in Europe/Berlin; luxon's rule), and the rest of the series keeps 02:30.
 * An ambiguous local time on a fall-back day is its first (pre-transition) instant, as in the
 * slot engine, which offers only that one.
 * @throws RangeError on an unknown zone, a count or interval that is not a positive integer, or
 * an invalid `firstStart`.
 */
export function planOccurrences(
  firstStart: Date,
  timezone: string,
  occurrences: number,
  intervalWeeks: number,
): Date[] {
  if (!Number.isInteger(occurrences) || occurrences < 1) {
    throw new RangeError(`occurrences must be a positive integer, got ${occurrences}`);
  }
  if (!Number.isInteger(intervalWeeks) || intervalWeeks < 1) {
    throw new RangeError(`intervalWeeks must be a positive integer, got ${intervalWeeks}`);
  }
  const first = DateTime.fromJSDate(firstStart, { zone: timezone });
  if (!first.isValid) throw new RangeError(`Cannot plan from ${first.invalidExplanation}`);
  const { hour, minute, second, millisecond } = first;
  // The first is firstStart itself, even when it is the second instant of an ambiguous time.
  const starts: Date[] = [new Date(first.toMillis())];
  for (let k = 1; k < occurrences; k++) {
    // Date arithmetic on the local calendar day, then the wall-clock time put on that day.
    const day = first.startOf('day').plus({ weeks: k * intervalWeeks });
    const local = day.set({ hour, minute, second, millisecond });
    starts.push(earliestInstantOf(local));
  }
  return starts;
}

/** The first instant showing `local`'s wall-clock time: on a fall-back day there are two. */
function earliestInstantOf(local: DateTime): Date {
  const candidates = local.getPossibleOffsets().map((d) => d.toMillis());
  return new Date(Math.min(local.toMillis(), ...candidates));
}
