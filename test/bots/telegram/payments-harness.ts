// The Telegram adapter with native invoices on: fake Bot API with a provider token, the real engine, a movable clock.
import type { Update, User } from 'grammy/types';
import { Hono } from 'hono';
import { createTelegramAdapter } from '../../../bots/telegram/create-telegram-adapter.ts';
import type { ChatDeps } from '../../../src/chat/chat-deps.ts';
import { checkInvoice } from '../../../src/chat/check-invoice.ts';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { createRoutingMessenger } from '../../../src/chat/routing-messenger.ts';
import type { Database } from '../../../src/db/database.ts';
import type { PaymentDeps } from '../../../src/payments/payment-deps.ts';
import { startFakeTelegram } from '../../fakes/telegram-api.ts';
import { PROVIDER } from '../../fakes/telegram-payments-bot.ts';
import { testChatDeps } from '../../support/deliver-changes.ts';
import { MONDAY_MORNING } from '../../support/fixtures.ts';
import { NO_LIMITS, recordingLogger, SECRET, TOKEN } from './telegram-harness.ts';

/** Monday 30 Nov 2026, 07:00 in Berlin; tests move `clock.now` to play a lapsed hold. */
export const NOW = MONDAY_MORNING;

/**
 * Starts the adapter in webhook mode with invoices on. `payments` are the engine's (its gateway
 * is only asked when an invoice cannot be used). `deliver` posts an update as Telegram would.
 */
export async function startPaymentsHarness(db: Database, payments: PaymentDeps) {
  const fake = await startFakeTelegram({ token: TOKEN, providerToken: PROVIDER });
  const { logger, entries } = recordingLogger();
  const messenger = createRoutingMessenger();
  const deps: ChatDeps = { ...testChatDeps(db, messenger, logger), payments };
  const clock = { now: NOW };
  const adapter = createTelegramAdapter({
    token: TOKEN,
    apiRoot: fake.apiRoot,
    webhookSecret: SECRET,
    publicUrl: 'https://slotline.example/',
    handle: (event) => handleChatEvent(deps, event, clock.now),
    logger,
    rateLimits: NO_LIMITS,
    payments: {
      providerToken: PROVIDER,
      checkInvoice: (check) => checkInvoice(deps, check, clock.now),
    },
  });
  messenger.register('telegram', adapter.messenger);
  const app = new Hono();
  adapter.mount(app);
  await adapter.start();
  const deliver = async (update: Update) => {
    const res = await app.request('/webhooks/telegram', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
      body: JSON.stringify(update),
    });
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
  };
  return {
    fake,
    clock,
    entries,
    deliver,
    /** The newest invoice the bot sent to `user`: its message id and sendInvoice payload. */
    lastInvoice(user: User) {
      const call = fake
        .callsTo('sendInvoice')
        .filter((c) => c.payload.chat_id === user.id && c.reply.ok)
        .at(-1);
      if (!call?.reply.ok) throw new Error('no invoice sent');
      const sent = call.reply.result as { message_id: number };
      return { messageId: sent.message_id, payload: call.payload };
    },
    close: async () => {
      await adapter.stop();
      await fake.close();
    },
  };
}
