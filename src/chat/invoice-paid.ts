// A native invoice was paid in chat: record it, then tell the client whether they are booked or refunded.
import { UNTHREADED_EN } from '../i18n/translator.ts';
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
    return [
      chatMessage(
        'Your payment arrived, but I could not match it to a booking. Please keep the receipt and contact the provider; send /mybookings to see your bookings.',
      ),
    ];
  }
  if (outcome.value.kind === 'duplicate') return [];
  await turn.deps.relayChanges();
  const view = await readAppointmentView(turn.deps.db, outcome.value.appointment.id);
  if (!view) return [chatMessage('Payment received. Send /mybookings to see your bookings.')];
  return [outcome.value.kind === 'confirmed' ? paidMessage(view) : refundingMessage(turn, view)];
}

function paidMessage(view: AppointmentView): ChatMessage {
  const what = `${view.serviceName} with ${view.providerName}\n${clientWhen(UNTHREADED_EN, view)}`;
  if (view.appointment.status === 'PENDING') {
    return chatMessage(
      `Paid — your request is waiting for the provider's approval: ${what}\nI'll message you when ${view.providerName} answers; if they decline, the payment is refunded in full.`,
    );
  }
  const join = joinLine(UNTHREADED_EN, view);
  return chatMessage(
    [`Paid — you're booked: ${what}`, "It's confirmed.", join].filter(Boolean).join('\n'),
  );
}

/** The payment goes back: the hold had ended, it was paid already, or the amount was wrong. */
function refundingMessage(turn: Turn, view: AppointmentView): ChatMessage {
  const what = `${view.serviceName} with ${view.providerName}, ${clientWhen(UNTHREADED_EN, view)}`;
  const { status, holdExpiresAt } = view.appointment;
  if (status === 'CANCELLED') {
    return chatMessage(
      `Your payment came after the hold ended; it will be refunded in full. The time (${what}) was released. Send /book to pick a time again.`,
    );
  }
  if (status === 'AWAITING_PAYMENT' && holdExpiresAt !== null) {
    const until = holdClock(holdExpiresAt, view.clientTimezone, turn.now);
    return chatMessage(
      `That payment did not match the amount due, so it will be refunded in full. ${what} stays held until ${until} (your time); press Get payment link to pay the right amount.`,
      { buttons: [[button('Get payment link', holdData('pl', view.appointment.id), 'primary')]] },
    );
  }
  return chatMessage(
    `${what} was already paid, so this second payment will be refunded in full. Send /mybookings to see the booking.`,
  );
}
