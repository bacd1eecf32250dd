// Exact conversion of a stored price (Slotline's minor units) into the integer amount Stripe expects.

/**
 * Stripe's zero-decimal currencies (docs.stripe.com/currencies#zero-decimal): the amount is in
 * whole units, so ¥500 is sent as 500.
 */
const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'JPY',
  'KMF',
  'KRW',
  'MGA',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);

/**
 * Stripe's three-decimal currencies (docs.stripe.com/currencies#three-decimal): sent in
 * thousandths, and Stripe only accepts amounts whose last digit is 0 (whole hundredths).
 */
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

/** Stripe's documented ceiling: at most eight digits in the currency's Stripe minor units. */
const MAX_STRIPE_AMOUNT = 99_999_999;

/** An amount ready for Stripe: integer minor units as Stripe counts them, lowercase ISO code. */
export type StripeAmount = { readonly unitAmount: number; readonly currency: string };

export type AmountRefusal = {
  readonly ok: false;
  readonly code: 'BAD_CURRENCY' | 'BAD_AMOUNT' | 'NOT_REPRESENTABLE' | 'TOO_LARGE';
  readonly reason: string;
};

/** How many decimals Stripe counts for `currency` (an upper-case ISO 4217 code): 0, 2 or 3. */
function stripeDecimals(currency: string): 0 | 2 | 3 {
  if (ZERO_DECIMAL.has(currency)) return 0;
  if (THREE_DECIMAL.has(currency)) return 3;
  return 2;
}

/**
 * How many decimals a stored price has: the currency's own digits (CLDR, through Intl), the same
 * ones formatPrice shows the client, so what a client reads is what Stripe charges. Undefined for
 * a code Intl does not know as a currency.
 */
function storedDecimals(currency: string): number | undefined {
  if (!/^[A-Z]{3}$/.test(currency) || !Intl.supportedValuesOf('currency').includes(currency)) {
    return undefined;
  }
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  return format.resolvedOptions().maximumFractionDigits;
}

/**
 * Converts a stored price (`price` integer minor units of `currency`, as services.price holds it)
 * into Stripe's minor units with integer arithmetic only: scaled up by a power of ten when Stripe
 * counts more decimals (HUF, ISK, IDR are whole units here and two-decimal at Stripe), and scaled
 * down only when nothing is lost. Refuses, never rounds: an unknown currency (BAD_CURRENCY), a
 * price that is not a positive safe integer (BAD_AMOUNT), one Stripe cannot take exactly, such as
 * a three-decimal amount not ending in 0 (NOT_REPRESENTABLE), or more than eight digits (TOO_LARGE).
 */
export function toStripeAmount(
  price: number,
  currency: string,
): { readonly ok: true; readonly amount: StripeAmount } | AmountRefusal {
  const code = currency.trim();
  const stored = storedDecimals(code);
  if (stored === undefined) {
    return { ok: false, code: 'BAD_CURRENCY', reason: `${currency} is not an ISO 4217 currency` };
  }
  if (!Number.isSafeInteger(price) || price <= 0) {
    return { ok: false, code: 'BAD_AMOUNT', reason: 'a price must be a positive whole number' };
  }
  const scaled = rescale(price, stored, stripeDecimals(code));
  if (scaled === undefined || (THREE_DECIMAL.has(code) && scaled % 10 !== 0)) {
    return {
      ok: false,
      code: 'NOT_REPRESENTABLE',
      reason: `${price} minor units of ${code} cannot be charged exactly`,
    };
  }
  if (scaled > MAX_STRIPE_AMOUNT) {
    return { ok: false, code: 'TOO_LARGE', reason: `more than Stripe accepts in ${code}` };
  }
  return { ok: true, amount: { unitAmount: scaled, currency: code.toLowerCase() } };
}

/** `value` moved from `from` to `to` decimals; undefined when digits would be lost or unsafe. */
function rescale(value: number, from: number, to: number): number | undefined {
  if (to >= from) {
    const result = value * 10 ** (to - from);
    return Number.isSafeInteger(result) ? result : undefined;
  }
  const divisor = 10 ** (from - to);
  return value % divisor === 0 ? value / divisor : undefined;
}
