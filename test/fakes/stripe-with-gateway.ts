// The Stripe fake with the real gateway on it, as most payment tests start them: one place, not a copy per file.
import type { PaymentDeps } from '../../src/payments/payment-deps.ts';
import { createStripeGateway } from '../../src/payments/stripe-gateway.ts';
import type { PaymentGateway } from '../../src/ports/payment-gateway.ts';
import { type FakeStripe, startFakeStripe } from './stripe-api.ts';

const QUIET = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * Starts the fake on `now` with these keys and the real gateway against it (2 s timeout, one
 * SDK retry), and PaymentDeps with a 15-minute hold and no Telegram invoices.
 */
export async function startStripeWithGateway(options: {
  readonly secretKey: string;
  readonly webhookSecret: string;
  readonly now: () => Date;
}): Promise<{ fake: FakeStripe; gateway: PaymentGateway; payments: PaymentDeps }> {
  const fake = await startFakeStripe(options);
  const gateway = createStripeGateway({
    secretKey: options.secretKey,
    webhookSecret: options.webhookSecret,
    apiBase: fake.apiBase,
    timeoutMs: 2_000,
    maxNetworkRetries: 1,
    logger: QUIET,
  });
  const payments: PaymentDeps = {
    gateway,
    holdMinutes: 15,
    telegramProviderToken: undefined,
    returnBaseUrl: 'http://127.0.0.1:9',
  };
  return { fake, gateway, payments };
}
