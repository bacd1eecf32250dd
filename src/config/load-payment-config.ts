// Payment settings: Stripe is on only when its secret key and webhook secret are both set.
import { z } from 'zod';
import { envText as text, envUrl as url } from './env-fields.ts';

const DEFAULT_API_BASE = 'https://api.stripe.com';
const DEFAULT_HOLD_MINUTES = 15;
const DEFAULT_TIMEOUT_MS = 20_000;

const paymentEnvSchema = z.object({
  STRIPE_SECRET_KEY: text.pipe(
    z
      .string()
      .regex(/^(sk|rk)_\S+$/, 'must be a Stripe secret or restricted key (sk_… or rk_…)')
      .optional(),
  ),
  STRIPE_WEBHOOK_SECRET: text.pipe(
    z
      .string()
      .regex(/^whsec_\S+$/, 'must be a webhook signing secret (whsec_…)')
      .optional(),
  ),
  STRIPE_API_BASE: url,
  // Stripe keeps a Checkout Session open for 24 hours at most, so a hold cannot outlast that.
  PAYMENT_HOLD_MINUTES: z.coerce.number().int().min(1).max(1440).default(DEFAULT_HOLD_MINUTES),
  PAYMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(DEFAULT_TIMEOUT_MS),
  TELEGRAM_PAYMENT_PROVIDER_TOKEN: text,
});

export type PaymentConfig = {
  readonly secretKey: string;
  readonly webhookSecret: string;
  /** Stripe's API origin, https://api.stripe.com unless a test fake stands in; no trailing slash. */
  readonly apiBase: string;
  /** How long a booking waits unpaid before its slot is released. */
  readonly holdMinutes: number;
  /** Per HTTP request to Stripe, connecting included; the SDK retries within its own budget. */
  readonly timeoutMs: number;
  /** Telegram's token for native invoices paid through Stripe; undefined: no Telegram invoices. */
  readonly telegramProviderToken: string | undefined;
};

/**
 * Parses the payment settings, returning problems next to the config so loadConfig reports every
 * bad variable at once. `config` is null (payments off, everything works as without them) when
 * STRIPE_SECRET_KEY is unset. A secret key without the webhook secret (or the reverse) is a
 * problem, and so is a Telegram provider token without Stripe, whose API refunds those payments.
 */
export function loadPaymentConfig(env: Record<string, string | undefined>): {
  config: PaymentConfig | null;
  problems: string[];
} {
  const parsed = paymentEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    return { config: null, problems };
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (Boolean(e.STRIPE_SECRET_KEY) !== Boolean(e.STRIPE_WEBHOOK_SECRET)) {
    problems.push('STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET: set both or neither');
  }
  if (e.TELEGRAM_PAYMENT_PROVIDER_TOKEN && !e.STRIPE_SECRET_KEY) {
    problems.push(
      'TELEGRAM_PAYMENT_PROVIDER_TOKEN: needs STRIPE_SECRET_KEY, whose API refunds those payments',
    );
  }
  if (!e.STRIPE_SECRET_KEY || !e.STRIPE_WEBHOOK_SECRET) return { config: null, problems };
  return {
    problems,
    config: {
      secretKey: e.STRIPE_SECRET_KEY,
      webhookSecret: e.STRIPE_WEBHOOK_SECRET,
      apiBase: (e.STRIPE_API_BASE ?? DEFAULT_API_BASE).replace(/\/+$/, ''),
      holdMinutes: e.PAYMENT_HOLD_MINUTES,
      timeoutMs: e.PAYMENT_TIMEOUT_MS,
      telegramProviderToken: e.TELEGRAM_PAYMENT_PROVIDER_TOKEN,
    },
  };
}
