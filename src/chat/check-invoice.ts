// Before a native invoice is charged: may it be paid now? The answer in words the payer reads.
import { eq } from 'drizzle-orm';
import { appointments } from '../db/schema/appointments.ts';
import { clients } from '../db/schema/clients.ts';
import { parseLanguage } from '../i18n/languages.ts';
import { type Translator, translatorFor } from '../i18n/translator.ts';
import { checkPaymentHold } from '../payments/check-payment-hold.ts';
import { fromTelegramAmount } from '../payments/telegram-amounts.ts';
import { readAppointmentView } from './appointment-view.ts';
import type { ChatDeps } from './chat-deps.ts';
import type { InvoiceAnswer, InvoiceCheck } from './chat-types.ts';
import { holdClock } from './payment-words.ts';

type InvoiceDeps = Pick<ChatDeps, 'db' | 'defaultLanguage'>;

/**
 * Judges an invoice about to be paid at `now` (its amount in Telegram's units) with
 * checkPaymentHold (read-only): ok only while its hold is valid and amount and currency match. Refusals tell the payer nothing was charged
 * and what to send next, in the language stored for the booking's client. Database faults
 * throw; the caller answers those itself.
 */
export async function checkInvoice(
  deps: InvoiceDeps,
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
  if (result.code === 'NOT_FOUND') {
    return refuse(fallbackTranslator(deps).t('payment.invoiceUnknown'));
  }
  const t = await payerTranslator(deps, check.appointmentId);
  switch (result.code) {
    case 'HOLD_EXPIRED':
      return refuse(await expiredWords(t, deps, check.appointmentId, result.holdExpiresAt, now));
    case 'NOT_AWAITING_PAYMENT':
      return refuse(t.t('payment.invoiceAlreadyPaid'));
    case 'AMOUNT_MISMATCH':
      return refuse(t.t('payment.invoiceMismatch'));
  }
}

/** The booking's client's stored language; the server's default when none is stored. */
async function payerTranslator(deps: InvoiceDeps, appointmentId: string): Promise<Translator> {
  const [row] = await deps.db
    .select({ language: clients.language })
    .from(appointments)
    .innerJoin(clients, eq(clients.id, appointments.clientId))
    .where(eq(appointments.id, appointmentId));
  const language = parseLanguage(row?.language);
  return language === null ? fallbackTranslator(deps) : translatorFor(language);
}

function fallbackTranslator(deps: InvoiceDeps): Translator {
  return translatorFor(deps.defaultLanguage ?? 'en');
}

async function expiredWords(
  t: Translator,
  deps: InvoiceDeps,
  appointmentId: string,
  until: Date | null,
  now: Date,
): Promise<string> {
  const view = until ? await readAppointmentView(deps.db, appointmentId) : null;
  if (!view || !until) return t.t('payment.holdEnded');
  return t.t('payment.holdEndedAt', { until: holdClock(t, until, view.clientTimezone, now) });
}

function refuse(message: string): InvoiceAnswer {
  return { ok: false, message };
}
