// A count typed at 'How many weeks?' ('6', '6 weeks', '10 times'), read as the buttons would be.
import type { SeriesState } from './conversation-state.ts';
import { advanceSeries } from './series-advance.ts';
import { MAX_OCCURRENCES } from './series-words.ts';
import type { ClientTurn, TurnResult } from './turn.ts';

const COUNT = /^\s*(?:for\s+)?(\d{1,3})\s*(weeks?|wks?|times|x|dates|sessions)?\s*[.!]?\s*$/i;

/**
 * The weeks or dates `text` names, as occurrences of `s` (weeks divide by the interval, rounded
 * up; 'times' count dates), capped at MAX_OCCURRENCES; null for anything else or zero.
 */
export function typedOccurrences(text: string, s: SeriesState): number | null {
  const m = COUNT.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  if (n < 1) return null;
  const dates = /^(times|x|dates|sessions)$/i.test(m[2] ?? '') ? n : Math.ceil(n / s.intervalWeeks);
  return Math.min(dates, MAX_OCCURRENCES);
}

/** At 'How many weeks?', a typed count moves on to the preview; null when `text` is no count. */
export function answerTypedCount(
  turn: ClientTurn,
  s: SeriesState,
  text: string,
): Promise<TurnResult> | null {
  if (s.step !== 'weeks') return null;
  const occurrences = typedOccurrences(text, s);
  return occurrences === null ? null : advanceSeries(turn, { ...s, occurrences }, []);
}
