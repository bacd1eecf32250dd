// `/book massage with Anna tomorrow after 3pm`: the day and time (chrono-node, in the client's
// zone) and the leftover words, matched loosely against provider and service names.
import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { Hints } from './conversation-state.ts';

/** Words that say nothing about which provider or service. */
const FILLER = new Set([
  'a',
  'an',
  'the',
  'with',
  'at',
  'on',
  'for',
  'after',
  'before',
  'from',
  'to',
  'by',
  'in',
  'and',
  'or',
  'please',
  'book',
  'booking',
  'appointment',
  'me',
  'i',
  'want',
  'like',
  'would',
  'some',
  'time',
  'any',
]);

/** Titles that do not help tell providers apart. */
const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'prof', 'doctor']);

/** Lower-case words without accents or punctuation. */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * Reads `text` at `now` in `zone`: the first date chrono finds (a day only when it names one:
 * 'tomorrow', 'friday', 'dec 3'), a time of day only when it names the hour ('after 3pm' means
 * from 15:00 on, 'before 11' up to 11:00), and the other words for matching names.
 */
export function readBookingWords(text: string, zone: string, now: Date): Hints {
  const [first] = parseDates(text, zone, now);
  let rest = text;
  let day: string | null = null;
  let time: Hints['time'] = null;
  if (first) {
    day = namedDay(first.start);
    const hour = first.start.get('hour');
    if (first.start.isCertain('hour') && hour !== null) {
      const minutes = hour * 60 + (first.start.get('minute') ?? 0);
      time = { minutes, before: /\bbefore\b/i.test(text) };
    }
    // Only words that said something go: 'may' alone is no date, and may be a name.
    if (day !== null || time !== null) rest = text.replace(first.text, ' ');
  }
  const words = wordsOf(rest)
    .filter((w) => !FILLER.has(w) && !TITLES.has(w))
    .map((w) => w.slice(0, 64))
    .slice(0, 20);
  return { words, day, time };
}

/** chrono's dates in `text`, read at `now` on the wall clock of `zone`, future-leaning. */
export function parseDates(text: string, zone: string, now: Date): chrono.ParsedResult[] {
  const offset = DateTime.fromJSDate(now, { zone }).offset;
  return chrono.parse(text, { instant: now, timezone: offset }, { forwardDate: true });
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

/** How many of `words` the name matches: equal, a prefix (3+ letters) or inside (4+ letters). */
function matchScore(name: string, words: readonly string[]): number {
  const parts = wordsOf(name).filter((t) => !TITLES.has(t));
  let score = 0;
  for (const w of words) {
    const hit = parts.some(
      (t) => t === w || (w.length >= 3 && t.startsWith(w)) || (w.length >= 4 && t.includes(w)),
    );
    if (hit) score += 1;
  }
  return score;
}

/** The items with the best positive score, or [] when nothing matches. */
export function bestMatches<T extends { name: string }>(
  items: readonly T[],
  words: readonly string[],
): T[] {
  if (words.length === 0) return [];
  let best = 0;
  let found: T[] = [];
  for (const item of items) {
    const score = matchScore(item.name, words);
    if (score > best) {
      best = score;
      found = [item];
    } else if (score === best && score > 0) {
      found.push(item);
    }
  }
  return found;
}
