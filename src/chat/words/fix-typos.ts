// Misspelt day, time and request words ('tomorow', 'wednesay', 'nxt', 'cancle') put right before
// anything reads them, by fuzzy matching single words against a small vocabulary (fuse.js).
import Fuse from 'fuse.js';

/** The words people use for days, times and requests, spelt right. */
const VOCABULARY = [
  'today',
  'tomorrow',
  'tonight',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'next',
  'week',
  'morning',
  'afternoon',
  'evening',
  'noon',
  'after',
  'before',
  'appointment',
  'appointments',
  'booking',
  'bookings',
  'cancel',
  'reschedule',
  'schedule',
];

/** Short forms fuzzy matching would get wrong (too few letters to judge). */
const SHORT_FORMS: Record<string, string> = {
  nxt: 'next',
  tmr: 'tomorrow',
  tmrw: 'tomorrow',
  tmrow: 'tomorrow',
  tomoz: 'tomorrow',
  '2moro': 'tomorrow',
  '2morrow': 'tomorrow',
  tdy: 'today',
  wk: 'week',
  appt: 'appointment',
  tues: 'tuesday',
  weds: 'wednesday',
  thurs: 'thursday',
};

/** Words that look like vocabulary but are words of their own. */
const KEEP = new Set(['book', 'booked', 'monthly', 'weekly', 'daily', 'nights', 'next']);

const fuse = new Fuse(VOCABULARY, { includeScore: true, threshold: 0.3, ignoreLocation: true });

/** One word put right: a known short form, or the vocabulary word it is a near miss of. */
function fixWord(word: string): string {
  const lower = word.toLowerCase();
  const short = SHORT_FORMS[lower];
  if (short !== undefined) return short;
  if (lower.length < 5 || KEEP.has(lower) || VOCABULARY.includes(lower)) return word;
  const [best] = fuse.search(lower, { limit: 1 });
  if (best === undefined || (best.score ?? 1) > 0.3) return word;
  // Much longer or shorter is another word ('afternoons' is fine, 'tomorrowland' is not).
  if (Math.abs(best.item.length - lower.length) > 2) return word;
  return best.item;
}

/** `text` with each misspelt day, time or request word replaced; everything else as it was. */
export function fixTypos(text: string): string {
  return text.replace(/[\p{L}\p{N}]+/gu, fixWord);
}
