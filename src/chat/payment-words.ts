// How a payment hold reads in chat: what to pay and until when, in the client's clock.
import { UNTHREADED_EN } from '../i18n/translator.ts';
import type { AppointmentView } from './appointment-view.ts';
import { formatClock, formatDayShort, formatPrice, localDate } from './chat-format.ts';

/** '07:15', or 'Tue 1 Dec, 00:10' when the hold ends on another day than `now` (client's zone). */
export function holdClock(until: Date, zone: string, now: Date): string {
  const clock = formatClock(until, zone);
  const day = localDate(until, zone);
  return day === localDate(now, zone) ? clock : `${formatDayShort(UNTHREADED_EN, day)}, ${clock}`;
}

/** '€50.00', or '€15.00 deposit' when less than the price is paid up front. */
export function amountWords(view: AppointmentView): string {
  const { amountDue, price, currency } = view.appointment;
  const amount = formatPrice(UNTHREADED_EN, amountDue, currency);
  return amountDue < price ? `${amount} deposit` : amount;
}

/**
 * The lines under a held booking: what to pay, by when, and what happens if not, e.g.
 * 'To book it, pay €50.00 by 07:15 (your time).' Empty when the hold has no end (not a hold).
 */
export function holdLines(view: AppointmentView, now: Date): string[] {
  const until = view.appointment.holdExpiresAt;
  if (until === null) return [];
  const by = holdClock(until, view.clientTimezone, now);
  const lines = [`To book it, pay ${amountWords(view)} by ${by} (your time).`];
  const { amountDue, price, currency } = view.appointment;
  if (amountDue < price) {
    lines.push(
      `The remaining ${formatPrice(UNTHREADED_EN, price - amountDue, currency)} is paid at the appointment.`,
    );
  }
  lines.push('Unpaid by then, the time is released and nothing is charged.');
  return lines;
}
