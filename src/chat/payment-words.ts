// How a payment hold reads in chat: what to pay and until when, in the client's clock.
import type { Translator } from '../i18n/translator.ts';
import type { AppointmentView } from './appointment-view.ts';
import { formatClock, formatDayShort, formatPrice, localDate } from './chat-format.ts';

/** '07:15', or 'Tue 1 Dec, 00:10' when the hold ends on another day than `now` (client's zone). */
export function holdClock(t: Translator, until: Date, zone: string, now: Date): string {
  const clock = formatClock(until, zone);
  const day = localDate(until, zone);
  if (day === localDate(now, zone)) return clock;
  return t.t('payment.dayClock', { day: formatDayShort(t, day), time: clock });
}

/** '€50.00', or '€15.00 deposit' when less than the price is paid up front. */
export function amountWords(t: Translator, view: AppointmentView): string {
  const { amountDue, price, currency } = view.appointment;
  const amount = formatPrice(t, amountDue, currency);
  return amountDue < price ? t.t('payment.deposit', { amount }) : amount;
}

/**
 * The lines under a held booking: what to pay, by when, and what happens if not, e.g.
 * 'To book it, pay €50.00 by 07:15 (your time).' Empty when the hold has no end (not a hold).
 */
export function holdLines(t: Translator, view: AppointmentView, now: Date): string[] {
  const until = view.appointment.holdExpiresAt;
  if (until === null) return [];
  const by = holdClock(t, until, view.clientTimezone, now);
  const lines = [t.t('payment.payBy', { amount: amountWords(t, view), by })];
  const { amountDue, price, currency } = view.appointment;
  if (amountDue < price) {
    lines.push(t.t('payment.remaining', { amount: formatPrice(t, price - amountDue, currency) }));
  }
  lines.push(t.t('payment.unpaidReleased'));
  return lines;
}
