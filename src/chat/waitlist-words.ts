// What 'tell me if something opens on Friday morning' (or 'sagen Sie mir Bescheid, wenn am Freitag
// vormittags etwas frei wird') asks for: to wait for a time on a day or a range of days ('next
// week' is Monday to Sunday), optionally in one part of the day. Pure.
import type { ParsedComponents } from 'chrono-node';
import Fuse from 'fuse.js';
import { DateTime } from 'luxon';
import type { Language } from '../i18n/languages.ts';
import type { Translator } from '../i18n/translator.ts';
import type { PartOfDay } from '../waitlist/part-of-day.ts';
import { namedDay, readWordsIn } from './booking-words.ts';
import { dayWordsOf } from './words/day-words.ts';
import { fixTypos } from './words/fix-typos.ts';
import { readBestUnderstood } from './words/reading-order.ts';
import { type WaitPatterns, waitPatternsOf } from './words/wait-patterns.ts';

/** The days (client-local, inclusive) and part of the day asked for; dates null when none named. */
export type WaitWords = {
  readonly fromDate: string | null;
  readonly toDate: string | null;
  readonly partOfDay: PartOfDay;
  /** Leftover words, for matching a provider or service. */
  readonly words: string[];
};

/** The longest range a waitlist entry may span (the database allows 62 days after the first). */
const MAX_SPAN_DAYS = 62;

const FUSES = new Map<Language, Fuse<string>>();

function fuseOf(lang: Language, patterns: WaitPatterns): Fuse<string> {
  const known = FUSES.get(lang);
  if (known) return known;
  const fuse = new Fuse(patterns.vocabulary.map(patterns.fold), {
    includeScore: true,
    threshold: 0.3,
  });
  FUSES.set(lang, fuse);
  return fuse;
}

/** `text` with misspelt waitlist words ('waitlsit', 'notfy') and day words put right. */
function fixWaitTypos(lang: Language, text: string): string {
  const patterns = waitPatternsOf(lang);
  const fuse = fuseOf(lang, patterns);
  const fixed = fixTypos(lang, text).replace(/[\p{L}]+/gu, (word) => {
    const lower = patterns.fold(word);
    if (lower.length < 5 || patterns.vocabulary.some((w) => patterns.fold(w) === lower)) {
      return word;
    }
    const [best] = fuse.search(lower, { limit: 1 });
    if (best === undefined || (best.score ?? 1) > 0.3) return word;
    if (Math.abs(best.item.length - lower.length) > 2) return word;
    return patterns.vocabulary[best.refIndex] ?? word;
  });
  return fixed.replace(/\bwait[\s-]+list\b/gi, 'waitlist');
}

/** Whether the words, read in `lang`, ask to be told when a time opens, or name the waitlist. */
export function isWaitRequestIn(lang: Language, text: string): boolean {
  const patterns = waitPatternsOf(lang);
  const lower = patterns.fold(fixWaitTypos(lang, text));
  return patterns.asks.some((re) => re.test(lower));
}

/**
 * Reads the day or days and the part of the day in `text`, typed at `now` by someone in `zone`:
 * 'friday', 'on the 12th', 'next week' (Monday to Sunday), 'this week' (today to Sunday), 'this
 * weekend', 'friday to sunday', and their German words ('am 12.', 'nächste Woche'). Read in the
 * reader's language and the others; the reading that finds the most of days and part of the day
 * wins (the reader's own on a tie).
 * Days before today move forward; a range longer than the waitlist allows is cut to its first 63
 * days.
 */
export function readWaitWords(t: Translator, text: string, zone: string, now: Date): WaitWords {
  return readBestUnderstood(
    t,
    (lang) => readWaitWordsIn(lang, text, zone, now),
    (read) => (read.fromDate === null ? 0 : 1) + (read.partOfDay === 'ANY' ? 0 : 1),
  );
}

function readWaitWordsIn(lang: Language, text: string, zone: string, now: Date): WaitWords {
  const patterns = waitPatternsOf(lang);
  const dayWords = dayWordsOf(lang);
  let rest = fixWaitTypos(lang, text).slice(0, 500);
  const part = patterns.part.exec(rest);
  const partOfDay = part?.[1] ? patterns.partOf(part[1].toLowerCase()) : 'ANY';
  rest = rest.replace(new RegExp(patterns.part.source, 'giu'), ' ');
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const said = weekRange(patterns, rest, today) ?? ordinalDay(patterns, rest, today);
  // chrono reads the words as the language prepares them ('am 12. Dezember' for 'am 12.').
  const prepared = said ? rest : dayWords.prepare(rest, zone, now);
  const range = said ?? chronoRange(lang, prepared, zone, now);
  if (range) rest = prepared.replace(range.text, ' ');
  const words = readWordsIn(lang, rest, zone, now).words.filter(
    (w) => w.length > 2 && !patterns.filler.has(w),
  );
  if (!range) return { fromDate: null, toDate: null, partOfDay, words };
  const last = DateTime.fromISO(range.from).plus({ days: MAX_SPAN_DAYS }).toISODate() ?? range.to;
  const toDate = range.to.localeCompare(last) > 0 ? last : range.to;
  return { fromDate: range.from, toDate, partOfDay, words };
}

type Range = { readonly text: string; readonly from: string; readonly to: string };

/** 'next week', 'this week', 'this weekend', 'next weekend', 'the weekend'. */
function weekRange(patterns: WaitPatterns, text: string, today: DateTime): Range | null {
  const hit = patterns.week.exec(text);
  if (!hit?.[1] || !hit[2]) return null;
  const next = patterns.isNext(hit[1].toLowerCase());
  const monday = today.minus({ days: today.weekday - 1 }).plus({ weeks: next ? 1 : 0 });
  if (!patterns.isWeekend(hit[2].toLowerCase())) {
    const from = next ? monday : today;
    return { text: hit[0], from: iso(from), to: iso(monday.plus({ days: 6 })) };
  }
  const saturday = monday.plus({ days: 5 });
  const from = saturday < today ? today : saturday;
  return { text: hit[0], from: iso(from), to: iso(monday.plus({ days: 6 })) };
}

/** 'the 12th', 'on the 3rd', 'am 12.': the next date with that day of the month, today too. */
function ordinalDay(patterns: WaitPatterns, text: string, today: DateTime): Range | null {
  const hit = patterns.ordinal.exec(text);
  const n = Number(hit?.[1]);
  if (!hit || n < 1 || n > 31) return null;
  for (let month = 0; month < 3; month++) {
    const start = today.plus({ months: month }).startOf('month');
    if (n > (start.daysInMonth ?? 0)) continue;
    const day = start.set({ day: n });
    if (day >= today) return { text: hit[0], from: iso(day), to: iso(day) };
  }
  return null;
}

/** A day ('friday', 'dec 12', 'tomorrow') or a range of them ('friday to sunday') by chrono. */
function chronoRange(lang: Language, text: string, zone: string, now: Date): Range | null {
  for (const found of dayWordsOf(lang).parse(text, zone, now)) {
    const from = namedDay(found.start);
    if (from === null) continue;
    const to = found.end ? namedDay(found.end) : null;
    const end = to !== null && to <= from ? weekdayAfter(from, found.end) : to;
    return { text: found.text, from, to: end !== null && end > from ? end : from };
  }
  return null;
}

/**
 * The end of a weekday range chrono read backwards ('Freitag bis Sonntag' ending on the Friday):
 * the first such weekday after `from`; null when the end names no weekday.
 */
function weekdayAfter(from: string, end: ParsedComponents | undefined): string | null {
  const weekday = end?.isCertain('weekday') ? end.get('weekday') : null;
  if (weekday === null || weekday === undefined) return null;
  const start = DateTime.fromISO(from);
  const days = (weekday - (start.weekday % 7) + 7) % 7 || 7;
  return iso(start.plus({ days }));
}

function iso(day: DateTime): string {
  return day.toISODate() ?? '';
}

/** How the part of the day reads after a date: 'morning'; empty for any time. */
export function partWords(t: Translator, part: PartOfDay): string {
  switch (part) {
    case 'ANY':
      return '';
    case 'MORNING':
      return t.t('words.partMorning');
    case 'AFTERNOON':
      return t.t('words.partAfternoon');
    case 'EVENING':
      return t.t('words.partEvening');
  }
}
