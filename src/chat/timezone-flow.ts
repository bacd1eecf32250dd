// Asking a new client's time zone once (when the platform does not tell it), then carrying on
// with what they asked for.

import { flowData, newNonce } from './button-data.ts';
import { zoneCity } from './chat-format.ts';
import { becomeClient, setClientTimezone } from './chat-identity.ts';
import { button, chatMessage, inRows } from './chat-message.ts';
import type { TimezoneState } from './conversation-state.ts';
import { COMMON_TIMEZONES } from './timezone-answer.ts';
import type { ClientTurn, Turn, TurnResult } from './turn.ts';

export type Pending = TimezoneState['pending'];

const ASK_ZONE = 'Which time zone are you in? Pick one, or type';

/** The words that ask to change a zone the client has, for askTimezone. */
export const CHANGE_ZONE = 'To change it, pick one or type';

/**
 * The question (`ask`: by default which zone they are in), with the common zones as buttons;
 * `pending` runs once it is answered.
 */
export function askTimezone(pending: Pending, lead: string[], ask = ASK_ZONE): TurnResult {
  const nonce = newNonce();
  const text = [
    ...lead,
    `${ask} your city (e.g. "New York") or a zone name such as Europe/Paris.`,
  ].join('\n');
  const buttons = COMMON_TIMEZONES.map((zone, i) =>
    button(zoneCity(zone), flowData(nonce, 'tz', i)),
  );
  return {
    messages: [chatMessage(text, { buttons: inRows(buttons, 3) })],
    state: { kind: 'timezone', nonce, pending },
  };
}

/**
 * Stores `zone` (valid, canonical) on the client, made now if need be, and resumes `pending`
 * through the command registry (so every client command carries on after the question).
 */
export async function answerTimezone(
  turn: Turn,
  zone: string,
  pending: Pending,
): Promise<TurnResult> {
  const { db } = turn.deps;
  const client = turn.client
    ? await setClientTimezone(db, turn.client.id, zone)
    : await becomeClient(db, turn.identity, { timezone: zone, source: 'user' }, turn.now);
  const clientTurn: ClientTurn = { ...turn, client };
  const saved = `Thanks! I'll show times in your time zone, ${zone}.`;
  if (pending === null) {
    return {
      messages: [
        chatMessage(saved),
        chatMessage('Send /book to book an appointment, or /help to see everything I can do.'),
      ],
      state: null,
    };
  }
  return { messages: [chatMessage(saved)], state: null, resume: { turn: clientTurn, ...pending } };
}
