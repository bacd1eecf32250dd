// chrono-node's German parser, with what it misses: 'am 12.' (the next 12th) and '12.12.' (a day
// and month), and without a bare two-letter weekday ('so', 'do' are ordinary German words).
import * as chrono from 'chrono-node';
import type { DateTime } from 'luxon';

const MONTHS = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];

/** 'am 12.' with no month after it: the day of the month, as a group. */
const DAY_ONLY =
  /(?<![\p{L}\p{N}])((?:am|den|zum|dem)\s+)(\d{1,2})\.(?![\p{N}])(?!\s*(?:\p{N}|jan|feb|m[aä]r|apr|mai|jun|jul|aug|sep|okt|nov|dez))/giu;
/** '12.12.' or '3.1.2027': day and month, optionally the year. */
const DAY_MONTH = /(?<![\p{L}\p{N}.])(\d{1,2})\.(\d{1,2})\.(\d{4})?(?![\p{N}])/gu;
/** A result that is only a short weekday ('so', 'Do.'). */
const BARE_WEEKDAY = /^\p{L}{2}\.?$/u;

/** `text` with 'am 12.' and '12.12.' written out so chrono reads them ('am 12. Dezember'). */
export function spellOutGermanDays(text: string, today: DateTime): string {
  return text
    .replace(DAY_ONLY, (whole, lead: string, day: string) => {
      const date = nextDayOfMonth(Number(day), today);
      return date === null ? whole : `${lead}${date.day}. ${MONTHS[date.month - 1]} ${date.year}`;
    })
    .replace(DAY_MONTH, (whole, day: string, month: string, year: string | undefined) => {
      const name = MONTHS[Number(month) - 1];
      if (name === undefined || Number(day) < 1 || Number(day) > 31) return whole;
      return year === undefined ? `${Number(day)}. ${name}` : `${Number(day)}. ${name} ${year}`;
    });
}

/** The next date, today included, whose day of the month is `n`; null when none in 3 months. */
function nextDayOfMonth(n: number, today: DateTime): DateTime | null {
  if (n < 1 || n > 31) return null;
  for (let month = 0; month < 3; month++) {
    const start = today.plus({ months: month }).startOf('month');
    if (n > (start.daysInMonth ?? 0)) continue;
    const day = start.set({ day: n });
    if (day >= today) return day;
  }
  return null;
}

/** chrono's German reading of `text`, without bare two-letter weekdays. */
export function parseGerman(
  text: string,
  reference: chrono.ParsingReference,
  option: chrono.ParsingOption,
): chrono.ParsedResult[] {
  return chrono.de.parse(text, reference, option).filter((r) => !BARE_WEEKDAY.test(r.text));
}
