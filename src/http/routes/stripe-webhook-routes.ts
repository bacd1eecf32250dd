// POST /webhooks/stripe: the signature checked against the raw bytes before anything else is done.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { handlePaymentEvent } from '../../payments/handle-payment-event.ts';
import type { AppDeps } from '../app-deps.ts';
import { errorJson } from '../error-json.ts';

const STRIPE_WEBHOOK_PATH = '/webhooks/stripe';

/**
 * Stripe's webhook. Payments off: 404 NOT_FOUND (no endpoint to deliver to). A missing, forged,
 * altered or stale Stripe-Signature: 400 BAD_SIGNATURE with nothing read or written. A verified
 * event is acted on once (handlePaymentEvent) and answered 200, a redelivery too; the relay is
 * nudged after a change so the client hears at once. A database fault answers 500 (logged), so
 * Stripe delivers again later. Bodies over the app's 1 MB limit never get here.
 */
export function registerStripeWebhookRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.post(STRIPE_WEBHOOK_PATH, async (c) => {
    const payments = deps.payments;
    if (!payments) {
      return c.json(errorJson('NOT_FOUND', 'payments are off', { entity: 'route' }), 404);
    }
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const verified = payments.gateway.verifyWebhook(
      raw,
      c.req.header('stripe-signature'),
      deps.clock(),
    );
    if (!verified.ok) {
      return c.json(errorJson('BAD_SIGNATURE', 'the Stripe-Signature header does not match'), 400);
    }
    const outcome = await handlePaymentEvent(deps.db, verified.event, deps.clock());
    if (outcome === 'changed' && deps.relayChanges) void deps.relayChanges();
    return c.json({ received: true }, 200);
  });
}
