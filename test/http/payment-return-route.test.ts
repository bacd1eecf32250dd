// GET /payments/return: a public plain page after Stripe's checkout, with no data in it.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './app-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

describe('GET /payments/return', () => {
  it('tells a paying client to go back to the chat, without the admin token', async () => {
    const response = await h.app.request('/payments/return?result=paid');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('Payment received — you can go back to your chat');
  });

  it.each([['?result=cancelled'], ['?result=<script>'], ['']])(
    'answers %s as cancelled, echoing nothing',
    async (query) => {
      const response = await h.app.request(`/payments/return${query}`);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toContain('Payment cancelled');
      expect(text).not.toContain('<script>');
    },
  );
});

describe("GET /payments/return in the browser's language", () => {
  it.each([
    [{ 'accept-language': 'de-DE,de;q=0.9,en;q=0.8' }, '', 'de', 'Zahlung erhalten'],
    [{ 'accept-language': 'en-US,de;q=0.5' }, '', 'en', 'Payment received'],
    [{ 'accept-language': 'fr-FR, de;q=0.3' }, '', 'de', 'Zahlung erhalten'],
    [{ 'accept-language': 'ja' }, '', 'en', 'Payment received'],
    [{ 'accept-language': 'en' }, '&lang=de', 'de', 'Zahlung erhalten'],
    [{ 'accept-language': 'de' }, '&lang=xx', 'de', 'Zahlung erhalten'],
  ])('answers %o%s in %s', async (headers, query, lang, says) => {
    const response = await h.app.request(`/payments/return?result=paid${query}`, { headers });
    const text = await response.text();
    expect(text).toContain(`<html lang="${lang}">`);
    expect(text).toContain(says);
    expect(response.headers.get('vary')).toContain('accept-language');
  });
});
