// 'YYYY-MM-DD' calendar dates as every edge accepts them: real days within the supported years.

/**
 * The first and last supported years, inclusive. PostgreSQL has no year 0, and date arithmetic
 * near 9999 (a 62-day slot window, a zone offset) spills into years ISO text cannot carry, so
 * both ends keep a wide margin no booking comes near.
 */
export const FIRST_YEAR = 1000;
export const LAST_YEAR = 9998;

const YYYY_MM_DD = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True for a real calendar date in 'YYYY-MM-DD' form within FIRST_YEAR..LAST_YEAR ('2026-02-30'
 * and '0000-01-01' are not). Never throws.
 */
export function isCalendarDate(text: string): boolean {
  const match = YYYY_MM_DD.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= FIRST_YEAR && year <= LAST_YEAR && isRealDay(year, month, day);
}

/** True when day `day` exists in month `month` (1-12) of `year`, any year 0-9999. */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] ?? 0);
}
