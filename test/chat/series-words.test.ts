// The series words over a table of phrasings (typos included): weekday, time, count, interval and
// the words left for names; and the first occurrence they name, in the client's zone.
import { describe, expect, it } from 'vitest';
import { firstStartOf } from '../../src/chat/series-first-start.ts';
import { asksForSeriesIn, readSeriesWish } from '../../src/chat/series-words.ts';
import { translatorFor } from '../../src/i18n/translator.ts';

type Wish = {
  weekday: number | null;
  time: string | null;
  occurrences: number | null;
  intervalWeeks: number;
  rest: string;
  capped?: boolean;
};

const clock = (minutes: number | null) =>
  minutes === null
    ? null
    : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const EN = translatorFor('en');

const ROWS: [string, Wish][] = [
  [
    'every Tuesday at 10 for 8 weeks',
    { weekday: 2, time: '10:00', occurrences: 8, intervalWeeks: 1, rest: '' },
  ],
  [
    'weekly on tuesdays at 10am for 2 months',
    { weekday: 2, time: '10:00', occurrences: 9, intervalWeeks: 1, rest: '' },
  ],
  [
    'book a massage every week on Friday at 3pm, 6 times',
    { weekday: 5, time: '15:00', occurrences: 6, intervalWeeks: 1, rest: 'book a massage' },
  ],
  [
    // 'for 10 weeks' is the span: every other week in it is 5 times.
    'every other Monday at 9 for 10 weeks',
    { weekday: 1, time: '09:00', occurrences: 5, intervalWeeks: 2, rest: '' },
  ],
  [
    'every tuesday at 10 for 3 months',
    { weekday: 2, time: '10:00', occurrences: 13, intervalWeeks: 1, rest: '' },
  ],
  [
    'massage with anna every friday at 14:00 for 4 weeks',
    { weekday: 5, time: '14:00', occurrences: 4, intervalWeeks: 1, rest: 'massage with anna' },
  ],
  [
    'every 2 weeks on thursday at 4pm x5',
    { weekday: 4, time: '16:00', occurrences: 5, intervalWeeks: 2, rest: '' },
  ],
  [
    'fortnightly on sat at 9:30am, 3 sessions',
    { weekday: 6, time: '09:30', occurrences: 3, intervalWeeks: 2, rest: '' },
  ],
  [
    'every second wednesday at 12 for 4 weeks',
    { weekday: 3, time: '12:00', occurrences: 2, intervalWeeks: 2, rest: '' },
  ],
  // No count: the flow asks "How many weeks?".
  [
    'every Tuesday at 10',
    { weekday: 2, time: '10:00', occurrences: null, intervalWeeks: 1, rest: '' },
  ],
  // No day or time: the flow has them picked.
  [
    'weekly massage with anna',
    { weekday: null, time: null, occurrences: null, intervalWeeks: 1, rest: 'massage with anna' },
  ],
  // More than 52 is cut to 52, and says so.
  [
    'every monday at 9 for 60 weeks',
    { weekday: 1, time: '09:00', occurrences: 52, intervalWeeks: 1, rest: '', capped: true },
  ],
  // Typos in the series and day words.
  [
    'evry tusday at 10 for 8 weks',
    { weekday: 2, time: '10:00', occurrences: 8, intervalWeeks: 1, rest: '' },
  ],
  [
    'book massage with anna evrey wendsday at 11:30 for 3 months',
    {
      weekday: 3,
      time: '11:30',
      occurrences: 13,
      intervalWeeks: 1,
      rest: 'book massage with anna',
    },
  ],
  [
    'every thrusday at 2 for 6 wks',
    { weekday: 4, time: '14:00', occurrences: 6, intervalWeeks: 1, rest: '' },
  ],
];

describe('readSeriesWish', () => {
  it.each(ROWS)('%s', (words, want) => {
    const wish = readSeriesWish(EN, words);
    expect(wish).not.toBeNull();
    expect({
      weekday: wish?.weekday ?? null,
      time: clock(wish?.minutes ?? null),
      occurrences: wish?.occurrences ?? null,
      intervalWeeks: wish?.intervalWeeks,
      rest: wish?.rest,
      ...(wish?.capped ? { capped: true } : {}),
    }).toEqual(want);
    expect(asksForSeriesIn('en', words)).toBe(true);
  });

  it.each([
    'book a massage tomorrow at 10',
    'massage with anna on tuesday at 10',
    'what have I booked?',
    'cancel my appointment',
    'every now and then',
  ])('%s asks for no series', (words) => {
    expect(readSeriesWish(EN, words)).toBeNull();
    expect(asksForSeriesIn('en', words)).toBe(false);
  });
});

describe('firstStartOf', () => {
  // Monday 2026-11-30, 09:00 in Berlin.
  const now = new Date('2026-11-30T08:00:00Z');
  it.each([
    [2, 600, 'Europe/Berlin', '2026-12-01T09:00:00.000Z'],
    // Monday 10:00 is still ahead today; Monday 08:00 is past, so next week.
    [1, 600, 'Europe/Berlin', '2026-11-30T09:00:00.000Z'],
    [1, 480, 'Europe/Berlin', '2026-12-07T07:00:00.000Z'],
    [7, 540, 'America/New_York', '2026-12-06T14:00:00.000Z'],
    [2, 600, 'Asia/Kolkata', '2026-12-01T04:30:00.000Z'],
  ])('weekday %i at %i min in %s', (weekday, minutes, zone, want) => {
    expect(firstStartOf(weekday, minutes, zone, now).toISOString()).toBe(want);
  });

  it('keeps the wall clock across the end of summer time', () => {
    // Saturday 2026-10-24 in Berlin: Tuesday 10:00 after the clocks went back is 09:00Z.
    const start = firstStartOf(2, 600, 'Europe/Berlin', new Date('2026-10-24T08:00:00Z'));
    expect(start.toISOString()).toBe('2026-10-27T09:00:00.000Z');
  });
});
