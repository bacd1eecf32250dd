// GET /payments/return: the page Stripe's checkout sends the client back to; shows no data.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Language } from '../../i18n/languages.ts';
import { detectPageLanguage, pageTranslator } from '../page-language.ts';

const PAYMENT_RETURN_PATH = '/payments/return';

/**
 * A plain HTML page for ?result=paid or ?result=cancelled (anything else reads as cancelled, which
 * only ever tells the client to go back to the chat), in the browser's language (?lang= or
 * Accept-Language; `fallback` otherwise). Public and read-only: it reads no data and carries no
 * ids, so it cannot leak anything; the webhook, not this page, records the payment.
 */
export function registerPaymentReturnRoute(app: OpenAPIHono, fallback: Language): void {
  app.use(PAYMENT_RETURN_PATH, detectPageLanguage(fallback));
  app.get(PAYMENT_RETURN_PATH, (c) => {
    const t = pageTranslator(c, fallback);
    const text = t.t(c.req.query('result') === 'paid' ? 'pages.paid' : 'pages.cancelled');
    const html = `<!doctype html><html lang="${t.lang}"><head><meta charset="utf-8"><title>Slotline</title></head><body><p>${text}</p></body></html>`;
    return c.html(html, 200, { 'cache-control': 'no-store', vary: 'accept-language' });
  });
}
