// Long polling end to end: real grammY polls the fake, updates reach the handler, stop ends it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotAdapter } from '../../../bots/bot-adapter.ts';
import { createTelegramAdapter } from '../../../bots/telegram/create-telegram-adapter.ts';
import { TelegramStartError } from '../../../bots/telegram/telegram-start-error.ts';
import type { ChatEvent } from '../../../src/chat/chat-types.ts';
import { type FakeTelegram, startFakeTelegram } from '../../fakes/telegram-api.ts';
import { ALICE, BOB, NO_LIMITS, recordingLogger, reply, TOKEN } from './telegram-harness.ts';

const events: ChatEvent[] = [];
let fake: FakeTelegram;
let adapter: BotAdapter;

beforeAll(async () => {
  fake = await startFakeTelegram({ token: TOKEN, maxHoldMs: 200 });
  adapter = createTelegramAdapter({
    token: TOKEN,
    apiRoot: fake.apiRoot,
    webhookSecret: null,
    publicUrl: null,
    handle: async (event) => {
      events.push(event);
      return [reply(`got ${event.input.kind}`, [[{ label: 'Again', data: 'again' }]], true)];
    },
    logger: recordingLogger().logger,
    rateLimits: NO_LIMITS,
    pollTimeoutSeconds: 1,
  });
  await adapter.start();
});
afterAll(() => fake.close());

describe('telegram long polling', () => {
  it('starts by registering commands (English, then German) and dropping any webhook', () => {
    const menus = fake.callsTo('setMyCommands');
    expect(menus.map((m) => m.payload.language_code)).toEqual([undefined, 'de']);
    expect(fake.callsTo('deleteWebhook').length).toBe(1);
    expect(fake.callsTo('setWebhook')).toEqual([]);
  });

  it('delivers queued updates to the handler and replies, confirming each offset', async () => {
    const first = fake.textUpdate(ALICE, '/book');
    const second = fake.textUpdate(BOB, 'hello');
    fake.push(first);
    fake.push(second);
    await fake.waitForCalls('sendMessage', 2);
    expect(events.map((e) => e.updateId)).toEqual([
      String(first.update_id),
      String(second.update_id),
    ]);
    expect(fake.callsTo('sendMessage').map((c) => c.payload.chat_id)).toEqual([111, 222]);
    const polls = fake.callsTo('getUpdates');
    await fake.waitForCalls('getUpdates', polls.length + 1);
    expect(fake.callsTo('getUpdates').at(-1)?.payload.offset).toBe(second.update_id + 1);
    expect(fake.pending()).toBe(0);
  });

  it('handles a button press: answered, then edited in place', async () => {
    const sent = fake.callsTo('sendMessage')[0]?.reply;
    const messageId = sent?.ok ? (sent.result as { message_id: number }).message_id : -1;
    const press = fake.callbackUpdate(ALICE, 'again', messageId);
    fake.push(press);
    await fake.waitForCalls('editMessageText', 1);
    expect(fake.callsTo('answerCallbackQuery')[0]?.reply.ok).toBe(true);
    expect(fake.message(messageId)?.text).toBe('got action');
  });

  it('stops polling on stop()', async () => {
    await adapter.stop();
    // The poll that stop() aborted is recorded by the fake once its hold ends.
    await new Promise((r) => setTimeout(r, 300));
    const polls = fake.callsTo('getUpdates').length;
    fake.push(fake.textUpdate(ALICE, '/help'));
    await new Promise((r) => setTimeout(r, 400));
    expect(fake.callsTo('getUpdates').length).toBe(polls);
    expect(events.at(-1)?.input.kind).toBe('action');
  });

  it('rejects start() when Telegram refuses the token, logging nothing of it', async () => {
    const { logger, entries } = recordingLogger();
    const wrong = createTelegramAdapter({
      token: '999:wrong-token',
      apiRoot: fake.apiRoot,
      webhookSecret: null,
      publicUrl: null,
      handle: async () => [],
      logger,
      pollTimeoutSeconds: 1,
    });
    const started = wrong.start();
    await expect(started).rejects.toBeInstanceOf(TelegramStartError);
    await expect(started).rejects.toThrow(/401/);
    await started.catch((error: unknown) => {
      expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('wrong-token');
    });
    await wrong.stop();
    expect(JSON.stringify(entries)).not.toContain('wrong-token');
  });
});
