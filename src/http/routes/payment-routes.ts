// Payment routes: an unpaid hold's checkout link, and an appointment's payments and refunds.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { listPayments } from '../../payments/list-payments.ts';
import { startCheckout } from '../../payments/start-checkout.ts';
import type { AppDeps } from '../app-deps.ts';
import { errorJson } from '../error-json.ts';
import { sendFailure } from '../failure-response.ts';
import { IdParam } from '../input/common-input.ts';
import {
  AppointmentMoneyJson,
  PaymentLinkJson,
  toAppointmentMoneyJson,
  toPaymentLinkJson,
} from '../json/payment-json.ts';
import { errorResponses, jsonResponse } from '../openapi-responses.ts';

const tags = ['Payments'];

const checkout = createRoute({
  method: 'post',
  path: '/api/appointments/{id}/checkout',
  tags,
  summary: "An unpaid hold's Stripe Checkout link (the same one every time)",
  description:
    '409 NOT_AWAITING_PAYMENT when the appointment is not an unpaid hold (paid, released, free); ' +
    '422 AMOUNT_NOT_CHARGEABLE when Stripe will not take the amount; 503 PAYMENT_UNAVAILABLE ' +
    'when Stripe stays down (try again); 404 with details.entity "route" when payments are off.',
  request: { params: IdParam },
  responses: {
    200: jsonResponse(PaymentLinkJson, 'The link, the amount due and the end of the hold'),
    ...errorResponses(404, 409, 422, 503),
  },
});

const money = createRoute({
  method: 'get',
  path: '/api/appointments/{id}/payments',
  tags,
  summary: 'The payments and refunds of an appointment',
  request: { params: IdParam },
  responses: {
    200: jsonResponse(AppointmentMoneyJson, 'Payments and refunds, oldest first'),
    ...errorResponses(404),
  },
});

export function registerPaymentRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(checkout, async (c) => {
    const payments = deps.payments;
    // Off is how this server is set up, not a passing fault: nothing to retry, so no 5xx.
    if (!payments) {
      return c.json(errorJson('NOT_FOUND', 'payments are off', { entity: 'route' }), 404);
    }
    const started = await startCheckout(deps.db, payments, c.req.valid('param').id, deps.clock());
    if (started.ok) return c.json(toPaymentLinkJson(started.value), 200);
    return checkoutFailure(c, started);
  });

  app.openapi(money, async (c) => {
    const result = await listPayments(deps.db, c.req.valid('param').id);
    return result.ok ? c.json(toAppointmentMoneyJson(result.value), 200) : sendFailure(c, result);
  });
}

type CheckoutRefusal = Exclude<Awaited<ReturnType<typeof startCheckout>>, { ok: true }>;

function checkoutFailure(c: Context, failure: CheckoutRefusal) {
  switch (failure.code) {
    case 'NOT_FOUND':
      return sendFailure(c, failure);
    case 'NOT_AWAITING_PAYMENT':
      return c.json(
        errorJson(failure.code, `a ${failure.status} appointment has nothing to pay`, {
          status: failure.status,
        }),
        409,
      );
    case 'AMOUNT_NOT_CHARGEABLE':
      return c.json(errorJson(failure.code, failure.reason), 422);
    case 'PAYMENT_UNAVAILABLE':
      return c.json(errorJson(failure.code, 'Stripe cannot be reached; try again shortly'), 503);
  }
}
