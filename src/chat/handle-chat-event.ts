// The conversation engine's one entry point: a platform-neutral event in, the replies out.
import { normalizeTimezone } from '../domain/timezone.ts';
import { continueBooking, startBooking } from './booking-flow.ts';
import { type ButtonData, parseButtonData } from './button-data.ts';
import type { ChatDeps } from './chat-deps.ts';
import {
  becomeClient,
  ChatStoreError,
  readClient,
  setClientTimezone,
  upsertIdentity,
} from './chat-identity.ts';
import { chatMessage } from './chat-message.ts';
import type { ChatEvent, ChatInput, ChatMessage, ChatUser } from './chat-types.ts';
import {
  type ConversationState,
  loadConversation,
  saveConversation,
} from './conversation-state.ts';
import { helpHint, helpText } from './help-text.ts';
import { linkProvider } from './link-provider.ts';
import { continueMyBookings, showMyBookings } from './my-bookings.ts';
import { claimUpdate, releaseUpdate } from './processed-updates.ts';
import { actOnAppointment } from './provider-actions.ts';
import { blockCommand, unblockCommand } from './provider-overrides.ts';
import { todayMessage } from './provider-today.ts';
import { COMMON_TIMEZONES, matchTimezone } from './timezone-answer.ts';
import { answerTimezone, askTimezone, type Pending } from './timezone-flow.ts';
import { isClientTurn, type Turn, type TurnResult } from './turn.ts';

/** Typed text longer than this is cut before it is read; no command needs more. */
const MAX_TEXT = 500;
const STALE = 'That menu has expired — here is a fresh one.';

/**
 * Handles one event at `now` and returns the replies to its sender, in order. A reply to a
 * button press replaces the message the button was on (first reply only). A delivery whose
 * (platform, updateId) was already handled returns [] and does nothing. Never throws for user
 * input; a fault (database down) throws an Error and gives the update back, so the platform's
 * retry can do the work.
 */
export async function handleChatEvent(
  deps: ChatDeps,
  event: ChatEvent,
  now: Date,
): Promise<ChatMessage[]> {
  const user = cleanUser(event.user);
  const updateId = clean(event.updateId, 200);
  if (!(await claimUpdate(deps.db, user.platform, updateId, now))) return [];
  try {
    return await handleClaimed(deps, user, cleanInput(event.input), now);
  } catch (error) {
    await releaseUpdate(deps.db, user.platform, updateId).catch(() => {});
    throw error instanceof Error
      ? error
      : new ChatStoreError('chat event failed', { cause: error });
  }
}

async function handleClaimed(
  deps: ChatDeps,
  user: ChatUser,
  input: ChatInput,
  now: Date,
): Promise<ChatMessage[]> {
  const { db } = deps;
  const identity = await upsertIdentity(db, user, now);
  const [stored, state] = await Promise.all([
    identity.clientId ? readClient(db, identity.clientId) : null,
    loadConversation(db, user, now, deps.logger),
  ]);
  let client = stored;
  const platformZone = user.timezone === null ? null : normalizeTimezone(user.timezone);
  if (platformZone !== null && client?.timezone !== platformZone) {
    client = client
      ? await setClientTimezone(db, client.id, platformZone)
      : await becomeClient(db, identity, platformZone, now);
  }
  const turn: Turn = { deps, now, user, identity, client };
  const result = await route(turn, input, state);
  if (result.state !== null || state !== null) {
    await saveConversation(db, user, result.state, now);
  }
  const fromAction = input.kind === 'action';
  return result.messages.map((m, i) => ({ ...m, replace: fromAction && i === 0 }));
}

function route(turn: Turn, input: ChatInput, state: ConversationState | null): Promise<TurnResult> {
  switch (input.kind) {
    case 'command':
      return onCommand(turn, input.command, input.args, state);
    case 'action':
      return onAction(turn, input.data, input.text, state);
    case 'text':
      return onText(turn, input.text, state);
  }
}

async function onCommand(
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
    case 'today':
    case 'block':
    case 'unblock': {
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
      const reply =
        command === 'block'
          ? await blockCommand(db, providerId, args, turn.now)
          : await unblockCommand(db, providerId, args, turn.now);
      return keep(state, reply);
    }
    default:
      return keep(
        state,
        chatMessage(`I don't know /${command.slice(0, 32)}. Send /help to see what I can do.`),
      );
  }
}

async function onAction(
  turn: Turn,
  raw: string,
  text: string | null,
  state: ConversationState | null,
): Promise<TurnResult> {
  const data = parseButtonData(raw);
  if (data === null) return stale(turn);
  if (data.kind === 'appointment') {
    return { messages: await actOnAppointment(turn, data.verb, data.appointmentId, text), state };
  }
  if (state === null || state.nonce !== data.nonce) return stale(turn);
  const next = await continueFlow(turn, state, data);
  return next ?? stale(turn);
}

async function continueFlow(
  turn: Turn,
  state: ConversationState,
  data: Extract<ButtonData, { kind: 'flow' }>,
): Promise<TurnResult | null> {
  switch (state.kind) {
    case 'timezone': {
      const zone =
        data.action === 'tz' && data.index !== null ? COMMON_TIMEZONES[data.index] : null;
      const valid = zone ? normalizeTimezone(zone) : null;
      return valid ? answerTimezone(turn, valid, state.pending) : null;
    }
    case 'booking':
      return isClientTurn(turn) ? continueBooking(turn, state, data) : null;
    case 'mybookings':
      return isClientTurn(turn) ? continueMyBookings(turn, state, data) : null;
  }
}

async function onText(
  turn: Turn,
  text: string,
  state: ConversationState | null,
): Promise<TurnResult> {
  const asked = state?.kind === 'timezone';
  if (asked || (turn.client === null && turn.identity.providerId === null)) {
    const zone = matchTimezone(text);
    if (zone) return answerTimezone(turn, zone, pendingOf(state));
    const lead = asked
      ? `I don't know "${text.slice(0, 40)}" as a city or time zone.`
      : greeting(turn);
    return askTimezone(pendingOf(state), [lead]);
  }
  const inFlow = state !== null && !(state.kind === 'booking' && state.step === 'done');
  if (inFlow) {
    return keep(
      state,
      chatMessage('Please pick one of the buttons above, or send /book to start again.'),
    );
  }
  return keep(state, helpHint());
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

/** A button this engine cannot place: say so and offer a fresh /book. */
function stale(turn: Turn): Promise<TurnResult> | TurnResult {
  if (isClientTurn(turn)) return startBooking(turn, '', [STALE]);
  return askTimezone({ command: 'book', args: '' }, [STALE]);
}

function pendingOf(state: ConversationState | null): Pending {
  return state?.kind === 'timezone' ? state.pending : null;
}

function greeting(turn: Turn): string {
  return `Hi ${turn.identity.displayName}! I'm Slotline's booking assistant.`;
}

function keep(state: ConversationState | null, message: ChatMessage): TurnResult {
  return { messages: [message], state };
}

/** PostgreSQL text cannot hold NUL; overlong input is cut. */
function clean(text: string, max: number): string {
  return text.replaceAll('\u0000', '').slice(0, max);
}

function cleanUser(user: ChatUser): ChatUser {
  return {
    platform: user.platform,
    platformUserId: clean(user.platformUserId, 200),
    displayName: clean(user.displayName, 200).trim() || 'Chat user',
    timezone: user.timezone === null ? null : clean(user.timezone, 64),
    dmAddress: user.dmAddress === null ? null : clean(user.dmAddress, 200),
  };
}

function cleanInput(input: ChatInput): ChatInput {
  switch (input.kind) {
    case 'command':
      return {
        kind: 'command',
        command: clean(input.command, 64)
          .trim()
          .toLowerCase()
          .replace(/^\//, '')
          .replace(/@.*$/, ''),
        args: clean(input.args, MAX_TEXT).trim(),
      };
    case 'action':
      return {
        kind: 'action',
        data: clean(input.data, 100),
        text: input.text === null ? null : clean(input.text, MAX_TEXT),
      };
    case 'text':
      return { kind: 'text', text: clean(input.text, MAX_TEXT).trim() };
  }
}
