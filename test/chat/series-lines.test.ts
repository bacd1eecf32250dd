// How a series reads: the heading, one line per date with its clock, and runs of dates refused
// alike folded into one line, over a table of verdicts.
import { describe, expect, it } from 'vitest';
import {
  freeCount,
  type OccurrenceLine,
  occurrenceLines,
  seriesHeading,
} from '../../src/chat/series-lines.ts';
import { translatorFor } from '../../src/i18n/translator.ts';

const en = translatorFor('en');
const de = translatorFor('de');

const ZONE = 'Europe/Berlin';
const week = (n: number) => new Date(Date.UTC(2026, 11, 1 + 7 * n, 9));
const free = (n: number): OccurrenceLine => ({ start: week(n), verdict: { ok: true } });
const taken = (n: number): OccurrenceLine => ({
  start: week(n),
  verdict: { ok: false, code: 'SLOT_TAKEN' },
});
const far = (n: number): OccurrenceLine => ({
  start: week(n),
  verdict: { ok: false, code: 'SLOT_UNAVAILABLE', reason: 'TOO_FAR_AHEAD' },
});

describe('occurrenceLines', () => {
  it.each<[string, OccurrenceLine[], string[]]>([
    ['all free', [free(0), free(1)], ['✓ Tue 1 Dec, 10:00', '✓ Tue 8 Dec, 10:00']],
    [
      'two refused alike stay two lines',
      [far(0), far(1)],
      ['✗ Tue 1 Dec, 10:00 (too far ahead to book)', '✗ Tue 8 Dec, 10:00 (too far ahead to book)'],
    ],
    [
      'three refused alike fold into one',
      [free(0), far(1), far(2), far(3)],
      ['✓ Tue 1 Dec, 10:00', '✗ Tue 8 Dec to Tue 22 Dec, 10:00: 3 dates (too far ahead to book)'],
    ],
    [
      'a different reason breaks the run',
      [taken(0), far(1), far(2), taken(3)],
      [
        '✗ Tue 1 Dec, 10:00 (taken)',
        '✗ Tue 8 Dec, 10:00 (too far ahead to book)',
        '✗ Tue 15 Dec, 10:00 (too far ahead to book)',
        '✗ Tue 22 Dec, 10:00 (taken)',
      ],
    ],
  ])('%s', (_name, occurrences, want) => {
    expect(occurrenceLines(en, occurrences, ZONE)).toEqual(want);
  });

  it('counts the free ones and heads the list', () => {
    expect(freeCount([free(0), taken(1), free(2)])).toBe(2);
    const heading = seriesHeading(
      en,
      { firstStart: week(0), zone: ZONE, intervalWeeks: 2, occurrences: 3 },
      { service: 'Massage', provider: 'Anna Weber' },
    );
    expect(heading).toBe(
      'Every other Tuesday at 10:00 (Europe/Berlin), 3 times, Massage with Anna Weber',
    );
  });
});

describe('in German', () => {
  it.each<[string, OccurrenceLine[], string[]]>([
    ['all free', [free(0), free(1)], ['✓ Di., 1. Dez., 10:00', '✓ Di., 8. Dez., 10:00']],
    [
      'three refused alike fold into one',
      [free(0), far(1), far(2), far(3)],
      [
        '✓ Di., 1. Dez., 10:00',
        '✗ Di., 8. Dez. bis Di., 22. Dez., 10:00: 3 Termine (zu weit im Voraus)',
      ],
    ],
    [
      'a different reason breaks the run',
      [taken(0), far(1), far(2), taken(3)],
      [
        '✗ Di., 1. Dez., 10:00 (belegt)',
        '✗ Di., 8. Dez., 10:00 (zu weit im Voraus)',
        '✗ Di., 15. Dez., 10:00 (zu weit im Voraus)',
        '✗ Di., 22. Dez., 10:00 (belegt)',
      ],
    ],
  ])('%s', (_name, occurrences, want) => {
    expect(occurrenceLines(de, occurrences, ZONE)).toEqual(want);
  });

  it.each<[number, number, string]>([
    [1, 8, 'Jeden Dienstag um 10:00 Uhr (Europe/Berlin), 8-mal, Massage bei Anna Weber'],
    [2, 1, 'Jeden zweiten Dienstag um 10:00 Uhr (Europe/Berlin), einmal, Massage bei Anna Weber'],
    [3, 4, 'Alle 3 Wochen am Dienstag um 10:00 Uhr (Europe/Berlin), 4-mal, Massage bei Anna Weber'],
  ])('every %i weeks, %i dates', (intervalWeeks, occurrences, want) => {
    const heading = seriesHeading(
      de,
      { firstStart: week(0), zone: ZONE, intervalWeeks, occurrences },
      { service: 'Massage', provider: 'Anna Weber' },
    );
    expect(heading).toBe(want);
  });

  it("names the weekday in the reader's language and the English rhythm stays as it was", () => {
    const rhythm = (t: typeof en, intervalWeeks: number) =>
      seriesHeading(
        t,
        { firstStart: week(0), zone: ZONE, intervalWeeks, occurrences: 2 },
        { service: 'Massage', provider: 'Anna Weber' },
      );
    expect(rhythm(en, 3)).toMatch(/^Every 3 weeks on Tuesday at 10:00 \(Europe\/Berlin\), /);
    expect(rhythm(de, 1)).toMatch(/^Jeden Dienstag um 10:00 Uhr \(Europe\/Berlin\), /);
  });
});
