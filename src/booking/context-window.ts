// The dates and instants around one start time that are enough to judge it in any time zone.

const DAY = 86_400_000;

/**
 * Every zone's local date of `start` lies within a day of its UTC date, and no slot or buffer is
 * longer than a day, so two days either side cover every override and appointment that matters.
 */
export function contextWindowAround(start: Date): {
  fromDate: string;
  toDate: string;
  rangeStart: Date;
  rangeEnd: Date;
} {
  const t = start.getTime();
  return {
    fromDate: new Date(t - DAY).toISOString().slice(0, 10),
    toDate: new Date(t + DAY).toISOString().slice(0, 10),
    rangeStart: new Date(t - 2 * DAY),
    rangeEnd: new Date(t + 2 * DAY),
  };
}
