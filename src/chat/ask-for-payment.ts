// The message under a held booking: what to pay by when, and how: a native invoice or a payment link.

import type { Translator } from '../i18n/translator.ts';
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
  const { t } = turn;
  const heading = [
    ...lead,
    t.t('payment.heldForYou', { service: view.serviceName, provider: view.providerName }),
    clientWhen(t, view),
    ...holdLines(t, view, turn.now),
  ];
  const invoice = invoiceFor(turn, view);
  if (invoice) {
    return {
      ...chatMessage([...heading, t.t('payment.payWithInvoice')].join('\n'), {
        buttons: [[cancelHoldButton(t, view)]],
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
  const { t } = turn;
  if (started.ok) {
    const amount = formatPrice(t, started.value.amount, started.value.currency);
    const label = t.t('payment.payButton', { amount });
    return {
      ...chatMessage(heading.join('\n'), { buttons: [[cancelHoldButton(t, view)]] }),
      link: { label, url: started.value.url },
    };
  }
  if (started.code === 'AMOUNT_NOT_CHARGEABLE') {
    const text = [...heading, t.t('payment.notChargeable', { provider: view.providerName })];
    return chatMessage(text.join('\n'), { buttons: [[cancelHoldButton(t, view)]] });
  }
  if (started.code === 'PAYMENT_UNAVAILABLE') {
    const text = [...heading, t.t('payment.pageDown')];
    const retry = button(t.t('payment.getLink'), holdData('pl', view.appointment.id), 'primary');
    return chatMessage(text.join('\n'), { buttons: [[retry, cancelHoldButton(t, view)]] });
  }
  // Paid, released or gone since `view` was read: say how it stands now.
  const now = await readAppointmentView(turn.deps.db, view.appointment.id);
  if (now) return holdEndedMessage(turn, now);
  return chatMessage(t.t('payment.bookingGone'), {
    buttons: [[button(t.t('booking.bookAgain'), commandData('book'), 'primary')]],
  });
}

/** The native invoice when this is Telegram with a provider token and the amount fits. */
function invoiceFor(turn: Turn, view: AppointmentView): ChatInvoice | null {
  if (turn.user.platform !== 'telegram' || !turn.deps.payments?.telegramProviderToken) return null;
  const { amountDue, currency, id } = view.appointment;
  const amount = toTelegramAmount(amountDue, currency);
  if (amount === null) return null;
  const { t } = turn;
  const service = view.serviceName;
  const description = t.t('payment.invoiceDescription', {
    service,
    provider: view.providerName,
    span: clientSpan(t, view),
  });
  return {
    title: cut(service, TITLE_LIMIT),
    description: cut(description, DESCRIPTION_LIMIT),
    payload: id,
    currency,
    amount,
    label: cut(t.t('payment.invoiceLabel', { service, amount: amountWords(t, view) }), TITLE_LIMIT),
  };
}

function cancelHoldButton(t: Translator, view: AppointmentView): ChatButton {
  return button(t.t('payment.releaseHold'), holdData('xh', view.appointment.id), 'danger');
}

function cut(text: string, limit: number): string {
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}
