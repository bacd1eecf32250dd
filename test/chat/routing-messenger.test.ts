// The app-wide messenger routes each DM to its platform's adapter.
import { describe, expect, it } from 'vitest';
import type { ChatAddress, ChatMessage, Messenger } from '../../src/chat/chat-types.ts';
import { MessengerError } from '../../src/chat/chat-types.ts';
import { createRoutingMessenger } from '../../src/chat/routing-messenger.ts';

const message: ChatMessage = { text: 'hello', buttons: [], select: null, replace: false };

function recording(): Messenger & { sent: ChatAddress[] } {
  const sent: ChatAddress[] = [];
  return {
    sent,
    async send(to) {
      sent.push(to);
      return [];
    },
    async edit() {},
  };
}

describe('createRoutingMessenger', () => {
  it('hands each message to the adapter of the recipient platform', async () => {
    const routing = createRoutingMessenger();
    const telegram = recording();
    const slack = recording();
    routing.register('telegram', telegram);
    routing.register('slack', slack);
    await routing.send({ platform: 'slack', platformUserId: 'U1', dmAddress: null }, message);
    await routing.send({ platform: 'telegram', platformUserId: '7', dmAddress: '7' }, message);
    expect(slack.sent.map((a) => a.platformUserId)).toEqual(['U1']);
    expect(telegram.sent.map((a) => a.platformUserId)).toEqual(['7']);
  });

  it('rejects with MessengerError for a platform without an adapter', async () => {
    const routing = createRoutingMessenger();
    await expect(
      routing.send({ platform: 'discord', platformUserId: '1', dmAddress: null }, message),
    ).rejects.toBeInstanceOf(MessengerError);
  });
});
