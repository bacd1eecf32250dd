// GET /payments/return: the page Stripe's checkout sends the client back to; shows no data.
import type { OpenAPIHono } from '@hono/zod-openapi';

const PAYMENT_RETURN_PATH = '/payments/return';

const PAGES = {
  paid: 'Payment received — you can go back to your chat. Your booking is confirmed there in a moment.',
  cancelled:
    'Payment cancelled — nothing was charged. Go back to your chat to pay with the same link before the hold ends, or to release the time.',
} as const;

/**
 * A plain HTML page for ?result=paid or ?result=cancelled (anything else reads as cancelled, which
 * only ever tells the client to go back to the chat). Public and read-only: it reads no data and
 * carries no ids, so it cannot leak anything; the webhook, not this page, records the payment.
 */
export function registerPaymentReturnRoute(app: OpenAPIHono): void {
  app.get(PAYMENT_RETURN_PATH, (c) => {
    const text = c.req.query('result') === 'paid' ? PAGES.paid : PAGES.cancelled;
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Slotline</title></head><body><p>${text}</p></body></html>`;
    return c.html(html, 200, { 'cache-control': 'no-store' });
  });
}
