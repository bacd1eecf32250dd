// Amounts on Telegram invoices: Telegram counts a currency's minor units as Stripe does.
import { toStripeAmount } from './currency-units.ts';

/**
 * A probe price in Slotline's minor units: large enough to divide by any scale-down between
 * Slotline's and the processor's decimals (at most three places), small enough to stay under
 * the processor's ceiling after any scale-up (at most two places).
 */
const PROBE = 1000;

/**
 * A stored amount (Slotline minor units) as an invoice's `amount` in Telegram's units, whose
 * `exp` per currency (core.telegram.org/bots/payments/currencies.json) matches Stripe's decimals
 * for the currencies both accept. Null when it cannot be charged exactly (see toStripeAmount).
 */
export function toTelegramAmount(amount: number, currency: string): number | null {
  const converted = toStripeAmount(amount, currency);
  return converted.ok ? converted.amount.unitAmount : null;
}

/**
 * The inverse of toTelegramAmount: a paid total in Telegram's units back in Slotline's minor
 * units, exactly. Null for an unknown currency or a total that has no exact stored amount.
 */
export function fromTelegramAmount(total: number, currency: string): number | null {
  if (!Number.isSafeInteger(total) || total <= 0) return null;
  const probe = toStripeAmount(PROBE, currency);
  if (!probe.ok) return null;
  const unit = probe.amount.unitAmount;
  if (unit >= PROBE) {
    const factor = unit / PROBE;
    return total % factor === 0 ? total / factor : null;
  }
  const result = total * (PROBE / unit);
  return Number.isSafeInteger(result) ? result : null;
}
