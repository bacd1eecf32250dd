// Before a native invoice is charged: may it be paid now? The answer in words the payer reads.
import { checkPaymentHold } from '../payments/check-payment-hold.ts';
import { fromTelegramAmount } from '../payments/telegram-amounts.ts';
import { readAppointmentView } from './appointment-view.ts';
import type { ChatDeps } from './chat-deps.ts';
import type { InvoiceAnswer, InvoiceCheck } from './chat-types.ts';
import { holdClock } from './payment-words.ts';

/**
 * Judges an invoice about to be paid at `now` (its amount in Telegram's units) with
 * checkPaymentHold (read-only): ok only while its hold is valid and amount and currency match. Refusals tell the payer nothing was charged
 * and what to send next. Database faults throw; the caller answers those itself.
 */
export async function checkInvoice(
  deps: Pick<ChatDeps, 'db'>,
  check: InvoiceCheck,
  now: Date,
): Promise<InvoiceAnswer> {
  const result = await checkPaymentHold(
    deps.db,
    {
      appointmentId: check.appointmentId,
      // A total with no exact stored amount matches no hold: -1 is never owed.
      amount: fromTelegramAmount(check.amount, check.currency) ?? -1,
      currency: check.currency,
    },
    now,
  );
  if (result.ok) return { ok: true };
  switch (result.code) {
    case 'HOLD_EXPIRED':
      return refuse(await expiredWords(deps, check.appointmentId, result.holdExpiresAt, now));
    case 'NOT_AWAITING_PAYMENT':
      return refuse(
        'This booking is already paid, so nothing was charged. Send /mybookings to see it.',
      );
    case 'AMOUNT_MISMATCH':
      return refuse(
        'This invoice no longer matches what the booking costs, so nothing was charged. Send /mybookings and press Pay for a fresh one.',
      );
    case 'NOT_FOUND':
      return refuse(
        'This invoice is not for a booking I know, so nothing was charged. Send /book to book.',
      );
  }
}

async function expiredWords(
  deps: Pick<ChatDeps, 'db'>,
  appointmentId: string,
  until: Date | null,
  now: Date,
): Promise<string> {
  const view = until ? await readAppointmentView(deps.db, appointmentId) : null;
  const ended =
    view && until ? ` at ${holdClock(until, view.clientTimezone, now)} (your time)` : '';
  return `The hold on this time ended${ended}, so nothing was charged. Send /book to pick a time again.`;
}

function refuse(message: string): InvoiceAnswer {
  return { ok: false, message };
}
