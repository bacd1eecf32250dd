// A native invoice was paid in chat: record it, then tell the client whether they are booked or refunded.
import { recordPayment } from '../payments/record-payment.ts';
import { fromTelegramAmount } from '../payments/telegram-amounts.ts';
import { clientWhen, joinLine } from './appointment-messages.ts';
import { type AppointmentView, readAppointmentView } from './appointment-view.ts';
import { holdData } from './button-data.ts';
import { button, chatMessage } from './chat-message.ts';
import type { ChatMessage, InvoicePayment } from './chat-types.ts';
import { holdClock } from './payment-words.ts';
import type { Turn } from './turn.ts';

/**
 * Records `payment` (method TELEGRAM_INVOICE, paid at `turn.now`) through recordPayment and
 * answers: booked (or waiting for the provider's approval), or refunding when it came too late,
 * twice or for another amount. A payment recorded before gets no reply. An unknown appointment
 * is logged (ids only) and the client is told to get in touch. Database faults throw, so the
 * update is handed back for the platform's retry.
 */
export async function onInvoicePaid(turn: Turn, payment: InvoicePayment): Promise<ChatMessage[]> {
  const outcome = await recordPayment(
    turn.deps.db,
    {
      appointmentId: payment.appointmentId,
      method: 'TELEGRAM_INVOICE',
      // A total with no exact stored amount (a currency never invoiced) is kept as it came: it
      // pays no hold, so it is recorded and refunded rather than lost.
      amount: fromTelegramAmount(payment.amount, payment.currency) ?? payment.amount,
      currency: payment.currency,
      checkoutSessionId: null,
      paymentIntentId: null,
      chargeId: payment.processorChargeId,
      telegramChargeId: payment.platformChargeId,
      paidAt: turn.now,
    },
    turn.now,
  );
  if (!outcome.ok) {
    turn.deps.logger.error(
      { platformChargeId: payment.platformChargeId },
      'an invoice payment names no appointment',
    );
    return [chatMessage(turn.t.t('payment.unmatched'))];
  }
  if (outcome.value.kind === 'duplicate') return [];
  await turn.deps.relayChanges();
  const view = await readAppointmentView(turn.deps.db, outcome.value.appointment.id);
  if (!view) return [chatMessage(turn.t.t('payment.received'))];
  return [
    outcome.value.kind === 'confirmed' ? paidMessage(turn, view) : refundingMessage(turn, view),
  ];
}

/** The service, provider and the client's time of `view`, as the payment replies name them. */
function whatOf(turn: Turn, view: AppointmentView) {
  return { service: view.serviceName, provider: view.providerName, when: clientWhen(turn.t, view) };
}

function paidMessage(turn: Turn, view: AppointmentView): ChatMessage {
  const { t } = turn;
  const what = whatOf(turn, view);
  if (view.appointment.status === 'PENDING') return chatMessage(t.t('payment.paidPending', what));
  const join = joinLine(t, view);
  return chatMessage(
    [t.t('payment.paidBooked', what), t.t('payment.confirmed'), join].filter(Boolean).join('\n'),
  );
}

/** The payment goes back: the hold had ended, it was paid already, or the amount was wrong. */
function refundingMessage(turn: Turn, view: AppointmentView): ChatMessage {
  const { t } = turn;
  const what = whatOf(turn, view);
  const { status, holdExpiresAt } = view.appointment;
  if (status === 'CANCELLED') return chatMessage(t.t('payment.lateRefund', what));
  if (status === 'AWAITING_PAYMENT' && holdExpiresAt !== null) {
    const until = holdClock(t, holdExpiresAt, view.clientTimezone, turn.now);
    const retry = button(t.t('payment.getLink'), holdData('pl', view.appointment.id), 'primary');
    return chatMessage(t.t('payment.mismatchRefund', { ...what, until }), {
      buttons: [[retry]],
    });
  }
  return chatMessage(t.t('payment.secondRefund', what));
}
