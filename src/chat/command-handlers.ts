// Each registered command's handler; the mapped type makes a command without one a compile error.
import { connectCommand, disconnectCommand } from './calendar-commands.ts';
import type { CommandAudience } from './chat-command-types.ts';
import type { CHAT_COMMANDS, CommandName } from './chat-commands.ts';
import type { ConversationState } from './conversation-state.ts';
import { emailCommand } from './email-command.ts';
import { showHelp } from './help-command.ts';
import { languageCommand } from './language-command.ts';
import { linkProvider } from './link-provider.ts';
import { showMyBookings } from './my-bookings.ts';
import { blockCommand, unblockCommand } from './provider-overrides.ts';
import { requestsMessage } from './provider-requests.ts';
import { todayMessage } from './provider-today.ts';
import { weekMessage } from './provider-week.ts';
import { startBookingWords } from './series-start.ts';
import { syncCommand } from './sync-command.ts';
import { timezoneCommand } from './timezone-command.ts';
import type { ClientTurn, Turn, TurnResult } from './turn.ts';
import { keep } from './turn-replies.ts';
import { waitlistCommand } from './waitlist-command.ts';

/** A turn by a linked provider. */
type ProviderTurn = Turn & { readonly providerId: string };

/** The turn each audience's handler gets; the gates in chat-command.ts make it so. */
type TurnOf<A extends CommandAudience> = {
  everyone: Turn;
  clients: ClientTurn;
  providers: ProviderTurn;
}[A];

type CommandHandler<A extends CommandAudience> = (
  turn: TurnOf<A>,
  args: string,
  state: ConversationState | null,
) => Promise<TurnResult> | TurnResult;

/** One handler per registered command, each given the turn its command's audience guarantees. */
export type CommandHandlers = {
  readonly [N in CommandName]: CommandHandler<(typeof CHAT_COMMANDS)[N]['audience']>;
};

/** The handlers by command name; a registry entry without one here does not compile. */
export const COMMAND_HANDLERS = {
  start: showHelp,
  book: (turn, args) => startBookingWords(turn, args),
  mybookings: (turn) => showMyBookings(turn),
  waitlist: waitlistCommand,
  timezone: (turn, args) => timezoneCommand(turn, args),
  language: async (turn, args, state) => keep(state, await languageCommand(turn, args)),
  email: async (turn, args, state) => keep(state, await emailCommand(turn, args)),
  help: showHelp,
  link: async (turn, args, state) => keep(state, await linkProvider(turn, args)),
  today: async (turn, _args, state) =>
    keep(state, await todayMessage(turn.t, turn.deps.db, turn.providerId, turn.now)),
  requests: async (turn, args, state) =>
    keep(state, await requestsMessage(turn.t, turn.deps.db, turn.providerId, turn.now, args)),
  week: async (turn, args, state) =>
    keep(state, await weekMessage(turn.t, turn.deps.db, turn.providerId, turn.now, args)),
  block: async (turn, args, state) =>
    keep(state, await blockCommand(turn.t, turn.deps.db, turn.providerId, args, turn.now)),
  unblock: async (turn, args, state) =>
    keep(state, await unblockCommand(turn.t, turn.deps.db, turn.providerId, args, turn.now)),
  connect: async (turn, args, state) =>
    keep(state, await connectCommand(turn, turn.providerId, args)),
  sync: async (turn, _args, state) => keep(state, await syncCommand(turn, turn.providerId)),
  disconnect: async (turn, _args, state) =>
    keep(state, await disconnectCommand(turn, turn.providerId)),
} as const satisfies CommandHandlers;
