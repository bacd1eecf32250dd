// The outgoing throttle against Telegram's flood control: many chats at the pace, 429s honoured.
import { Api } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createRateLimitTransformer,
  type RateLimits,
} from '../../../bots/telegram/rate-limit-transformer.ts';
import { createTelegramMessenger } from '../../../bots/telegram/telegram-messenger.ts';
import type { ChatAddress, Messenger } from '../../../src/chat/chat-types.ts';
import { type FakeTelegram, startFakeTelegram } from '../../fakes/telegram-api.ts';
import type { FloodLimits } from '../../fakes/telegram-flood-limit.ts';
import { recordingLogger, reply, TOKEN } from './telegram-harness.ts';

/** Scheduling and loopback HTTP jitter. */
const SLACK_MS = 30;
let fake: FakeTelegram | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const to = (id: number): ChatAddress => ({
  platform: 'telegram',
  platformUserId: String(id),
  dmAddress: String(id),
});

async function start(limits: RateLimits, flood?: FloodLimits) {
  const started = await startFakeTelegram({
    token: TOKEN,
    ...(flood ? { floodLimits: flood } : {}),
  });
  fake = started;
  const api = new Api(TOKEN, { apiRoot: started.apiRoot });
  const log = recordingLogger();
  api.config.use(createRateLimitTransformer(limits, log.logger));
  const messenger: Messenger = createTelegramMessenger(api);
  return { fake: started, messenger, entries: log.entries };
}

describe('telegram flood control', () => {
  it('sends to many chats at once within the overall and per-chat pace, each message once', async () => {
    const { fake, messenger } = await start(
      { globalIntervalMs: 50, perChatIntervalMs: 300, maxRetries: 3 },
      { perChatMs: 300, perSecond: 20 },
    );
    const chats = Array.from({ length: 30 }, (_, i) => 100 + i);
    // Three chats get a second message too: it must wait for its own chat, not hold the rest.
    const sends = [...chats, 100, 101, 102].map((chat, i) =>
      messenger.send(to(chat), reply(`m${i}`)),
    );
    await Promise.all(sends);
    for (const chat of chats) {
      expect(fake.messagesIn(chat)).toHaveLength(chat <= 102 ? 2 : 1);
    }
    expect(fake.ignoredFloodWaits()).toBe(0);
  });

  it('holds every send, those already waiting for their slot too, for retry_after after a 429', async () => {
    const { fake, messenger, entries } = await start({
      globalIntervalMs: 100,
      perChatIntervalMs: 100,
      maxRetries: 3,
    });
    fake.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    await Promise.all([1, 2, 3].map((chat) => messenger.send(to(chat), reply(`to ${chat}`))));
    const calls = fake.callsTo('sendMessage');
    const refused = calls.find((c) => !c.reply.ok);
    expect(refused?.reply).toMatchObject({ error_code: 429 });
    const after = calls.filter((c) => c !== refused).map((c) => c.at);
    expect(after).toHaveLength(3);
    for (const at of after) expect(at).toBeGreaterThanOrEqual((refused?.at ?? 0) + 1000 - SLACK_MS);
    for (const chat of [1, 2, 3]) expect(fake.messagesIn(chat)).toHaveLength(1);
    expect(entries.filter((e) => e.message === 'telegram flood limit; waiting')).toHaveLength(1);
  });

  it('gives the 429 to the caller once its retries are spent, without sending', async () => {
    const { fake, messenger } = await start(
      { globalIntervalMs: 0, perChatIntervalMs: 0, maxRetries: 1 },
      { perChatMs: 0, perSecond: 100 },
    );
    const flood = {
      error_code: 429,
      description: 'Too Many Requests',
      parameters: { retry_after: 1 },
    };
    fake.failNext('sendMessage', flood, 2);
    await expect(messenger.send(to(7), reply('late'))).rejects.toThrow('Telegram send failed');
    expect(fake.messagesIn(7)).toHaveLength(0);
    expect(fake.callsTo('sendMessage')).toHaveLength(2);
  });
});
