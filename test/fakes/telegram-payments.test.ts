// Telegram payments on the fake, driven by grammY: invoices, pre-checkout answers, payments.
import { Bot, GrammyError } from 'grammy';
import type { Message, PreCheckoutQuery, SuccessfulPayment, Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, TOKEN } from '../bots/telegram/telegram-harness.ts';
import { type FakeTelegram, startFakeTelegram } from './telegram-api.ts';

const PROVIDER = '284685063:TEST:provider-token';
const TOO_OLD =
  /^Bad Request: query is too old and response timeout expired or query ID is invalid$/;
const INVOICE = {
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

let fake: FakeTelegram;
beforeAll(async () => {
  fake = await startFakeTelegram({ token: TOKEN, providerToken: PROVIDER, maxHoldMs: 100 });
});
afterAll(() => fake.close());

/** A grammY bot on the fake that logs what it sees; `handle` answers each pre_checkout_query. */
async function payingBot(handle: (query: PreCheckoutQuery, bot: Bot) => Promise<unknown>) {
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

/** The description of the 400 the fake answered a raw sendInvoice with. */
async function refusal(bot: Bot, fields: Record<string, unknown>): Promise<string> {
  const error = await bot.api.raw.sendInvoice({ ...INVOICE, ...fields } as never).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof GrammyError)) throw new Error(`sendInvoice was not refused: ${error}`);
  expect(error.error_code).toBe(400);
  return error.description;
}

describe('telegram fake: sendInvoice', () => {
  it('records the invoice message in the chat and answers it as Telegram does', async () => {
    const { bot, invoice } = await payingBot(async () => undefined);
    expect(invoice.invoice).toEqual({
      title: 'Haircut',
      description: INVOICE.description,
      start_parameter: '',
      currency: 'EUR',
      total_amount: 2000,
    });
    expect(fake.messagesIn(ALICE.id).at(-1)).toMatchObject({
      messageId: invoice.message_id,
      invoice: { shown: invoice.invoice, payload: 'appt:42' },
    });
    const stars = await bot.api.sendInvoice(ALICE.id, 'Stars', 'd', 'p', 'XTR', [
      { label: 'x', amount: 5 },
    ]);
    expect(stars.invoice.total_amount).toBe(5);
    const withPay = await bot.api.raw.sendInvoice({
      ...INVOICE,
      start_parameter: 'appt-42',
      reply_markup: { inline_keyboard: [[{ text: 'Pay €20', pay: true }]] },
    });
    expect((withPay as Message).reply_markup?.inline_keyboard[0]?.[0]?.text).toBe('Pay €20');
    expect(withPay.invoice.start_parameter).toBe('appt-42');
    await expect(bot.api.editMessageText(ALICE.id, invoice.message_id, 'x')).rejects.toThrow(
      /there is no text in the message to edit/,
    );
  });

  it.each([
    ['no chat_id', { chat_id: undefined }, /chat_id is empty/],
    ['no title', { title: undefined }, /TITLE_INVALID/],
    ['a 33-character title', { title: 'é'.repeat(33) }, /TITLE_INVALID/],
    ['an empty description', { description: '' }, /DESCRIPTION_INVALID/],
    ['a 256-character description', { description: 'd'.repeat(256) }, /DESCRIPTION_INVALID/],
    ['an empty payload', { payload: '' }, /INVOICE_PAYLOAD_INVALID/],
    [
      'a payload of 130 bytes in 65 characters',
      { payload: 'é'.repeat(65) },
      /INVOICE_PAYLOAD_INVALID/,
    ],
    ['a currency that is not 3 letters', { currency: 'euro' }, /CURRENCY_INVALID/],
    ['no provider token', { provider_token: undefined }, /PAYMENT_PROVIDER_INVALID/],
    ['another bot provider token', { provider_token: '1:TEST:other' }, /PAYMENT_PROVIDER_INVALID/],
    ['no prices', { prices: undefined }, /can't parse prices JSON object/],
    ['an empty prices array', { prices: [] }, /total price must be positive/],
    ['a fractional amount', { prices: [{ label: 'x', amount: 12.5 }] }, /can't parse prices/],
    ['a price without a label', { prices: [{ amount: 100 }] }, /can't parse prices/],
    [
      'a total of zero',
      {
        prices: [
          { label: 'a', amount: 500 },
          { label: 'b', amount: -500 },
        ],
      },
      /total price must be positive/,
    ],
    ['a too big price', { prices: [{ label: 'a', amount: 1e15 }] }, /too big amount/],
    [
      'a too big total',
      {
        prices: [
          { label: 'a', amount: 9e11 },
          { label: 'b', amount: 9e11 },
        ],
      },
      /total price is too big/,
    ],
    ['a negative max_tip_amount', { max_tip_amount: -1 }, /max_tip_amount/],
    [
      'a keyboard not starting with Pay',
      { reply_markup: { inline_keyboard: [[{ text: 'Help', callback_data: 'h' }]] } },
      /REPLY_MARKUP_BUY_EMPTY/,
    ],
  ])('refuses %s with 400 and records nothing', async (_name, fields, description) => {
    const bot = new Bot(TOKEN, { client: { apiRoot: fake.apiRoot } });
    const before = fake.messagesIn(ALICE.id).length;
    const text = await refusal(bot, fields);
    expect(text).toMatch(/^Bad Request: /);
    expect(text).toMatch(description);
    expect(fake.messagesIn(ALICE.id).length).toBe(before);
  });
});

describe('telegram fake: paying an invoice', () => {
  it('long polling: pre-checkout, the bot answers ok, then the successful payment', async () => {
    const order: string[] = [];
    const { bot, seen, invoice } = await payingBot(async (query, b) => {
      order.push('query');
      await b.api.answerPreCheckoutQuery(query.id, true);
      order.push('answered');
    });
    bot.on('message:successful_payment', () => {
      order.push('paid');
    });
    const polling = bot.start({ timeout: 1 });
    try {
      const outcome = await fake.pay(ALICE, invoice.message_id);
      const payment = {
        currency: 'EUR',
        total_amount: 2000,
        invoice_payload: 'appt:42',
        telegram_payment_charge_id: expect.any(String),
        provider_payment_charge_id: expect.any(String),
      };
      expect(outcome).toEqual({ kind: 'paid', queryId: expect.any(String), payment });
      expect(seen.queries).toEqual([
        {
          id: outcome.queryId,
          from: ALICE,
          currency: 'EUR',
          total_amount: 2000,
          invoice_payload: 'appt:42',
        },
      ]);
      await expect.poll(() => seen.payments.map((s) => s.p)).toEqual([payment]);
      expect(order).toEqual(['query', 'answered', 'paid']);
      expect(fake.callsTo('answerPreCheckoutQuery').at(-1)?.reply).toEqual({
        ok: true,
        result: true,
      });
    } finally {
      await bot.stop();
      await polling;
    }
  });

  it('a refusal with error_message: told to the payer, no payment', async () => {
    const { seen, invoice, deliver } = await payingBot((query, b) =>
      b.api.answerPreCheckoutQuery(query.id, false, { error_message: 'The hold on 10:00 ran out' }),
    );
    const outcome = await fake.pay(ALICE, invoice.message_id, { deliver });
    expect(outcome).toEqual({
      kind: 'refused',
      queryId: seen.queries[0]?.id,
      errorMessage: 'The hold on 10:00 ran out',
    });
    expect(seen.payments).toEqual([]);
  });

  it('a refusal without error_message is a 400 and leaves the query open', async () => {
    const errors: unknown[] = [];
    const { invoice, deliver } = await payingBot(async (query, b) => {
      await b.api.answerPreCheckoutQuery(query.id, false).catch((e: unknown) => errors.push(e));
      await b.api.answerPreCheckoutQuery(query.id, true);
    });
    const outcome = await fake.pay(ALICE, invoice.message_id, { deliver });
    expect(errors).toEqual([expect.objectContaining({ error_code: 400 })]);
    expect((errors[0] as GrammyError).description).toMatch(/ERROR_TEXT_EMPTY/);
    expect(outcome.kind).toBe('paid');
  });

  it('no answer in time: timed out, no payment, and a late answer gets 400', async () => {
    const { bot, seen, invoice, deliver } = await payingBot(async () => undefined);
    const outcome = await fake.pay(ALICE, invoice.message_id, { deliver, answerTimeoutMs: 50 });
    expect(outcome).toEqual({ kind: 'timed-out', queryId: seen.queries[0]?.id });
    const late = bot.api.answerPreCheckoutQuery(outcome.queryId, true);
    await expect(late).rejects.toMatchObject({
      error_code: 400,
      description: expect.stringMatching(TOO_OLD),
    });
    expect(seen.payments).toEqual([]);
  });

  it('answering twice, or an unknown id, gets 400', async () => {
    const second: unknown[] = [];
    const { bot, invoice, deliver } = await payingBot(async (query, b) => {
      await b.api.answerPreCheckoutQuery(query.id, true);
      await b.api.answerPreCheckoutQuery(query.id, true).catch((e: unknown) => second.push(e));
    });
    expect((await fake.pay(ALICE, invoice.message_id, { deliver })).kind).toBe('paid');
    expect(second).toEqual([expect.objectContaining({ error_code: 400 })]);
    expect((second[0] as GrammyError).description).toMatch(TOO_OLD);
    await expect(bot.api.answerPreCheckoutQuery('no-such-query', true)).rejects.toMatchObject({
      error_code: 400,
    });
  });

  it('delivers the successful_payment update twice when asked, with one update_id', async () => {
    const { seen, invoice, deliver } = await payingBot((query, b) =>
      b.api.answerPreCheckoutQuery(query.id, true),
    );
    const outcome = await fake.pay(ALICE, invoice.message_id, {
      deliver,
      duplicate: 'successful_payment',
    });
    expect(outcome.kind).toBe('paid');
    expect(seen.payments).toHaveLength(2);
    expect(seen.payments[0]).toEqual(seen.payments[1]);
  });

  it('delivers the pre_checkout_query twice when asked: one answer counts, one payment', async () => {
    const { seen, invoice, deliver } = await payingBot((query, b) =>
      b.api.answerPreCheckoutQuery(query.id, true),
    );
    const answers = fake.callsTo('answerPreCheckoutQuery').length;
    const outcome = await fake.pay(ALICE, invoice.message_id, {
      deliver,
      duplicate: 'pre_checkout_query',
    });
    expect(outcome.kind).toBe('paid');
    expect(seen.queries).toHaveLength(2);
    expect(seen.queries[0]).toEqual(seen.queries[1]);
    const replies = fake
      .callsTo('answerPreCheckoutQuery')
      .slice(answers)
      .map((c) => c.reply.ok);
    expect(replies).toEqual([true, false]);
    expect(seen.payments).toHaveLength(1);
  });

  it('refuses to pay a message that is not an invoice', async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: fake.apiRoot } });
    const text = await bot.api.sendMessage(ALICE.id, 'Hello');
    await expect(fake.pay(ALICE, text.message_id)).rejects.toThrow(/not an invoice/);
  });
});
