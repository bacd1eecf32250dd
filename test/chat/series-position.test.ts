// Where a date sits in its series, as /mybookings says it, in English and German.
import { describe, expect, it } from 'vitest';
import { positionWords } from '../../src/chat/series-position.ts';
import { translatorFor } from '../../src/i18n/translator.ts';
import type { Series } from '../../src/series/series-types.ts';

const series = (intervalWeeks: number): Series => ({
  id: '00000000-0000-4000-8000-000000000001',
  providerId: '00000000-0000-4000-8000-000000000002',
  serviceId: '00000000-0000-4000-8000-000000000003',
  clientId: '00000000-0000-4000-8000-000000000004',
  timezone: 'Europe/Berlin',
  firstDate: '2026-12-01',
  localTime: '10:00',
  intervalWeeks,
  occurrences: 4,
  createdBy: 'admin',
  cancelledAt: null,
  createdAt: new Date('2026-11-30T08:00:00Z'),
});

/** The start `weeks` after the first date's 10:00 Berlin (09:00 UTC in winter). */
const weeksIn = (weeks: number) => new Date(Date.UTC(2026, 11, 1 + 7 * weeks, 9));
/** A date moved off the plan: a Wednesday. */
const moved = new Date(Date.UTC(2026, 11, 2, 9));

describe('positionWords', () => {
  it.each<['en' | 'de', number, Date, string]>([
    ['en', 1, weeksIn(2), 'weekly, 3 of 4'],
    ['en', 2, weeksIn(2), 'every other week, 2 of 4'],
    ['en', 3, weeksIn(3), 'every 3 weeks, 2 of 4'],
    ['en', 1, moved, 'weekly series'],
    ['en', 3, moved, 'every 3 weeks series'],
    ['de', 1, weeksIn(2), 'wöchentlich, 3 von 4'],
    ['de', 2, weeksIn(2), 'alle zwei Wochen, 2 von 4'],
    ['de', 3, weeksIn(3), 'alle 3 Wochen, 2 von 4'],
    ['de', 1, moved, 'wöchentliche Serie'],
    ['de', 2, moved, 'Serie alle zwei Wochen'],
  ])('%s, every %i weeks: %s', (lang, interval, start, want) => {
    expect(positionWords(translatorFor(lang), series(interval), start)).toBe(want);
  });
});
