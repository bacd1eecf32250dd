// The slash-command router: /start, /help, /link, /timezone, /book, /mybookings, /email and the
// provider commands /today, /block, /unblock, /connect, /disconnect.
import { startBooking } from './booking-flow.ts';
import { connectCommand, disconnectCommand } from './calendar-commands.ts';
import { chatMessage } from './chat-message.ts';
import type { ConversationState } from './conversation-state.ts';
import { emailCommand } from './email-command.ts';
import { helpText } from './help-text.ts';
import { linkProvider } from './link-provider.ts';
import { showMyBookings } from './my-bookings.ts';
import { blockCommand, unblockCommand } from './provider-overrides.ts';
import { todayMessage } from './provider-today.ts';
import { matchTimezone } from './timezone-answer.ts';
import { answerTimezone, askTimezone } from './timezone-flow.ts';
import { isClientTurn, type Turn, type TurnResult } from './turn.ts';
import { greeting, keep, pendingOf } from './turn-replies.ts';

/** Runs `command` (already cleaned: lower case, no slash); unknown ones get a pointer to /help. */
export async function onCommand(
  turn: Turn,
  command: string,
  args: string,
  state: ConversationState | null,
): Promise<TurnResult> {
  const providerId = turn.identity.providerId;
  switch (command) {
    case 'link':
      return keep(state, await linkProvider(turn, args));
    case 'start':
    case 'help': {
      const help = helpText(providerId !== null);
      if (turn.client === null && providerId === null) {
        return askTimezone(pendingOf(state), [greeting(turn), help, '']);
      }
      return keep(state, chatMessage(help));
    }
    case 'timezone':
      return timezoneCommand(turn, args);
    case 'book':
    case 'mybookings':
      if (!isClientTurn(turn)) return askTimezone({ command, args }, [greeting(turn)]);
      return command === 'book' ? startBooking(turn, args) : showMyBookings(turn);
    case 'email':
      if (!isClientTurn(turn)) return askTimezone({ command, args }, [greeting(turn)]);
      return keep(state, await emailCommand(turn, args));
    case 'today':
    case 'block':
    case 'unblock':
    case 'connect':
    case 'disconnect':
      return providerCommand(turn, command, args, state);
    default:
      return keep(
        state,
        chatMessage(`I don't know /${command.slice(0, 32)}. Send /help to see what I can do.`),
      );
  }
}

/** The provider commands, which need a linked provider profile. */
async function providerCommand(
  turn: Turn,
  command: 'today' | 'block' | 'unblock' | 'connect' | 'disconnect',
  args: string,
  state: ConversationState | null,
): Promise<TurnResult> {
  const providerId = turn.identity.providerId;
  if (providerId === null) {
    return keep(
      state,
      chatMessage(
        `/${command} is for providers. If you are one, send /link CODE with the code your admin gives you.`,
      ),
    );
  }
  const { db } = turn.deps;
  if (command === 'today') return keep(state, await todayMessage(db, providerId, turn.now));
  if (command === 'connect') return keep(state, await connectCommand(turn, providerId, args));
  if (command === 'disconnect') return keep(state, await disconnectCommand(turn, providerId));
  const reply =
    command === 'block'
      ? await blockCommand(db, providerId, args, turn.now)
      : await unblockCommand(db, providerId, args, turn.now);
  return keep(state, reply);
}

/** `/timezone` shows the zone and asks for a new one; `/timezone Tokyo` sets it at once. */
function timezoneCommand(turn: Turn, args: string): Promise<TurnResult> | TurnResult {
  if (args !== '') {
    const zone = matchTimezone(args);
    if (zone) return answerTimezone(turn, zone, null);
    return askTimezone(null, [`I don't know "${args.slice(0, 40)}" as a city or time zone.`]);
  }
  const current = turn.client ? `Your time zone is ${turn.client.timezone}.` : greeting(turn);
  return askTimezone(null, [current]);
}
