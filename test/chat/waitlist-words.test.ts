// The waitlist words over a table of phrasings: whether each asks to wait, and for which days,
// part of the day and names, read at a fixed moment in Berlin.
import { describe, expect, it } from 'vitest';
import { isWaitRequestIn, partWords, readWaitWords } from '../../src/chat/waitlist-words.ts';
import { readPlainRequest } from '../../src/chat/words/plain-request.ts';
import { translatorFor } from '../../src/i18n/translator.ts';

/** Monday 2026-12-07, 11:00 in Berlin. */
const NOW = new Date('2026-12-07T10:00:00Z');
const ZONE = 'Europe/Berlin';
const EN = translatorFor('en');

type Row = [text: string, from: string | null, to: string | null, part: string, words: string[]];

const ROWS: Row[] = [
  ['tell me if something opens on Friday morning', '2026-12-11', '2026-12-11', 'MORNING', []],
  ['let me know if anything frees up next week', '2026-12-14', '2026-12-20', 'ANY', []],
  ['put me on the waitlist for Tuesday', '2026-12-08', '2026-12-08', 'ANY', []],
  [
    "notify me when there's a slot on the 12th in the afternoon",
    '2026-12-12',
    '2026-12-12',
    'AFTERNOON',
    [],
  ],
  ['waitlist', null, null, 'ANY', []],
  ['wiatlist friday', '2026-12-11', '2026-12-11', 'ANY', []],
  ['tell me if somthing opens on fridya mornign', '2026-12-11', '2026-12-11', 'MORNING', []],
  [
    'notfy me if a massage with anna opens this week',
    '2026-12-07',
    '2026-12-13',
    'ANY',
    ['massage', 'anna'],
  ],
  [
    'put me on the wait list for friday to sunday evening',
    '2026-12-11',
    '2026-12-13',
    'EVENING',
    [],
  ],
  ['let me know if anything opens this weekend', '2026-12-12', '2026-12-13', 'ANY', []],
  ['tell me if something opens on the 3rd', '2027-01-03', '2027-01-03', 'ANY', []],
  ['waiting list for tomorrow afternoon please', '2026-12-08', '2026-12-08', 'AFTERNOON', []],
];

describe('readWaitWords', () => {
  it.each(ROWS)('%s', (text, from, to, part, words) => {
    expect(isWaitRequestIn('en', text)).toBe(true);
    const read = readWaitWords(EN, text, ZONE, NOW);
    expect(read).toEqual({ fromDate: from, toDate: to, partOfDay: part, words });
  });

  it('cuts a range past the 62 days an entry may span', () => {
    const read = readWaitWords(EN, 'waitlist dec 8 to apr 30', ZONE, NOW);
    expect(read.fromDate).toBe('2026-12-08');
    expect(read.toDate).toBe('2027-02-08');
  });

  it('reads next week from a Sunday as the coming Monday to Sunday', () => {
    const sunday = new Date('2026-12-13T10:00:00Z');
    const read = readWaitWords(EN, 'let me know if anything opens next week', ZONE, sunday);
    expect([read.fromDate, read.toDate]).toEqual(['2026-12-14', '2026-12-20']);
  });
});

describe('isWaitRequestIn', () => {
  it.each([
    'book a massage tomorrow',
    'cancel my appointment',
    'tell me a joke',
    'what have I booked?',
    'massage friday morning',
    'tell me what is free tomorrow',
    'let me know if I can cancel my booking',
    'notify me about my booking',
  ])('%s is not a waitlist request', (text) => {
    expect(isWaitRequestIn('en', text)).toBe(false);
  });

  it.each([
    ['tell me if something opens on Friday morning', 'wait'],
    ['put me on the waitlist for Tuesday', 'wait'],
    ['let me know if a cancellation frees up friday', 'wait'],
    ['book a massage friday', 'book'],
    ['tell me what is free tomorrow', 'book'],
    ['let me know if I can cancel my booking', 'cancel'],
  ])('reads %s as %s', (text, intent) => {
    expect(readPlainRequest(EN, text, ZONE, NOW).intent).toBe(intent);
  });
});

describe('partWords', () => {
  it.each([
    ['ANY', ''],
    ['MORNING', 'morning'],
    ['AFTERNOON', 'afternoon'],
    ['EVENING', 'evening'],
  ] as const)('%s reads %s', (part, words) => {
    expect(partWords(EN, part)).toBe(words);
  });
});
