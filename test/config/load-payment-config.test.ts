// Payment settings: off without Stripe, defaults and bounds, and half-configured Stripe reported.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { loadPaymentConfig } from '../../src/config/load-payment-config.ts';

const stripe = { STRIPE_SECRET_KEY: 'sk_test_123', STRIPE_WEBHOOK_SECRET: 'whsec_abc' };

describe('loadPaymentConfig', () => {
  it.each([
    ['nothing set', {}],
    ['blank values', { STRIPE_SECRET_KEY: ' ', STRIPE_WEBHOOK_SECRET: '' }],
    ['only the tuning settings', { PAYMENT_HOLD_MINUTES: '30', STRIPE_API_BASE: 'http://x:1' }],
  ])('payments are off with %s', (_label, env) => {
    expect(loadPaymentConfig(env)).toEqual({ config: null, problems: [] });
  });

  it('gives the documented defaults once Stripe is configured', () => {
    expect(loadPaymentConfig(stripe)).toEqual({
      problems: [],
      config: {
        secretKey: 'sk_test_123',
        webhookSecret: 'whsec_abc',
        apiBase: 'https://api.stripe.com',
        holdMinutes: 15,
        timeoutMs: 20_000,
        telegramProviderToken: undefined,
      },
    });
  });

  it('reads every setting, trimming the API base', () => {
    const { config } = loadPaymentConfig({
      ...stripe,
      STRIPE_API_BASE: 'http://127.0.0.1:4242/',
      PAYMENT_HOLD_MINUTES: '20',
      PAYMENT_TIMEOUT_MS: '500',
      TELEGRAM_PAYMENT_PROVIDER_TOKEN: '284685063:TEST:abc',
    });
    expect(config).toEqual({
      secretKey: 'sk_test_123',
      webhookSecret: 'whsec_abc',
      apiBase: 'http://127.0.0.1:4242',
      holdMinutes: 20,
      timeoutMs: 500,
      telegramProviderToken: '284685063:TEST:abc',
    });
  });

  it('accepts a restricted key', () => {
    expect(loadPaymentConfig({ ...stripe, STRIPE_SECRET_KEY: 'rk_live_9' }).config?.secretKey).toBe(
      'rk_live_9',
    );
  });

  it.each([
    [{ STRIPE_SECRET_KEY: 'sk_test_1' }, 'STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET'],
    [{ STRIPE_WEBHOOK_SECRET: 'whsec_1' }, 'STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET'],
    [{ TELEGRAM_PAYMENT_PROVIDER_TOKEN: '1:TEST:x' }, 'TELEGRAM_PAYMENT_PROVIDER_TOKEN'],
    [{ ...stripe, STRIPE_SECRET_KEY: 'pk_test_1' }, 'STRIPE_SECRET_KEY'],
    [{ ...stripe, STRIPE_WEBHOOK_SECRET: 'secret' }, 'STRIPE_WEBHOOK_SECRET'],
    [{ ...stripe, STRIPE_API_BASE: 'ftp://stripe' }, 'STRIPE_API_BASE'],
    [{ ...stripe, PAYMENT_HOLD_MINUTES: '0' }, 'PAYMENT_HOLD_MINUTES'],
    [{ ...stripe, PAYMENT_HOLD_MINUTES: '1441' }, 'PAYMENT_HOLD_MINUTES'],
    [{ ...stripe, PAYMENT_HOLD_MINUTES: '2.5' }, 'PAYMENT_HOLD_MINUTES'],
    [{ ...stripe, PAYMENT_TIMEOUT_MS: '99' }, 'PAYMENT_TIMEOUT_MS'],
    [{ ...stripe, PAYMENT_TIMEOUT_MS: '120001' }, 'PAYMENT_TIMEOUT_MS'],
  ])('reports %o as a problem naming %s, with payments off', (env, name) => {
    const { config, problems } = loadPaymentConfig(env);
    expect(config).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
  });

  it('never puts a secret into a problem', () => {
    const { problems } = loadPaymentConfig({ STRIPE_SECRET_KEY: 'sk_test_SECRETVALUE' });
    expect(problems.join(' ')).not.toContain('SECRETVALUE');
  });
});

describe('loadConfig with payments', () => {
  it('carries the payment config, and stops on a half-configured Stripe', () => {
    expect(loadConfig(stripe).payments?.webhookSecret).toBe('whsec_abc');
    expect(loadConfig({}).payments).toBeUndefined();
    expect(() => loadConfig({ STRIPE_SECRET_KEY: 'sk_test_1' })).toThrow('STRIPE_WEBHOOK_SECRET');
  });
});
