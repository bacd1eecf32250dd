// sendInvoice on the Telegram fake, driven by grammY: the invoice message and Telegram's refusals.
import { Bot, GrammyError } from 'grammy';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, TOKEN } from '../bots/telegram/telegram-harness.ts';
import { type FakeTelegram, startFakeTelegram } from './telegram-api.ts';
import { INVOICE, PROVIDER, payingBot } from './telegram-payments-bot.ts';

let fake: FakeTelegram;
beforeAll(async () => {
  fake = await startFakeTelegram({ token: TOKEN, providerToken: PROVIDER, maxHoldMs: 100 });
});
afterAll(() => fake.close());

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
    const { bot, invoice } = await payingBot(fake, async () => undefined);
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
