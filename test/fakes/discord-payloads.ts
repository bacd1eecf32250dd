// Realistic Discord v10 payloads (users, DM channels, messages) for the fake REST API and gateway.
import type {
  APIActionRowComponent,
  APIComponentInMessageActionRow,
  APIDMChannel,
  APIMessage,
  APIUser,
  GatewayMessageCreateDispatchData,
} from 'discord.js';
import { ChannelType, MessageType } from 'discord.js';

// Fixed so no test depends on today's date; the adapter never reads it.
const FAKE_TIMESTAMP = '2026-11-30T06:00:00.000Z';

let nextId = 1_300_000_000_000_000_000n;

/** A fresh snowflake-shaped id, unique within the test process. */
export function snowflake(): string {
  nextId += 1n;
  return nextId.toString();
}

export function fakeUser(id: string, username: string, globalName: string | null): APIUser {
  return { id, username, discriminator: '0', global_name: globalName, avatar: null };
}

export function fakeBotUser(id: string): APIUser {
  return { ...fakeUser(id, 'slotline', 'Slotline'), bot: true };
}

export function fakeChannel(channelId: string, recipientId: string): APIDMChannel {
  return {
    id: channelId,
    type: ChannelType.DM,
    last_message_id: null,
    name: null,
    recipients: [fakeUser(recipientId, `user${recipientId}`, null)],
  };
}

type SentBody = {
  content?: string;
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  flags?: number;
};

/** The message Discord returns for a create or edit with `body`, authored by the bot. */
export function fakeMessage(
  body: unknown,
  channelId: string,
  botId: string,
  webhookId: string | null,
): APIMessage {
  const sent = (body ?? {}) as SentBody;
  return {
    id: snowflake(),
    channel_id: channelId,
    author: fakeBotUser(botId),
    content: sent.content ?? '',
    timestamp: FAKE_TIMESTAMP,
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: MessageType.Default,
    flags: sent.flags ?? 0,
    components: sent.components ?? [],
    ...(webhookId === null ? {} : { webhook_id: webhookId, application_id: webhookId }),
  };
}

/** The MESSAGE_CREATE dispatch for words `author` typed in their DM channel with the bot. */
export function fakeDirectMessage(
  author: APIUser,
  channelId: string,
  content: string,
): GatewayMessageCreateDispatchData {
  return {
    ...fakeMessage({ content }, channelId, author.id, null),
    author,
    channel_type: ChannelType.DM,
    mentions: [],
  };
}
