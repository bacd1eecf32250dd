// The message under a held booking: what to pay by when, and how: a native invoice or a payment link.
import { UNTHREADED_EN } from '../i18n/translator.ts';
import { startCheckout } from '../payments/start-checkout.ts';
import { toTelegramAmount } from '../payments/telegram-amounts.ts';
import { clientSpan, clientWhen } from './appointment-messages.ts';
import { type AppointmentView, readAppointmentView } from './appointment-view.ts';
import { commandData, holdData } from './button-data.ts';
import { formatPrice } from './chat-format.ts';
import { button, chatMessage } from './chat-message.ts';
import type { ChatButton, ChatInvoice, ChatMessage } from './chat-types.ts';
import { holdEndedMessage } from './hold-ended.ts';
import { amountWords, holdLines } from './payment-words.ts';
import type { Turn } from './turn.ts';

/** Telegram's limits on an invoice's title and description. */
const TITLE_LIMIT = 32;
const DESCRIPTION_LIMIT = 255;

/**
 * Asks the client to pay the hold in `view` (AWAITING_PAYMENT): on Telegram with a provider
 * token a native invoice, elsewhere a Stripe Checkout link as a "Pay" button. When the processor
 * is down the hold stands and a "Get payment link" button tries again. A hold that lapsed, was
 * released or was paid (before or during the call) gets holdEndedMessage instead, with a way on.
 * Never throws for the processor's answers; database faults throw.
 */
export async function askForPayment(
  turn: Turn,
  view: AppointmentView,
  lead: readonly string[] = [],
): Promise<ChatMessage> {
  const { status, holdExpiresAt } = view.appointment;
  if (status !== 'AWAITING_PAYMENT' || holdExpiresAt === null || holdExpiresAt <= turn.now) {
    return holdEndedMessage(turn, view);
  }
  const heading = [
    ...lead,
    `Held for you: ${view.serviceName} with ${view.providerName}`,
    clientWhen(UNTHREADED_EN, view),
    ...holdLines(view, turn.now),
  ];
  const invoice = invoiceFor(turn, view);
  if (invoice) {
    return {
      ...chatMessage([...heading, 'Pay with the invoice below.'].join('\n'), {
        buttons: [[cancelHoldButton(view)]],
      }),
      invoice,
    };
  }
  return linkMessage(turn, view, heading);
}

async function linkMessage(
  turn: Turn,
  view: AppointmentView,
  heading: string[],
): Promise<ChatMessage> {
  const payments = turn.deps.payments;
  const started = payments
    ? await startCheckout(turn.deps.db, payments, view.appointment.id, turn.now)
    : ({ ok: false, code: 'PAYMENT_UNAVAILABLE' } as const);
  if (started.ok) {
    const label = `Pay ${formatPrice(UNTHREADED_EN, started.value.amount, started.value.currency)}`;
    return {
      ...chatMessage(heading.join('\n'), { buttons: [[cancelHoldButton(view)]] }),
      link: { label, url: started.value.url },
    };
  }
  if (started.code === 'AMOUNT_NOT_CHARGEABLE') {
    const text = [
      ...heading,
      `This amount cannot be paid online, so the time cannot be booked here. Release the hold and ask ${view.providerName} directly, or send /book to pick something else.`,
    ];
    return chatMessage(text.join('\n'), { buttons: [[cancelHoldButton(view)]] });
  }
  if (started.code === 'PAYMENT_UNAVAILABLE') {
    const text = [
      ...heading,
      'The payment page could not be opened just now. Your time stays held; press Get payment link to try again in a moment.',
    ];
    const retry = button('Get payment link', holdData('pl', view.appointment.id), 'primary');
    return chatMessage(text.join('\n'), { buttons: [[retry, cancelHoldButton(view)]] });
  }
  // Paid, released or gone since `view` was read: say how it stands now.
  const now = await readAppointmentView(turn.deps.db, view.appointment.id);
  if (now) return holdEndedMessage(turn, now);
  return chatMessage('That booking no longer exists. Send /book to pick a time.', {
    buttons: [[button('Book again', commandData('book'), 'primary')]],
  });
}

/** The native invoice when this is Telegram with a provider token and the amount fits. */
function invoiceFor(turn: Turn, view: AppointmentView): ChatInvoice | null {
  if (turn.user.platform !== 'telegram' || !turn.deps.payments?.telegramProviderToken) return null;
  const { amountDue, currency, id } = view.appointment;
  const amount = toTelegramAmount(amountDue, currency);
  if (amount === null) return null;
  return {
    title: cut(view.serviceName, TITLE_LIMIT),
    description: cut(
      `${view.serviceName} with ${view.providerName}, ${clientSpan(UNTHREADED_EN, view)}`,
      DESCRIPTION_LIMIT,
    ),
    payload: id,
    currency,
    amount,
    label: cut(`${view.serviceName} (${amountWords(view)})`, TITLE_LIMIT),
  };
}

function cancelHoldButton(view: AppointmentView): ChatButton {
  return button('Release the hold', holdData('xh', view.appointment.id), 'danger');
}

function cut(text: string, limit: number): string {
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}
