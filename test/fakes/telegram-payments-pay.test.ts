// Paying an invoice on the Telegram fake, driven by grammY: pre-checkout, answer, payment.
import { Bot, type GrammyError } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, TOKEN } from '../bots/telegram/telegram-harness.ts';
import { type FakeTelegram, startFakeTelegram } from './telegram-api.ts';
import { PROVIDER, payingBot, TOO_OLD } from './telegram-payments-bot.ts';

let fake: FakeTelegram;
beforeAll(async () => {
  fake = await startFakeTelegram({ token: TOKEN, providerToken: PROVIDER, maxHoldMs: 100 });
});
afterAll(() => fake.close());

describe('telegram fake: paying an invoice', () => {
  it('long polling: pre-checkout, the bot answers ok, then the successful payment', async () => {
    const order: string[] = [];
    const { bot, seen, invoice } = await payingBot(fake, async (query, b) => {
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
    const { seen, invoice, deliver } = await payingBot(fake, (query, b) =>
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
    const { invoice, deliver } = await payingBot(fake, async (query, b) => {
      await b.api.answerPreCheckoutQuery(query.id, false).catch((e: unknown) => errors.push(e));
      await b.api.answerPreCheckoutQuery(query.id, true);
    });
    const outcome = await fake.pay(ALICE, invoice.message_id, { deliver });
    expect(errors).toEqual([expect.objectContaining({ error_code: 400 })]);
    expect((errors[0] as GrammyError).description).toMatch(/ERROR_TEXT_EMPTY/);
    expect(outcome.kind).toBe('paid');
  });

  it('no answer in time: timed out, no payment, and a late answer gets 400', async () => {
    const { bot, seen, invoice, deliver } = await payingBot(fake, async () => undefined);
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
    const { bot, invoice, deliver } = await payingBot(fake, async (query, b) => {
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
    const { seen, invoice, deliver } = await payingBot(fake, (query, b) =>
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
    const { seen, invoice, deliver } = await payingBot(fake, (query, b) =>
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
