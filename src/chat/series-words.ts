// 'every Tuesday at 10 for 8 weeks', 'every other Monday at 9', 'weekly on fridays at 3pm, 6 times':
// the weekly series a request asks for, and the words left for names. Pure: no catalog, no clock.
import { fixTypos } from './words/fix-typos.ts';

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

/** ISO weekdays by their first three letters. */
const DAYS: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };
const DAY =
  '(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thu|thurs?|fri|sat|sun)s?';
const EVERY = '(?:every|each)';
const OTHER = '(?:other|second|2nd|alternate)';
const EVERY_TYPO = /\b(?:evrey|evry|everey|evey|eveyr|eevry)\b/g;

/** The series cue: 'every <day>', 'every (other) week', 'weekly', 'fortnightly', 'every 2 weeks'. */
const CUE = new RegExp(
  `\\b(?:${EVERY}\\s+(?:${OTHER}\\s+)?(?:week|${DAY})|${EVERY}\\s+\\d\\s+weeks?|weekly|fortnightly|on\\s+${DAY}\\s+${EVERY}\\s+week)\\b`,
);

/** Whether `text` asks for a recurring booking (typos in the day words put right first). */
export function asksForSeries(text: string): boolean {
  return CUE.test(normalize(text));
}

function normalize(text: string): string {
  return fixTypos(text.toLowerCase().replace(EVERY_TYPO, 'every')).toLowerCase();
}

type Part<T> = { readonly value: T; readonly rest: string };

function take<T>(rest: string, re: RegExp, read: (m: RegExpExecArray) => T | null): Part<T | null> {
  const m = re.exec(rest);
  if (!m) return { value: null, rest };
  const value = read(m);
  return value === null ? { value: null, rest } : { value, rest: rest.replace(m[0], ' ') };
}

/**
 * Reads a series request, or null when `text` asks for none. The weekday comes from 'every
 * Tuesday', 'on Fridays', 'weekly on tue'; the interval from 'every other'/'every second'/
 * 'fortnightly' (2) or 'every N weeks' (1-4); the time from 'at 10' (an hour 1-7 without am/pm is
 * afternoon, as for a single booking); the count from 'N times'/'N sessions' or a span 'for N
 * weeks'/'for N months' (a month is 52/12 weeks, rounded), divided by the interval, rounded up.
 */
export function readSeriesWish(text: string): SeriesWish | null {
  const lower = normalize(text.slice(0, 500));
  if (!CUE.test(lower)) return null;
  const interval = take(
    lower,
    new RegExp(`\\b(?:${EVERY}\\s+${OTHER}|fortnightly|${EVERY}\\s+([1-4])\\s+weeks?)\\b`),
    (m) => (m[1] === undefined ? 2 : Number(m[1])),
  );
  const intervalWeeks = interval.value ?? 1;
  const day = take(
    interval.rest,
    new RegExp(`\\b${DAY}\\b`),
    (m) => DAYS[(m[1] ?? '').slice(0, 3)] ?? null,
  );
  const time = take(
    day.rest,
    /\b(?:at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\b(?!\s*(?:times|weeks?|weks|wks?|months?|sessions?)\b)/,
    clockMinutes,
  );
  const count = readCount(time.rest, intervalWeeks);
  const rest = count.rest
    .replace(new RegExp(`\\b(?:${EVERY}|weekly|fortnightly|week|on|x)\\b`, 'g'), ' ')
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

/** 'at 10' (10:00), 'at 3' (15:00), '9:30am', '3pm'; null for an hour or minute out of range. */
function clockMinutes(m: RegExpExecArray): number | null {
  const hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const meridiem = m[3];
  if (minute > 59 || hour > 23 || (meridiem !== undefined && (hour < 1 || hour > 12))) return null;
  if (meridiem === undefined && !m[0].includes('at') && m[2] === undefined) return null;
  let h = hour;
  if (meridiem === 'pm' && hour < 12) h += 12;
  else if (meridiem === 'am' && hour === 12) h = 0;
  else if (meridiem === undefined && hour >= 1 && hour <= 7) h += 12;
  return h * 60 + minute;
}

/** 'for 8 weeks', 'for 3 months', '6 times', 'x6', '10 sessions': the occurrences, or null. */
function readCount(rest: string, intervalWeeks: number): Part<number | null> {
  const span = take(rest, /\b(?:for\s+)?(\d{1,3})\s*(weeks?|weks|wks?|months?|mths?)\b/, (m) => {
    const n = Number(m[1]);
    const weeks = m[2]?.startsWith('m') ? Math.round((n * 52) / 12) : n;
    return weeks > 0 ? Math.ceil(weeks / intervalWeeks) : null;
  });
  if (span.value !== null) return span;
  return take(
    rest,
    /\b(?:(\d{1,3})\s*(?:times|x|sessions?|occurrences|appointments)|x\s*(\d{1,3}))\b/,
    (m) => {
      const n = Number(m[1] ?? m[2]);
      return n > 0 ? n : null;
    },
  );
}
