// `/book massage with Anna tomorrow after 3pm` or `/book Massage bei Anna morgen nach 15 Uhr`: the
// day and time (chrono-node in the reader's language, or another that reads more, in the client's
// zone, after misspelt day words are put right) and the leftover words, matched fuzzily (fuse.js)
// against provider and service names.
import type * as chrono from 'chrono-node';
import Fuse from 'fuse.js';
import type { Language } from '../i18n/languages.ts';
import type { Translator } from '../i18n/translator.ts';
import type { Hints } from './conversation-state.ts';
import { dayWordsOf, wordsOf } from './words/day-words.ts';
import { fixTypos } from './words/fix-typos.ts';
import { readBestUnderstood } from './words/reading-order.ts';
import { hintsOf, type TimeWish } from './words/time-wish.ts';

/** Titles that do not help tell providers apart. */
const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'prof', 'doctor']);

/** A fuzzy hit counts up to this fuse.js score (0 is exact): about one typo in five letters. */
const NAME_THRESHOLD = 0.34;

/** What the words of a booking request settle before any name is looked up. */
export type BookingWords = {
  readonly words: string[];
  readonly day: string | null;
  readonly wish: TimeWish | null;
};

/**
 * Reads `text` at `now` in `zone`: the first date chrono finds (a day only when it names one:
 * 'tomorrow', 'friday', 'dec 3', 'morgen', 'am 12.'), a time of day ('at 10'/'um 10' exactly
 * 10:00, 'after 3pm'/'nach 15 Uhr' from 15:00, 'before 11' up to 11:00, 'morning'/'vormittags'
 * 06:00-12:00; an hour 1-7 without am/pm is afternoon), and the other words for matching names.
 * Read in every language; the reading that settles the most of day and time wins (the reader's
 * own language on a tie).
 * Misspelt day and time words are put right first.
 */
function readWords(t: Translator, text: string, zone: string, now: Date): BookingWords {
  return readBestUnderstood(
    t,
    (lang) => readWordsIn(lang, text, zone, now),
    (read) => (read.day === null ? 0 : 1) + (read.wish === null ? 0 : 1),
  );
}

/** `readWords` in one language. */
export function readWordsIn(lang: Language, text: string, zone: string, now: Date): BookingWords {
  const dayWords = dayWordsOf(lang);
  let rest = dayWords.prepare(fixTypos(lang, text), zone, now);
  const part = dayWords.findPart(rest);
  const range = part?.range ?? null;
  if (part) rest = part.rest;
  const [first] = dayWords.parse(rest, zone, now);
  let day: string | null = null;
  let wish: TimeWish | null = range && { kind: 'between', ...range };
  if (first) {
    day = namedDay(first.start);
    const hour = first.start.get('hour');
    if (first.start.isCertain('hour') && hour !== null) {
      const pm =
        !first.start.isCertain('meridiem') &&
        hour < 12 &&
        (range ? range.from >= 720 : hour >= 1 && hour <= 7);
      const minutes = (pm ? hour + 12 : hour) * 60 + (first.start.get('minute') ?? 0);
      wish = timeWish(lang, rest, minutes);
    }
    // Only words that said something go: 'may' alone is no date, and may be a name.
    if (day !== null || wish !== null) rest = rest.replace(first.text, ' ');
  }
  const words = wordsOf(rest)
    .filter((w) => !dayWords.filler.has(w) && !TITLES.has(w))
    .map((w) => w.slice(0, 64))
    .slice(0, 18);
  return { words, day, wish };
}

/** 'after'/'from' a time, 'before'/'until' it, or exactly at it. */
function timeWish(lang: Language, text: string, minutes: number): TimeWish {
  const { from, before } = dayWordsOf(lang);
  if (from.test(text)) return { kind: 'from', minutes };
  if (before.test(text)) return { kind: 'before', minutes };
  return { kind: 'at', minutes };
}

/** `readWords` as the hints a booking state keeps. */
export function readBookingWords(t: Translator, text: string, zone: string, now: Date): Hints {
  const { words, day, wish } = readWords(t, text, zone, now);
  return hintsOf(words, day, wish);
}

/**
 * chrono's dates in `text`, read at `now` on the wall clock of `zone`, future-leaning: in the
 * reader's language, or when that finds none, in the first other language that finds one.
 */
export function parseDates(
  t: Translator,
  text: string,
  zone: string,
  now: Date,
): chrono.ParsedResult[] {
  return readBestUnderstood(
    t,
    (lang) => {
      const dayWords = dayWordsOf(lang);
      return dayWords.parse(dayWords.prepare(text, zone, now), zone, now);
    },
    (found) => (found.length > 0 ? 1 : 0),
  );
}

/** 'YYYY-MM-DD' when the words named a day ('tomorrow', 'friday', 'dec 3'), else null. */
export function namedDay(start: chrono.ParsedComponents): string | null {
  if (!start.isCertain('day') && !start.isCertain('weekday')) return null;
  const y = start.get('year');
  const m = start.get('month');
  const d = start.get('day');
  if (y === null || m === null || d === null) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The keys a name is found by: each word (titles left out), and all of them run together. */
function nameKeys(name: string): string[] {
  const parts = wordsOf(name).filter((t) => !TITLES.has(t));
  return [...new Set([...parts, parts.join('')])];
}

/**
 * The items whose names match the most of `words` (3+ letters each), fuzzily: a typo or two
 * ('consultaton', 'chekup'), a prefix ('massag'), or a part of the name ('weber'). [] when none.
 */
export function bestMatches<T extends { name: string }>(
  items: readonly T[],
  words: readonly string[],
): T[] {
  const useful = words.filter((w) => w.length >= 3 && !w.startsWith('~'));
  if (useful.length === 0 || items.length === 0) return [];
  const keys = items.flatMap((item, index) => nameKeys(item.name).map((key) => ({ key, index })));
  const fuse = new Fuse(keys, {
    keys: ['key'],
    includeScore: true,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    threshold: NAME_THRESHOLD,
  });
  const scores = items.map(() => 0);
  for (const word of useful) {
    const hit = new Set(fuse.search(word).map((r) => r.item.index));
    for (const index of hit) scores[index] = (scores[index] ?? 0) + 1;
  }
  const best = Math.max(...scores);
  return best > 0 ? items.filter((_, i) => scores[i] === best) : [];
}
