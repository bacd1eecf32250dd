// Telegram's side of a payment: the pre_checkout_query, the bot's answer, the successful_payment.
import type { SuccessfulPayment, Update, User } from 'grammy/types';
import { type FakeState, fail, ok, type Payload, type Reply } from './telegram-fake-state.ts';
import { preCheckoutUpdate, successfulPaymentUpdate } from './telegram-updates.ts';

/** How a payment attempt ended, as the paying user would see it. */
type PaymentOutcome =
  | { readonly kind: 'paid'; readonly queryId: string; readonly payment: SuccessfulPayment }
  | { readonly kind: 'refused'; readonly queryId: string; readonly errorMessage: string }
  | { readonly kind: 'timed-out'; readonly queryId: string };

export type PayOptions = {
  /** How long the bot has to answer the pre_checkout_query; Telegram gives 10 s (the default). */
  readonly answerTimeoutMs?: number;
  /** Delivers this update twice, as Telegram does when a webhook delivery is retried. */
  readonly duplicate?: 'pre_checkout_query' | 'successful_payment';
  /** Hands an update to the bot (a webhook POST, bot.handleUpdate); default: getUpdates queue. */
  readonly deliver?: (update: Update) => unknown;
};

const TOO_OLD = 'Bad Request: query is too old and response timeout expired or query ID is invalid';

/** answerPreCheckoutQuery: settles an open query once; unknown, late or repeated ids get 400. */
export function answerPreCheckoutQuery(state: FakeState, p: Payload): Reply {
  const id = String(p.pre_checkout_query_id ?? '');
  if (id === '') return fail(400, 'Bad Request: pre_checkout_query_id is empty');
  if (typeof p.ok !== 'boolean') return fail(400, 'Bad Request: parameter "ok" is required');
  const message = typeof p.error_message === 'string' ? p.error_message : '';
  if (!p.ok && message.trim() === '') return fail(400, 'Bad Request: ERROR_TEXT_EMPTY');
  const open = state.openCheckouts.get(id);
  if (!open) return fail(400, TOO_OLD);
  state.openCheckouts.delete(id);
  open.settle(p.ok ? { ok: true } : { ok: false, errorMessage: message });
  return ok(true);
}

/**
 * `user` pays the invoice in bot message `messageId`: sends the pre_checkout_query, waits for the
 * bot's answer and, on ok, sends the successful_payment message once the query's delivery ended.
 * No answer within the timeout closes the query (a later answer gets 400) and nothing is paid.
 */
export async function payInvoice(
  state: FakeState,
  push: (update: Update) => void,
  user: User,
  messageId: number,
  options: PayOptions = {},
): Promise<PaymentOutcome> {
  const stored = state.messages.get(messageId);
  if (!stored?.invoice) throw new Error(`message ${messageId} is not an invoice the bot sent`);
  const { shown, payload } = stored.invoice;
  const deliver = options.deliver ?? push;
  const { id, update } = preCheckoutUpdate(state, {
    from: user,
    currency: shown.currency,
    total_amount: shown.total_amount,
    invoice_payload: payload,
  });
  const answered = new Promise<{ ok: boolean; errorMessage?: string }>((settle) => {
    state.openCheckouts.set(id, { settle });
  });
  const copies = options.duplicate === 'pre_checkout_query' ? 2 : 1;
  const deliveries = Array.from({ length: copies }, () => settled(() => deliver(update)));
  const timeoutMs = options.answerTimeoutMs ?? 10_000;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const answer = await Promise.race([answered, expired]);
  if (!answer) {
    state.openCheckouts.delete(id);
    return { kind: 'timed-out', queryId: id };
  }
  if (!answer.ok) {
    clearTimeout(timer);
    return { kind: 'refused', queryId: id, errorMessage: answer.errorMessage ?? '' };
  }
  // The user's payment goes through after the bot's answer, not during its handling.
  await Promise.race([Promise.all(deliveries), expired]);
  clearTimeout(timer);
  const payment: SuccessfulPayment = {
    currency: shown.currency,
    total_amount: shown.total_amount,
    invoice_payload: payload,
    telegram_payment_charge_id: `tg_charge_${id}`,
    provider_payment_charge_id: `provider_charge_${id}`,
  };
  const paid = successfulPaymentUpdate(state, user, stored.chatId, payment);
  const paidCopies = options.duplicate === 'successful_payment' ? 2 : 1;
  for (let i = 0; i < paidCopies; i += 1) await settled(() => deliver(paid));
  return { kind: 'paid', queryId: id, payment };
}

/** Waits for a delivery, whatever it returns or throws (the bot's failure is its own). */
async function settled(delivery: () => unknown): Promise<void> {
  try {
    await delivery();
  } catch {
    // A handler that threw is what the bot did with the update; the fake has delivered it.
  }
}
