// Asking a new client's time zone once (when the platform does not tell it), then carrying on
// with what they asked for.

import type { Translator } from '../i18n/translator.ts';
import { flowData, newNonce } from './button-data.ts';
import { zoneCity } from './chat-format.ts';
import { becomeClient, setClientTimezone } from './chat-identity.ts';
import { button, chatMessage, inRows } from './chat-message.ts';
import type { TimezoneState } from './conversation-state.ts';
import { COMMON_TIMEZONES } from './timezone-answer.ts';
import type { ClientTurn, Turn, TurnResult } from './turn.ts';

export type Pending = TimezoneState['pending'];

/** The question to ask: which zone they are in, or (for a zone the client has) to change it. */
type ZoneQuestion = 'timezone.ask' | 'timezone.change';

/** The words that ask to change a zone the client has, for askTimezone. */
export const CHANGE_ZONE: ZoneQuestion = 'timezone.change';

/**
 * The question (`ask`: by default which zone they are in), with the common zones as buttons;
 * `pending` runs once it is answered.
 */
export function askTimezone(
  t: Translator,
  pending: Pending,
  lead: string[],
  ask: ZoneQuestion = 'timezone.ask',
): TurnResult {
  const nonce = newNonce();
  const text = [...lead, t.t(ask)].join('\n');
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
    : await becomeClient(
        db,
        turn.identity,
        { timezone: zone, source: 'user' },
        turn.now,
        turn.t.lang,
      );
  const clientTurn: ClientTurn = { ...turn, client };
  const saved = turn.t.t('timezone.saved', { zone });
  if (pending === null) {
    return {
      messages: [chatMessage(saved), chatMessage(turn.t.t('timezone.next'))],
      state: null,
    };
  }
  return { messages: [chatMessage(saved)], state: null, resume: { turn: clientTurn, ...pending } };
}
