// How a series reads: the heading, one line per date with its clock, and runs of dates refused
// alike folded into one line, over a table of verdicts.
import { describe, expect, it } from 'vitest';
import {
  freeCount,
  type OccurrenceLine,
  occurrenceLines,
  seriesHeading,
} from '../../src/chat/series-lines.ts';

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
    expect(occurrenceLines(occurrences, ZONE)).toEqual(want);
  });

  it('counts the free ones and heads the list', () => {
    expect(freeCount([free(0), taken(1), free(2)])).toBe(2);
    const heading = seriesHeading(
      { firstStart: week(0), zone: ZONE, intervalWeeks: 2, occurrences: 3 },
      { service: 'Massage', provider: 'Anna Weber' },
    );
    expect(heading).toBe(
      'Every other Tuesday at 10:00 (Europe/Berlin), 3 times, Massage with Anna Weber',
    );
  });
});
