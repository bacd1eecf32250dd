// The Messenger port on Discord: open (or reuse) the DM channel, then post the message there.
import type {
  REST,
  RESTPostAPIChannelMessageResult,
  RESTPostAPICurrentUserCreateDMChannelResult,
} from 'discord.js';
import { DiscordAPIError, Routes } from 'discord.js';
import type {
  ChatAddress,
  ChatMessage,
  Messenger,
  SentMessageRef,
} from '../../src/chat/chat-types.ts';
import { MessengerError } from '../../src/chat/chat-types.ts';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import { DiscordSendError } from './discord-adapter-errors.ts';
import { renderDiscordMessage } from './render-discord-message.ts';

// Refusals that will not pass: DMs closed or bot blocked, no such user, channel or message.
const CANNOT_SEND_TO_USER = 50007;
const UNKNOWN_USER = 10013;
const UNKNOWN_CHANNEL = 10003;
const UNKNOWN_MESSAGE = 10008;
const FOR_GOOD = new Set<number | string>([
  CANNOT_SEND_TO_USER,
  UNKNOWN_USER,
  UNKNOWN_CHANNEL,
  UNKNOWN_MESSAGE,
]);

/**
 * Sends each rendered payload as a DM, in order. dmAddress, when set, is a DM channel id and
 * saves the channel call; otherwise the channel is opened with the user id (Discord returns the
 * existing one). Rejects with MessengerError when Discord refuses for good (50007, unknown user
 * or channel) or the address is not Discord's, and with DiscordSendError for anything else;
 * rate limits (429) are waited out and retried by the REST client.
 */
export function createDiscordMessenger(rest: REST): Messenger {
  return {
    send: (to, message) => sendDm(rest, to, message),
    edit: (ref, message) => editDm(rest, ref, message),
  };
}

async function sendDm(
  rest: REST,
  to: ChatAddress,
  message: ChatMessage,
): Promise<SentMessageRef[]> {
  if (to.platform !== 'discord') throw new MessengerError(`not a Discord address: ${to.platform}`);
  return guarded(async () => {
    const channelId = to.dmAddress ?? (await openDmChannel(rest, to.platformUserId));
    const sent: SentMessageRef[] = [];
    for (const payload of renderDiscordMessage(message)) {
      // The REST client returns parsed JSON untyped; Discord documents this shape for the route.
      const posted = (await rest.post(Routes.channelMessages(channelId), {
        body: bodyOf(payload),
      })) as RESTPostAPIChannelMessageResult;
      sent.push({ platform: 'discord', address: channelId, messageId: posted.id });
    }
    return sent;
  });
}

/** Replaces the message's content and components (PATCH); a longer text keeps its first part. */
async function editDm(rest: REST, ref: SentMessageRef, message: ChatMessage): Promise<void> {
  if (ref.platform !== 'discord')
    throw new MessengerError(`not a Discord message: ${ref.platform}`);
  const [payload] = renderDiscordMessage(message);
  if (!payload) return;
  await guarded(() =>
    rest.patch(Routes.channelMessage(ref.address, ref.messageId), {
      body: { ...bodyOf(payload), content: payload.content },
    }),
  );
}

function bodyOf(payload: ReturnType<typeof renderDiscordMessage>[number]) {
  return {
    ...(payload.content === '' ? {} : { content: payload.content }),
    components: payload.components,
    allowed_mentions: { parse: [] },
  };
}

async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DiscordAPIError && FOR_GOOD.has(error.code)) {
      throw new MessengerError(`Discord refused the DM (${error.code})`, { cause: error });
    }
    // The name alone (DiscordAPIError[50035], HTTPError...) says enough for a log line.
    throw new DiscordSendError(`Discord DM failed: ${describeErrorSafely(error).name}`, {
      cause: error,
    });
  }
}

async function openDmChannel(rest: REST, userId: string): Promise<string> {
  // The REST client returns parsed JSON untyped; Discord documents this shape for the route.
  const channel = (await rest.post(Routes.userChannels(), {
    body: { recipient_id: userId },
  })) as RESTPostAPICurrentUserCreateDMChannelResult;
  return channel.id;
}
