// "Tell me if a time opens": the button a booking step shows when no time suits the day (and
// part of the day) asked for; pressing it joins the waitlist for exactly that.

import type { Translator } from '../i18n/translator.ts';
import type { PartOfDay } from '../waitlist/part-of-day.ts';
import { flowData } from './button-data.ts';
import { button, MAX_ROWS } from './chat-message.ts';
import type { ChatButton, ChatMessage } from './chat-types.ts';
import type { BookingState, WaitWish } from './conversation-state.ts';
import { noTimesSentence, type Picked } from './free-times.ts';
import { noSlotsWords } from './no-slots-words.ts';
import type { ClientTurn, TurnResult } from './turn.ts';
import { PARTS_OF_DAY, type TimeWish } from './words/time-wish.ts';

const MAX_ROW = 5;

/**
 * Says why the client-local `day` has no free time (onto `lead`); true when every time is taken,
 * so waiting for one may help (not when the day is over, too soon, too far ahead or closed).
 */
export async function sayNoTimes(
  turn: ClientTurn,
  picked: Picked,
  day: string,
  lead: string[],
): Promise<boolean> {
  const said = await noTimesSentence(turn, picked, day);
  lead.push(said);
  return said === noSlotsWords(turn.t, null, day, turn.client.timezone);
}

/** The part of the day a time wish is ('morning' is 06-12); ANY for anything else. */
export function partOfWish(wish: TimeWish | null): PartOfDay {
  if (wish?.kind !== 'between') return 'ANY';
  const fits = (name: string) => {
    const part = PARTS_OF_DAY[name];
    return part !== undefined && part.from === wish.from && part.to === wish.to;
  };
  if (fits('morning')) return 'MORNING';
  if (fits('afternoon')) return 'AFTERNOON';
  return fits('evening') ? 'EVENING' : 'ANY';
}

/**
 * `result` (a step of the booking flow `s` that said no time suits `day`) with a "Tell me if a
 * time opens" button on its first message, and the state remembering what it waits for. A move
 * of an existing appointment, or a message with no room for the button, is left as it was.
 */
export function withWaitButton(
  t: Translator,
  result: TurnResult,
  s: BookingState,
  day: string,
  part: PartOfDay,
): TurnResult {
  const state = result.state?.kind === 'booking' ? result.state : s;
  const [first, ...rest] = result.messages;
  if (state.appointmentId !== null || first === undefined) return result;
  const wait = button(t.t('waitlist.waitButton'), flowData(state.nonce, 'wl'));
  const buttons = withButton(first, wait);
  if (buttons === null) return result;
  const waitFor: WaitWish = { fromDate: day, toDate: day, partOfDay: part };
  return { ...result, messages: [{ ...first, buttons }, ...rest], state: { ...state, waitFor } };
}

/** A row of its own before the last (the navigation), or a place in a full message's last row. */
function withButton(message: ChatMessage, wait: ChatButton): ChatButton[][] | null {
  const rows = message.buttons.map((row) => [...row]);
  if (rows.length < MAX_ROWS) {
    const at = Math.max(rows.length - 1, 0);
    return [...rows.slice(0, at), [wait], ...rows.slice(at)];
  }
  const last = rows.at(-1);
  if (last === undefined || last.length >= MAX_ROW) return null;
  last.unshift(wait);
  return rows;
}
