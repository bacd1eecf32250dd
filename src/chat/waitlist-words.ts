// What 'tell me if something opens on Friday morning' asks for: to wait for a time on a day or a
// range of days ('next week' is Monday to Sunday), optionally in one part of the day. Pure.
import Fuse from 'fuse.js';
import { DateTime } from 'luxon';
import type { PartOfDay } from '../waitlist/part-of-day.ts';
import { namedDay, parseDates, readWords } from './booking-words.ts';
import { fixTypos } from './words/fix-typos.ts';

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

/** Asking to be told *if* or *when* a time opens; 'tell me what is free' is a booking question. */
const WAIT_ASK = [
  /\b(wait ?list|waiting ?list)\b/,
  /\b(tell|let|notify|ping|message|text|alert|inform)\b.{0,20}\b(me|us)\b.*\b(if|when|whenever|once|as soon as|should)\b.*\b(opens?|opening|opened|free|frees|freed|available|slots?|spots?|space|comes? up|cancels|cancellations?)\b/,
];

/** Words that say "wait for a time" and nothing about who or what; never matched as names. */
const WAIT_FILLER = new Set(
  (
    'tell let know notify ping message text alert inform me us if when whether something ' +
    'anything opens open opening opened frees free freed up comes come waitlist waiting list ' +
    'wait put add join on there gets get becomes slot spot space cancels cancellation ' +
    'cancellations day days whole all to until till through weekend'
  ).split(' '),
);

const WAIT_VOCABULARY = [
  'waitlist',
  'notify',
  'opens',
  'frees',
  'available',
  'waiting',
  'something',
  'anything',
];
const fuse = new Fuse(WAIT_VOCABULARY, { includeScore: true, threshold: 0.3 });

/** `text` with misspelt waitlist words ('waitlsit', 'notfy') and day words put right. */
function fixWaitTypos(text: string): string {
  const fixed = fixTypos(text).replace(/[\p{L}]+/gu, (word) => {
    const lower = word.toLowerCase();
    if (lower.length < 5 || WAIT_VOCABULARY.includes(lower)) return word;
    const [best] = fuse.search(lower, { limit: 1 });
    if (best === undefined || (best.score ?? 1) > 0.3) return word;
    return Math.abs(best.item.length - lower.length) > 2 ? word : best.item;
  });
  return fixed.replace(/\bwait[\s-]+list\b/gi, 'waitlist');
}

/** Whether the words ask to be told when a time opens, or name the waitlist. */
export function isWaitRequest(text: string): boolean {
  const lower = fixWaitTypos(text).toLowerCase();
  return WAIT_ASK.some((re) => re.test(lower));
}

/**
 * Reads the day or days and the part of the day in `text`, typed at `now` by someone in `zone`:
 * 'friday', 'on the 12th', 'next week' (Monday to Sunday), 'this week' (today to Sunday), 'this
 * weekend', 'friday to sunday'. Days before today move forward; a range longer than the waitlist
 * allows is cut to its first 63 days.
 */
export function readWaitWords(text: string, zone: string, now: Date): WaitWords {
  let rest = fixWaitTypos(text).slice(0, 500);
  const partOfDay = partOf(rest);
  rest = rest.replace(/\b(morning|afternoon|evening|tonight)s?\b/gi, ' ');
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const range = weekRange(rest, today) ?? ordinalDay(rest, today) ?? chronoRange(rest, zone, now);
  if (range) rest = rest.replace(range.text, ' ');
  const words = readWords(rest, zone, now).words.filter((w) => w.length > 2 && !WAIT_FILLER.has(w));
  if (!range) return { fromDate: null, toDate: null, partOfDay, words };
  const last = DateTime.fromISO(range.from).plus({ days: MAX_SPAN_DAYS }).toISODate() ?? range.to;
  const toDate = range.to.localeCompare(last) > 0 ? last : range.to;
  return { fromDate: range.from, toDate, partOfDay, words };
}

function partOf(text: string): PartOfDay {
  const part = /\b(morning|afternoon|evening|tonight)s?\b/i.exec(text)?.[1]?.toLowerCase();
  if (part === 'morning') return 'MORNING';
  if (part === 'afternoon') return 'AFTERNOON';
  if (part === 'evening' || part === 'tonight') return 'EVENING';
  return 'ANY';
}

type Range = { readonly text: string; readonly from: string; readonly to: string };

/** 'next week', 'this week', 'this weekend', 'next weekend', 'the weekend'. */
function weekRange(text: string, today: DateTime): Range | null {
  const hit = /\b(next|this|the|coming)\s+(week|weekend)\b/i.exec(text);
  if (!hit?.[1] || !hit[2]) return null;
  const next = hit[1].toLowerCase() === 'next';
  const monday = today.minus({ days: today.weekday - 1 }).plus({ weeks: next ? 1 : 0 });
  if (hit[2].toLowerCase() === 'week') {
    const from = next ? monday : today;
    return { text: hit[0], from: iso(from), to: iso(monday.plus({ days: 6 })) };
  }
  const saturday = monday.plus({ days: 5 });
  const from = saturday < today ? today : saturday;
  return { text: hit[0], from: iso(from), to: iso(monday.plus({ days: 6 })) };
}

/** 'the 12th', 'on the 3rd': the next date with that day of the month, today included. */
function ordinalDay(text: string, today: DateTime): Range | null {
  const hit = /\b(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b/i.exec(text);
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
function chronoRange(text: string, zone: string, now: Date): Range | null {
  for (const found of parseDates(text, zone, now)) {
    const from = namedDay(found.start);
    if (from === null) continue;
    const to = found.end ? namedDay(found.end) : null;
    return { text: found.text, from, to: to !== null && to > from ? to : from };
  }
  return null;
}

function iso(day: DateTime): string {
  return day.toISODate() ?? '';
}

/** How the part of the day reads after a date: 'morning'; empty for any time. */
export function partWords(part: PartOfDay): string {
  switch (part) {
    case 'ANY':
      return '';
    case 'MORNING':
      return 'morning';
    case 'AFTERNOON':
      return 'afternoon';
    case 'EVENING':
      return 'evening';
  }
}
