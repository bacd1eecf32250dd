// Stored prices to Stripe amounts: exact scaling per currency, and refusals instead of rounding.
import { describe, expect, it } from 'vitest';
import { toStripeAmount } from '../../src/payments/currency-units.ts';

/** Stripe's documented ceiling: eight digits in Stripe's minor units. */
const MAX_STRIPE_AMOUNT = 99_999_999;

describe('toStripeAmount', () => {
  it.each([
    // [stored price, currency, Stripe unit_amount, Stripe currency]
    [5000, 'EUR', 5000, 'eur'], // €50.00: two decimals on both sides
    [1, 'USD', 1, 'usd'],
    [1999, 'GBP', 1999, 'gbp'],
    [500, 'JPY', 500, 'jpy'], // ¥500: zero-decimal on both sides
    [15_000, 'KRW', 15_000, 'krw'],
    [3000, 'XOF', 3000, 'xof'],
    [1234, 'CLP', 1234, 'clp'],
    [5000, 'HUF', 500_000, 'huf'], // whole forints here, two-decimal at Stripe
    [500, 'ISK', 50_000, 'isk'], // Stripe keeps ISK as two-decimal ending in 00
    [150_000, 'IDR', 15_000_000, 'idr'],
    [1230, 'BHD', 1230, 'bhd'], // 1.230 BHD: three decimals, last digit 0
    [10_500, 'KWD', 10_500, 'kwd'],
    [MAX_STRIPE_AMOUNT, 'EUR', MAX_STRIPE_AMOUNT, 'eur'],
    [5000, ' EUR', 5000, 'eur'], // char(3) padding trimmed
  ])('%i %s → %i %s', (price, currency, unitAmount, stripeCurrency) => {
    expect(toStripeAmount(price, currency)).toEqual({
      ok: true,
      amount: { unitAmount, currency: stripeCurrency },
    });
  });

  it.each([
    [5000, 'eur', 'BAD_CURRENCY'], // stored codes are upper case
    [5000, 'ABC', 'BAD_CURRENCY'],
    [5000, 'EURO', 'BAD_CURRENCY'],
    [0, 'EUR', 'BAD_AMOUNT'], // nothing to pay is not a payment
    [-100, 'EUR', 'BAD_AMOUNT'],
    [10.5, 'EUR', 'BAD_AMOUNT'],
    [0.1 + 0.2, 'EUR', 'BAD_AMOUNT'],
    [Number.NaN, 'EUR', 'BAD_AMOUNT'],
    [2 ** 53, 'EUR', 'BAD_AMOUNT'],
    [1234, 'BHD', 'NOT_REPRESENTABLE'], // 1.234 BHD: Stripe needs the last digit 0
    [1, 'OMR', 'NOT_REPRESENTABLE'],
    [12_345, 'LYD', 'NOT_REPRESENTABLE'], // three decimals stored, two at Stripe: a digit lost
    [5000, 'CLF', 'BAD_CURRENCY'], // a fund code, not a currency anyone pays in
    [MAX_STRIPE_AMOUNT + 1, 'EUR', 'TOO_LARGE'],
    [1_000_000, 'HUF', 'TOO_LARGE'], // 100,000,000 after scaling
  ])('%d %s is refused as %s', (price, currency, code) => {
    const result = toStripeAmount(price, currency);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe(code);
  });

  it('a three-decimal stored price that loses nothing is scaled down to two exactly', () => {
    expect(toStripeAmount(12_340, 'LYD')).toEqual({
      ok: true,
      amount: { unitAmount: 1234, currency: 'lyd' },
    });
  });
});

describe("Stripe's zero- and three-decimal lists", () => {
  const zeroDecimal = ['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF'];
  const moreZeroDecimal = ['UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF'];
  it.each([...zeroDecimal, ...moreZeroDecimal])('%s is sent in whole units', (currency) => {
    expect(toStripeAmount(1234, currency)).toEqual({
      ok: true,
      amount: { unitAmount: 1234, currency: currency.toLowerCase() },
    });
  });

  it.each(['BHD', 'JOD', 'KWD', 'OMR', 'TND'])(
    '%s is sent in thousandths ending in 0, anything finer refused',
    (currency) => {
      expect(toStripeAmount(1230, currency)).toMatchObject({
        ok: true,
        amount: { unitAmount: 1230 },
      });
      expect(toStripeAmount(1235, currency)).toMatchObject({
        ok: false,
        code: 'NOT_REPRESENTABLE',
      });
    },
  );

  it.each(['EUR', 'USD', 'GBP', 'CHF', 'TWD'])('%s is sent in hundredths as stored', (currency) => {
    expect(toStripeAmount(1234, currency)).toMatchObject({
      ok: true,
      amount: { unitAmount: 1234 },
    });
  });
});
