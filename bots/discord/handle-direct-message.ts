// The gateway's messageCreate listener: words typed in a DM with the bot go to the engine as text.

import type { DMChannel, Message, MessageCreateOptions } from 'discord.js';
import { ChannelType } from 'discord.js';
import type { ChatEvent } from '../../src/chat/chat-types.ts';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import type { Logger } from '../../src/ports/logger.ts';
import type { ChatHandler } from '../bot-adapter.ts';
import { apologyFor } from './handle-discord-interaction.ts';
import { chatUser } from './interaction-to-event.ts';
import { type DiscordPayload, renderDiscordMessage } from './render-discord-message.ts';

/**
 * A listener that never rejects. Only DMs from people count: messages in servers (the bot has no
 * intent for them anyway), from bots (its own replies included) and without text are ignored.
 * The engine's replies are sent as new DM messages, in order: typed text has no bot message to
 * replace. A fault is logged with the message id only and answered with a short apology.
 */
export function createDirectMessageListener(
  handle: ChatHandler,
  logger: Logger,
): (message: Message) => Promise<void> {
  return async (message) => {
    const { channel } = message;
    if (message.author.bot || channel.type !== ChannelType.DM || message.content === '') return;
    const event: ChatEvent = {
      user: chatUser(message.author),
      input: { kind: 'text', text: message.content },
      updateId: message.id,
    };
    try {
      // Only a courtesy while the engine works: its failure must not stop the answer.
      channel.sendTyping().catch((error: unknown) => {
        logger.warn(
          { messageId: message.id, err: describeErrorSafely(error) },
          'discord typing failed',
        );
      });
      const payloads = (await handle(event)).flatMap(renderDiscordMessage);
      for (const payload of payloads) await channel.send(createOptions(payload));
    } catch (error) {
      logger.error({ messageId: message.id, err: describeErrorSafely(error) }, 'discord DM failed');
      await apologise(channel, message.id, logger);
    }
  };
}

function createOptions(payload: DiscordPayload): MessageCreateOptions {
  return {
    ...(payload.content === '' ? {} : { content: payload.content }),
    components: [...payload.components],
    allowedMentions: { parse: [] },
  };
}

async function apologise(
  channel: Pick<DMChannel, 'send'>,
  messageId: string,
  logger: Logger,
): Promise<void> {
  try {
    // A DM carries no language: the apology is in the default one.
    await channel.send({ content: apologyFor(null) });
  } catch (error) {
    logger.warn({ messageId, err: describeErrorSafely(error) }, 'discord apology not delivered');
  }
}
