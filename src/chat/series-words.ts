// 'every Tuesday at 10 for 8 weeks', 'every other Monday at 9', 'weekly on fridays at 3pm, 6 times',
// 'jeden Dienstag um 10 für 8 Wochen': the weekly series a request asks for, and the words left for
// names. Pure: no catalog, no clock.
import type { Language } from '../i18n/languages.ts';
import type { Translator } from '../i18n/translator.ts';
import { readBestUnderstood } from './words/reading-order.ts';
import { type SeriesPatterns, seriesPatternsOf } from './words/series-patterns.ts';

/** A series has at most this many occurrences (the table's check says the same). */
export const MAX_OCCURRENCES = 52;

/** What the words ask of a series; null parts are left for the flow to ask or pick. */
export type SeriesWish = {
  /** ISO weekday, 1 Monday .. 7 Sunday. */
  readonly weekday: number | null;
  /** Minutes after local midnight. */
  readonly minutes: number | null;
  /** How many times, at most MAX_OCCURRENCES; null when the words gave no count. */
  readonly occurrences: number | null;
  /** The count asked for was over MAX_OCCURRENCES and was cut to it. */
  readonly capped: boolean;
  readonly intervalWeeks: number;
  /** The words with the series parts taken out: the names ('a massage with Anna'). */
  readonly rest: string;
};

/** Whether `text` asks for a recurring booking in `lang` (typos in the day words put right). */
export function asksForSeriesIn(lang: Language, text: string): boolean {
  const patterns = seriesPatternsOf(lang);
  return patterns.cue.test(patterns.normalize(text));
}

type Part<T> = { readonly value: T; readonly rest: string };

function take<T>(rest: string, re: RegExp, read: (m: RegExpExecArray) => T | null): Part<T | null> {
  const m = re.exec(rest);
  if (!m) return { value: null, rest };
  const value = read(m);
  return value === null ? { value: null, rest } : { value, rest: rest.replace(m[0], ' ') };
}

/**
 * Reads a series request, or null when `text` asks for none: in the reader's language, or when
 * that finds no series, in the other languages. The weekday comes from 'every Tuesday', 'on
 * Fridays', 'weekly on tue', 'jeden Dienstag', 'montags'; the interval from 'every other'/'every
 * second'/'fortnightly'/'alle zwei Wochen' (2) or 'every N weeks' (1-4); the time from 'at 10'/
 * 'um 10'/'10 Uhr' (an hour 1-7 without am/pm is afternoon, as for a single booking); the count
 * from 'N times'/'N sessions'/'N Mal' or a span 'for N weeks'/'für N Wochen'/'for N months' (a
 * month is 52/12 weeks, rounded), divided by the interval, rounded up.
 */
export function readSeriesWish(t: Translator, text: string): SeriesWish | null {
  return readBestUnderstood(
    t,
    (lang) => readSeriesWishIn(seriesPatternsOf(lang), text),
    (wish) => (wish === null ? 0 : 1),
  );
}

function readSeriesWishIn(patterns: SeriesPatterns, text: string): SeriesWish | null {
  const lower = patterns.normalize(text.slice(0, 500));
  if (!patterns.cue.test(lower)) return null;
  const interval = take(lower, patterns.interval, (m) => (m[1] === undefined ? 2 : Number(m[1])));
  const intervalWeeks = interval.value ?? 1;
  const day = take(
    interval.rest,
    patterns.day,
    (m) => patterns.weekdays[(m[1] ?? '').slice(0, patterns.dayKeyLength)] ?? null,
  );
  const time = take(day.rest, patterns.time, clockMinutes);
  const count = readCount(patterns, time.rest, intervalWeeks);
  const rest = count.rest
    .replace(patterns.leftovers, ' ')
    .replace(/[,;]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const asked = count.value;
  return {
    weekday: day.value,
    minutes: time.value,
    occurrences: asked === null ? null : Math.min(asked, MAX_OCCURRENCES),
    capped: asked !== null && asked > MAX_OCCURRENCES,
    intervalWeeks,
    rest,
  };
}

/**
 * 'at 10' (10:00), 'at 3' (15:00), '9:30am', '3pm', 'um 10', '10 Uhr'; null for an hour or
 * minute out of range, or a bare number that says no time.
 */
function clockMinutes(m: RegExpExecArray): number | null {
  const { lead, hour: hourText, minute: minuteText, meridiem: said, uhr } = m.groups ?? {};
  const hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  const meridiem = said === '' ? undefined : said;
  if (minute > 59 || hour > 23 || (meridiem !== undefined && (hour < 1 || hour > 12))) return null;
  const clockWord = (lead ?? '') !== '' || (uhr ?? '') !== '';
  if (meridiem === undefined && !clockWord && minuteText === undefined) return null;
  let h = hour;
  if (meridiem === 'pm' && hour < 12) h += 12;
  else if (meridiem === 'am' && hour === 12) h = 0;
  else if (meridiem === undefined && hour >= 1 && hour <= 7) h += 12;
  return h * 60 + minute;
}

/** 'for 8 weeks', 'for 3 months', '6 times', 'x6', '10 sessions', '6 Mal': the occurrences. */
function readCount(
  patterns: SeriesPatterns,
  rest: string,
  intervalWeeks: number,
): Part<number | null> {
  const span = take(rest, patterns.span, (m) => {
    const n = Number(m[1]);
    const weeks = m[2]?.startsWith('m') ? Math.round((n * 52) / 12) : n;
    return weeks > 0 ? Math.ceil(weeks / intervalWeeks) : null;
  });
  if (span.value !== null) return span;
  return take(rest, patterns.times, (m) => {
    const n = Number(m[1] ?? m[2]);
    return n > 0 ? n : null;
  });
}
