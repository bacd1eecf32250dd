// sendInvoice as the fake answers it: Telegram's checks on the fields, then an invoice message.
import type { InlineKeyboardMarkup } from 'grammy/types';
import {
  type FakeState,
  fail,
  ok,
  type Payload,
  type Reply,
  type StoredMessage,
  toMessage,
} from './telegram-fake-state.ts';

/** Telegram's cap on one price part and on the total, in the currency's smallest units. */
const MAX_AMOUNT = 9_999_9999_9999;

/**
 * Checks a sendInvoice call as Telegram does and, when it passes, records the invoice message in
 * the chat and answers it. With `providerToken` set, any other token (outside Telegram Stars, XTR)
 * is refused as Telegram refuses a token BotFather did not issue to this bot.
 */
export function sendInvoice(state: FakeState, p: Payload, providerToken?: string): Reply {
  const refused = checkFields(p, providerToken) ?? checkPayMarkup(p.reply_markup);
  if (refused) return refused;
  const total = totalOf(p.prices);
  if (typeof total !== 'number') return total;
  const stored: StoredMessage = {
    chatId: Number(p.chat_id),
    messageId: state.ids.message++,
    text: '',
    replyMarkup: (p.reply_markup as InlineKeyboardMarkup | undefined) ?? null,
    invoice: {
      shown: {
        title: String(p.title),
        description: String(p.description),
        start_parameter: typeof p.start_parameter === 'string' ? p.start_parameter : '',
        currency: String(p.currency),
        total_amount: total,
      },
      payload: String(p.payload),
    },
  };
  state.messages.set(stored.messageId, stored);
  return ok(toMessage(stored));
}

function checkFields(p: Payload, providerToken: string | undefined): Reply | null {
  if (p.chat_id === undefined || p.chat_id === '')
    return fail(400, 'Bad Request: chat_id is empty');
  if (!isText(p.title, 1, 32)) return fail(400, 'Bad Request: TITLE_INVALID');
  if (!isText(p.description, 1, 255)) return fail(400, 'Bad Request: DESCRIPTION_INVALID');
  const payloadBytes = typeof p.payload === 'string' ? Buffer.byteLength(p.payload, 'utf8') : 0;
  if (payloadBytes < 1 || payloadBytes > 128) {
    return fail(400, 'Bad Request: INVOICE_PAYLOAD_INVALID');
  }
  if (typeof p.currency !== 'string' || !/^[A-Z]{3}$/.test(p.currency)) {
    return fail(400, 'Bad Request: CURRENCY_INVALID');
  }
  if (p.currency !== 'XTR') {
    const token = typeof p.provider_token === 'string' ? p.provider_token : '';
    if (token === '' || (providerToken !== undefined && token !== providerToken)) {
      return fail(400, 'Bad Request: PAYMENT_PROVIDER_INVALID');
    }
  }
  const tip = p.max_tip_amount;
  if (tip !== undefined && !(Number.isInteger(tip) && Number(tip) >= 0)) {
    return fail(400, "Bad Request: can't parse max_tip_amount");
  }
  return null;
}

/** The total of a prices array, or Telegram's refusal of it. */
function totalOf(prices: unknown): number | Reply {
  const parse = fail(400, "Bad Request: can't parse prices JSON object");
  if (!Array.isArray(prices)) return parse;
  let total = 0;
  for (const price of prices as { label?: unknown; amount?: unknown }[]) {
    if (typeof price?.label !== 'string' || !Number.isInteger(price.amount)) return parse;
    const amount = Number(price.amount);
    if (Math.abs(amount) > MAX_AMOUNT) {
      return fail(400, 'Bad Request: too big amount of currency specified');
    }
    total += amount;
  }
  if (total <= 0) return fail(400, 'Bad Request: total price must be positive');
  if (total > MAX_AMOUNT) return fail(400, 'Bad Request: total price is too big');
  return total;
}

/** An invoice keyboard, when given, must start with the Pay button. */
function checkPayMarkup(markup: unknown): Reply | null {
  const rows = (markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? [];
  const [first] = rows.flat();
  if (first && !('pay' in first && first.pay)) {
    return fail(400, 'Bad Request: REPLY_MARKUP_BUY_EMPTY');
  }
  return null;
}

function isText(value: unknown, min: number, max: number): boolean {
  const length = typeof value === 'string' ? [...value].length : 0;
  return length >= min && length <= max;
}
