// Plain words that ask for something ('book a massage tomorrow at 10', 'cancel my appointment')
// run the flow they ask for; booking and listing go through the command registry like /book.
import { clientWhen } from '../appointment-messages.ts';
import { upcomingOfClient } from '../appointment-view.ts';
import { startReschedule } from '../booking-flow.ts';
import { bestMatches } from '../booking-words.ts';
import { bookableNames } from '../chat-catalog.ts';
import type { ConversationState } from '../conversation-state.ts';
import { showHelp } from '../help-command.ts';
import { continueMyBookings, showMyBookings } from '../my-bookings.ts';
import type { Pending } from '../timezone-flow.ts';
import { type ClientTurn, isClientTurn, type Turn, type TurnResult } from '../turn.ts';
import { joinByWords } from '../waitlist-join.ts';
import { canDoMessage } from './can-do.ts';
import { type Intent, type PlainRequest, readPlainRequest } from './plain-request.ts';
import { hintsOf } from './time-wish.ts';

/**
 * Reads `text` in the client's zone (UTC before it is known: only the intent counts then), in
 * the reader's language first.
 */
export function readRequest(turn: Turn, text: string): PlainRequest {
  return readPlainRequest(turn.t, text, turn.client?.timezone ?? 'UTC', turn.now);
}

/** The command that carries out `request` (for the time zone question to resume), or null. */
export function pendingFor(intent: Intent | null, request: PlainRequest): Pending {
  switch (intent) {
    case 'book':
      return { command: 'book', args: request.args };
    case 'cancel':
    case 'move':
    case 'list':
      return { command: 'mybookings', args: '' };
    case 'wait':
      return { command: 'waitlist', args: request.args };
    case 'help':
    case 'greet':
      return { command: 'help', args: '' };
    case null:
      return null;
  }
}

/** Runs what `request` asks for; words it cannot place get what the bot can do, as buttons. */
export async function answerPlainWords(
  turn: Turn,
  text: string,
  request: PlainRequest,
  state: ConversationState | null,
): Promise<TurnResult> {
  const intent = request.intent ?? ((await namesSomething(turn, request)) ? 'book' : null);
  if (isClientTurn(turn) && (intent === 'cancel' || intent === 'move')) {
    return cancelOrMove(turn, intent, request);
  }
  if (intent === 'greet') return greet(turn, state);
  // Not through the registry: the waitlist may wait for the day the booking flow is on.
  if (intent === 'wait' && isClientTurn(turn)) return joinByWords(turn, request.args, state);
  const pending = pendingFor(intent, request);
  if (pending === null) return { messages: [canDoMessage(turn.t, text.trim())], state };
  return { messages: [], state, resume: { turn, ...pending } };
}

/** 'hi': the help, opened with the person's name, in one message. */
function greet(turn: Turn, state: ConversationState | null): TurnResult {
  const help = showHelp(turn, '', state);
  const hi = turn.t.t('words.greet', { name: turn.identity.displayName });
  const messages = help.messages.map((m, i) => (i === 0 ? { ...m, text: `${hi}\n${m.text}` } : m));
  return { ...help, messages };
}

/** Whether the words name a provider or service ('massage', 'anna'): then they want to book. */
async function namesSomething(turn: Turn, request: PlainRequest): Promise<boolean> {
  if (request.read.words.length === 0) return false;
  const names = await bookableNames(turn.deps.db);
  return bestMatches([...names.providers, ...names.services], request.read.words).length > 0;
}

/**
 * 'cancel my appointment' / 'move my booking to Friday': with one upcoming appointment, its
 * cancel question or its move (to the day named); with more, the list to pick from.
 */
async function cancelOrMove(
  turn: ClientTurn,
  intent: 'cancel' | 'move',
  request: PlainRequest,
): Promise<TurnResult> {
  const upcoming = await upcomingOfClient(turn.deps.db, turn.client.id, turn.now, 2);
  const [only] = upcoming;
  if (only === undefined || upcoming.length > 1) {
    const ask = turn.t.t(intent === 'cancel' ? 'words.whichToCancel' : 'words.whichToMove');
    return showMyBookings(turn, upcoming.length > 1 ? [ask] : []);
  }
  if (intent === 'move') {
    const { appointment } = only;
    const hints = hintsOf([], request.read.day, request.read.wish);
    const lead = turn.t.t('words.currently', { when: clientWhen(turn.t, only) });
    return startReschedule(turn, appointment, [lead], hints);
  }
  const listed = await showMyBookings(turn);
  if (listed.state?.kind !== 'mybookings') return listed;
  const data = { kind: 'flow', nonce: listed.state.nonce, action: 'cx', index: 0 } as const;
  return (await continueMyBookings(turn, listed.state, data)) ?? listed;
}
