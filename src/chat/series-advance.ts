// Moves a series conversation on: provider and service first, then the count, then the preview.
import type { SeriesState } from './conversation-state.ts';
import { settleSeriesChoice } from './series-choice.ts';
import { askWeeks, showPreview } from './series-preview.ts';
import type { ClientTurn, TurnResult } from './turn.ts';

/** Settles what it can and shows the first open step: a choice, How many weeks?, or the preview. */
export async function advanceSeries(
  turn: ClientTurn,
  s0: SeriesState,
  lead: string[],
): Promise<TurnResult> {
  const settled = await settleSeriesChoice(turn, s0, lead);
  if (settled.shown !== null) return settled.shown;
  const { s, picked } = settled;
  if (s.occurrences === null) return askWeeks(turn, s, picked, lead);
  return showPreview(turn, s, picked, lead);
}
