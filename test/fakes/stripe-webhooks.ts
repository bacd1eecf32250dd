// Webhook signing and delivery as Stripe does it: Stripe-Signature t=…,v1=HMAC-SHA256("t.body").
import { createHmac } from 'node:crypto';

/** The Stripe-Signature header for `payload` signed at `timestamp` (Unix seconds) with `secret`. */
export function signStripePayload(secret: string, payload: string, timestamp: number): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

/** A delivery attempt and how the endpoint answered (0: it could not be reached). */
export type WebhookDelivery = {
  readonly eventId: string;
  readonly type: string;
  readonly status: number;
};

/**
 * POSTs `event` to `url` as Stripe does: pretty-printed JSON, signed at `timestamp`. Resolves to
 * the endpoint's status; a network failure or a 10 s silence is status 0 (Stripe would retry).
 */
export async function deliverWebhook(
  url: string,
  secret: string,
  event: { readonly id: string; readonly type: string },
  timestamp: number,
): Promise<WebhookDelivery> {
  const payload = JSON.stringify(event, null, 2);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'stripe-signature': signStripePayload(secret, payload, timestamp),
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      },
      body: payload,
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    return { eventId: event.id, type: event.type, status: response.status };
  } catch {
    return { eventId: event.id, type: event.type, status: 0 };
  }
}
