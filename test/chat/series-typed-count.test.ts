// Table tests for a count typed at 'How many weeks?'.
import { describe, expect, it } from 'vitest';
import type { SeriesState } from '../../src/chat/conversation-state.ts';
import { typedOccurrences } from '../../src/chat/series-typed-count.ts';

const weekly = { intervalWeeks: 1 } as SeriesState;
const fortnightly = { intervalWeeks: 2 } as SeriesState;

describe('typedOccurrences', () => {
  it.each([
    ['6', weekly, 6],
    ['6 weeks', weekly, 6],
    ['for 10 weeks.', weekly, 10],
    ['8 times', weekly, 8],
    ['6 weeks', fortnightly, 3],
    ['7 weeks', fortnightly, 4],
    ['5 times', fortnightly, 5],
    ['99', weekly, 52],
    ['0', weekly, null],
    ['six', weekly, null],
    ['6 months', weekly, null],
    ['tuesday', weekly, null],
    ['', weekly, null],
  ])('%j every %o → %s', (text, s, expected) => {
    expect(typedOccurrences(text, s)).toBe(expected);
  });
});
