// Shared setup of the Telegram payment tests: a valid invoice and a grammY bot that pays it.
import { Bot } from 'grammy';
import type { PreCheckoutQuery, SuccessfulPayment, Update } from 'grammy/types';
import { ALICE, TOKEN } from '../bots/telegram/telegram-harness.ts';
import type { FakeTelegram } from './telegram-api.ts';

/** The provider token the fake is started with (Telegram's test-mode form). */
export const PROVIDER = '284685063:TEST:provider-token';
/** Telegram's answer to a pre-checkout answer that is late, repeated or for an unknown id. */
export const TOO_OLD =
  /^Bad Request: query is too old and response timeout expired or query ID is invalid$/;
/** A valid sendInvoice call to Alice: EUR 25.00 less 5.00, so a total of 2000 minor units. */
export const INVOICE = {
  chat_id: ALICE.id,
  title: 'Haircut',
  description: 'Haircut with Test Provider, Tue 1 Dec 10:00',
  payload: 'appt:42',
  provider_token: PROVIDER,
  currency: 'EUR',
  prices: [
    { label: 'Haircut', amount: 2500 },
    { label: 'Discount', amount: -500 },
  ],
};

/**
 * A grammY bot on `fake` that logs what it sees, with INVOICE sent; `handle` answers each
 * pre_checkout_query. `deliver` hands an update straight to it, as a webhook would.
 */
export async function payingBot(
  fake: FakeTelegram,
  handle: (query: PreCheckoutQuery, bot: Bot) => Promise<unknown>,
) {
  const bot = new Bot(TOKEN, { client: { apiRoot: fake.apiRoot } });
  const seen: {
    queries: PreCheckoutQuery[];
    payments: { updateId: number; p: SuccessfulPayment }[];
  } = { queries: [], payments: [] };
  bot.on('pre_checkout_query', async (ctx) => {
    seen.queries.push(ctx.preCheckoutQuery);
    await handle(ctx.preCheckoutQuery, bot);
  });
  // next(): a test may add its own handler after these.
  bot.on('message:successful_payment', async (ctx, next) => {
    seen.payments.push({ updateId: ctx.update.update_id, p: ctx.message.successful_payment });
    await next();
  });
  await bot.init();
  const invoice = await bot.api.raw.sendInvoice(INVOICE);
  const deliver = (update: Update) => bot.handleUpdate(update);
  return { bot, seen, invoice, deliver };
}
