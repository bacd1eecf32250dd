// /timezone: show the client's zone and ask for a new one, or set it from the words given.
import { matchTimezone } from './timezone-answer.ts';
import { answerTimezone, askTimezone, CHANGE_ZONE } from './timezone-flow.ts';
import type { Turn, TurnResult } from './turn.ts';
import { greeting } from './turn-replies.ts';

/** `/timezone` shows the zone and asks for a new one; `/timezone Tokyo` sets it at once. */
export function timezoneCommand(turn: Turn, args: string): Promise<TurnResult> | TurnResult {
  if (args !== '') {
    const zone = matchTimezone(args);
    if (zone) return answerTimezone(turn, zone, null);
    return askTimezone(turn.t, null, [turn.t.t('timezone.unknown', { words: args.slice(0, 40) })]);
  }
  if (!turn.client) return askTimezone(turn.t, null, [greeting(turn)]);
  const yours = turn.t.t('timezone.yours', { zone: turn.client.timezone });
  return askTimezone(turn.t, null, [yours], CHANGE_ZONE);
}
