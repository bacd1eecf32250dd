// 'HH:MM' wall-clock times as the catalog stores them in PostgreSQL time columns.

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Minutes since local midnight of 'HH:MM' (00:00-23:59), 1440 for '24:00' (the end of the day),
 * null for anything else. A range starting at 24:00 fails the end-after-start rule on its own.
 */
export function wallClockMinutes(text: string): number | null {
  if (text === '24:00') return 1440;
  const match = HH_MM.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** PostgreSQL's 'HH:MM:SS' back to 'HH:MM'; the catalog never stores seconds. */
export function fromTimeColumn(time: string): string {
  return time.slice(0, 5);
}
