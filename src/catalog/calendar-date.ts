// 'YYYY-MM-DD' calendar dates as the catalog accepts them.

const YYYY_MM_DD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in 'YYYY-MM-DD' form ('2026-02-30' is not one). */
export function isCalendarDate(text: string): boolean {
  const match = YYYY_MM_DD.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // Date.UTC maps years 0-99 onto 1900-1999; setUTCFullYear puts them back.
  date.setUTCFullYear(Number(match[1]));
  return date.toISOString().slice(0, 10) === text;
}
