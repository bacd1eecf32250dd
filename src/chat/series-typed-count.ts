// A count typed at 'How many weeks?' ('6', '6 weeks', '10 times'), read as the buttons would be.
import type { SeriesState } from './conversation-state.ts';
import { MAX_OCCURRENCES } from './series-words.ts';

const COUNT = /^\s*(?:for\s+)?(\d{1,3})\s*(weeks?|wks?|times|x|dates|sessions)?\s*[.!]?\s*$/i;

/**
 * The occurrences of `s` that a count typed at 'How many weeks?' names: weeks divide by the
 * interval, rounded up; 'times' count dates; capped at MAX_OCCURRENCES. Null for anything else.
 */
export function typedOccurrences(text: string, s: SeriesState): number | null {
  const m = COUNT.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  if (n < 1) return null;
  const dates = /^(times|x|dates|sessions)$/i.test(m[2] ?? '') ? n : Math.ceil(n / s.intervalWeeks);
  return Math.min(dates, MAX_OCCURRENCES);
}
