// Telegram's native payments: the invoice sent, the pre-checkout answered, the paid message mapped.
import type { Api } from 'grammy';
import type { Message, PreCheckoutQuery } from 'grammy/types';
import type {
  ChatInput,
  ChatInvoice,
  InvoiceAnswer,
  InvoiceCheck,
} from '../../src/chat/chat-types.ts';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import type { Logger } from '../../src/ports/logger.ts';
import { hintTranslator } from '../reader-translator.ts';

/** What the adapter needs to take payments: BotFather's provider token and the engine's check. */
export type TelegramPayments = {
  readonly providerToken: string;
  /** Judges an invoice about to be paid; may throw on a database fault. */
  readonly checkInvoice: (check: InvoiceCheck) => Promise<InvoiceAnswer>;
};

/**
 * Telegram gives the bot 10 s to answer a pre-checkout query; the check gets 7 of them and the
 * answer itself 2.5, so a slow database still ends in a refusal the user can read.
 */
const CHECK_BUDGET_MS = 7_000;
const ANSWER_TIMEOUT_MS = 2_500;
const SEND_TIMEOUT_MS = 10_000;

/** Sends `invoice` to `chatId` with the provider token; rejects with grammY's error. */
export async function sendInvoice(
  api: Api,
  chatId: number | string,
  invoice: ChatInvoice,
  providerToken: string,
): Promise<void> {
  await api.sendInvoice(
    chatId,
    invoice.title,
    invoice.description,
    invoice.payload,
    invoice.currency,
    [{ label: invoice.label, amount: invoice.amount }],
    { provider_token: providerToken },
    deadline(SEND_TIMEOUT_MS),
  );
}

/**
 * Answers a pre_checkout_query: ok only when the engine says the hold may be paid now with this
 * amount and currency; otherwise (or when the check fails or is too slow, or payments are off:
 * `payments` null) a refusal whose error_message tells the user what to do. Never throws: a
 * failed answer is logged (ids only).
 */
export async function answerPreCheckout(
  api: Api,
  query: PreCheckoutQuery,
  payments: TelegramPayments | null,
  logger: Logger,
): Promise<void> {
  const check: InvoiceCheck = {
    appointmentId: query.invoice_payload,
    amount: query.total_amount,
    currency: query.currency,
  };
  // The refusals speak the payer's Telegram language; the engine's own answer already does.
  const t = hintTranslator(query.from.language_code);
  const tryAgain = t.t('bots.checkFailed');
  const answer = payments
    ? await withinBudget(payments.checkInvoice(check), tryAgain, logger)
    : ({ ok: false, message: t.t('bots.paymentsOff') } as const);
  try {
    const other = answer.ok ? {} : { error_message: answer.message };
    await api.answerPreCheckoutQuery(query.id, answer.ok, other, deadline(ANSWER_TIMEOUT_MS));
  } catch (error) {
    logger.warn(
      { queryId: query.id, err: describeErrorSafely(error) },
      'pre-checkout not answered',
    );
  }
}

/** Node's own AbortSignal, typed as grammY's (it declares the abort-controller polyfill's). */
function deadline(ms: number): GrammySignal {
  return AbortSignal.timeout(ms) as unknown as GrammySignal;
}
type GrammySignal = NonNullable<Parameters<Api['answerPreCheckoutQuery']>[3]>;

async function withinBudget(
  work: Promise<InvoiceAnswer>,
  tryAgain: string,
  logger: Logger,
): Promise<InvoiceAnswer> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<InvoiceAnswer>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, message: tryAgain }), CHECK_BUDGET_MS);
  });
  try {
    return await Promise.race([work, late]);
  } catch (error) {
    logger.error({ err: describeErrorSafely(error) }, 'pre-checkout check failed');
    return { ok: false, message: tryAgain };
  } finally {
    clearTimeout(timer);
  }
}

/** The engine's input for a successful_payment message (amounts as Telegram counts them); null for any other message. */
export function paidInvoiceInput(message: Message): ChatInput | null {
  const paid = message.successful_payment;
  if (!paid) return null;
  return {
    kind: 'invoice-paid',
    payment: {
      appointmentId: paid.invoice_payload,
      amount: paid.total_amount,
      currency: paid.currency,
      platformChargeId: paid.telegram_payment_charge_id,
      processorChargeId: paid.provider_payment_charge_id,
    },
  };
}
