// Invoice amounts on Telegram: stored minor units to Telegram's units and back, exactly or not at all.
import { describe, expect, it } from 'vitest';
import { fromTelegramAmount, toTelegramAmount } from '../../src/payments/telegram-amounts.ts';

describe('toTelegramAmount and fromTelegramAmount', () => {
  it.each([
    // [stored minor units, currency, Telegram amount]
    [5000, 'EUR', 5000], // €50.00: cents on both sides
    [1, 'USD', 1],
    [500, 'JPY', 500], // ¥500: zero-decimal on both sides
    [15_000, 'KRW', 15_000],
    [10_500, 'KWD', 10_500], // 10.500 KWD: three decimals, a whole number of hundredths
    [1230, 'BHD', 1230],
    [5000, 'HUF', 500_000], // whole forints here, fillér at Telegram and Stripe
    [500, 'ISK', 50_000],
  ])('%i %s ↔ %i', (stored, currency, telegram) => {
    expect(toTelegramAmount(stored, currency)).toBe(telegram);
    expect(fromTelegramAmount(telegram, currency)).toBe(stored);
  });

  it.each([
    [1999, 'EUR'],
    [7, 'JPY'],
    [12_340, 'KWD'],
    [1, 'HUF'],
    [99_999, 'HUF'],
    [250, 'ISK'],
  ])('round trip: %i %s comes back as itself', (stored, currency) => {
    const telegram = toTelegramAmount(stored, currency);
    expect(telegram).not.toBeNull();
    expect(fromTelegramAmount(telegram ?? 0, currency)).toBe(stored);
  });

  it.each([
    [1005, 'KWD', 'three decimals not ending in 0: Stripe cannot charge it'],
    [0, 'EUR', 'nothing to pay'],
    [-500, 'EUR', 'negative'],
    [10.5, 'EUR', 'not whole minor units'],
    [5000, 'XYZ', 'no such currency'],
    [5000, 'eur', 'stored codes are upper case'],
    [100_000_000, 'EUR', 'more than eight digits'],
    [1_000_000, 'HUF', 'eight digits only after scaling up'],
  ])('refuses to invoice %i %s (%s)', (stored, currency) => {
    expect(toTelegramAmount(stored, currency)).toBeNull();
  });

  it.each([
    [150, 'HUF', 'fillér that make no whole forint'],
    [99, 'ISK', 'ISK is charged in whole krónur'],
    [0, 'EUR', 'nothing paid'],
    [-5000, 'EUR', 'negative'],
    [50.5, 'EUR', 'not whole units'],
    [Number.MAX_SAFE_INTEGER + 1, 'EUR', 'beyond safe integers'],
    [5000, 'XYZ', 'no such currency'],
  ])('refuses to read a paid total of %s %s (%s)', (total, currency) => {
    expect(fromTelegramAmount(total, currency)).toBeNull();
  });
});
