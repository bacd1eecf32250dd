// Appointment routes: book (idempotent), read one, and list with filters.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { bookAppointment } from '../../booking/book-appointment.ts';
import { getAppointment } from '../../catalog/get-appointment.ts';
import { listAppointments } from '../../catalog/list-appointments.ts';
import type { Appointment } from '../../domain/appointment.ts';
import { isUuid } from '../../domain/is-uuid.ts';
import { notFound } from '../../domain/outcome.ts';
import { startCheckout } from '../../payments/start-checkout.ts';
import type { AppDeps } from '../app-deps.ts';
import { sendFailure } from '../failure-response.ts';
import {
  AppointmentListQuery,
  BookAppointmentBody,
  IdempotencyHeaders,
} from '../input/appointment-input.ts';
import { IdParam } from '../input/common-input.ts';
import { toPageRequest } from '../input/paging-input.ts';
import { AppointmentJson, toAppointmentJson } from '../json/appointment-json.ts';
import { listJson, toListJson } from '../json/list-json.ts';
import {
  type PaymentLinkJson as PaymentLink,
  PaymentLinkJson,
  toPaymentLinkJson,
} from '../json/payment-json.ts';
import { errorResponses, jsonBody, jsonResponse } from '../openapi-responses.ts';

const tags = ['Appointments'];

/** The booking answer: the appointment and, for an unpaid hold, how to pay it. */
const BookedJson = AppointmentJson.extend({
  payment: PaymentLinkJson.nullable().openapi({
    description: 'Set for AWAITING_PAYMENT: pay at checkout_url before hold_expires_at',
  }),
}).openapi('BookedAppointment');

const book = createRoute({
  method: 'post',
  path: '/api/appointments',
  tags,
  summary: 'Book an appointment',
  description:
    'Succeeds only for a start GET .../slots offers. A replay of the same Idempotency-Key and request answers 200 with Idempotent-Replayed: true.',
  request: {
    headers: IdempotencyHeaders,
    body: jsonBody(BookAppointmentBody),
  },
  responses: {
    201: jsonResponse(
      BookedJson,
      'Booked (CONFIRMED, or PENDING when the service needs approval; AWAITING_PAYMENT with a payment link for a paid service)',
    ),
    200: jsonResponse(BookedJson, 'Replay of an earlier booking with the same key'),
    ...errorResponses(400, 403, 404, 409, 422),
  },
});

const read = createRoute({
  method: 'get',
  path: '/api/appointments/{id}',
  tags,
  summary: 'Get an appointment',
  request: { params: IdParam },
  responses: { 200: jsonResponse(AppointmentJson, 'The appointment'), ...errorResponses(404) },
});

const list = createRoute({
  method: 'get',
  path: '/api/appointments',
  tags,
  summary: 'List appointments by start time',
  request: { query: AppointmentListQuery },
  responses: {
    200: jsonResponse(listJson(AppointmentJson, 'AppointmentList'), 'One page of appointments'),
    ...errorResponses(400),
  },
});

export function registerAppointmentRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(book, async (c) => {
    const body = c.req.valid('json');
    // The booking core casts these ids in SQL; malformed ones must read as unknown.
    if (!isUuid(body.provider_id)) return sendFailure(c, notFound('provider'));
    if (!isUuid(body.service_id)) return sendFailure(c, notFound('service'));
    if (!isUuid(body.client_id)) return sendFailure(c, notFound('client'));
    const request = {
      providerId: body.provider_id,
      serviceId: body.service_id,
      clientId: body.client_id,
      startTime: new Date(body.start_time),
      notes: body.notes ?? null,
      idempotencyKey: c.req.valid('header')['idempotency-key'],
      actor: 'admin',
      paymentHoldMinutes: deps.payments?.holdMinutes ?? null,
    };
    const result = await bookAppointment(deps.db, request, deps.clock());
    if (!result.ok) return sendFailure(c, result);
    if (!result.value.replayed && deps.relayChanges) {
      void deps.relayChanges();
    }
    const json = {
      ...toAppointmentJson(result.value.appointment),
      payment: await paymentOf(deps, result.value.appointment),
    };
    return result.value.replayed
      ? c.json(json, 200, { 'Idempotent-Replayed': 'true' })
      : c.json(json, 201);
  });

  app.openapi(read, async (c) => {
    const result = await getAppointment(deps.db, c.req.valid('param').id);
    return result.ok ? c.json(toAppointmentJson(result.value), 200) : sendFailure(c, result);
  });

  app.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const filter = {
      providerId: q.provider_id ?? null,
      clientId: q.client_id ?? null,
      status: q.status ?? null,
      from: q.from === undefined ? null : new Date(q.from),
      to: q.to === undefined ? null : new Date(q.to),
    };
    const result = await listAppointments(deps.db, filter, toPageRequest(q));
    return result.ok
      ? c.json(toListJson(result.value, toAppointmentJson), 200)
      : sendFailure(c, result);
  });
}

/**
 * An unpaid hold's link; Stripe being down leaves checkout_url null (the hold stands, and POST
 * .../checkout tries again). Null for anything else.
 */
async function paymentOf(deps: AppDeps, a: Appointment): Promise<PaymentLink | null> {
  if (a.status !== 'AWAITING_PAYMENT' || a.holdExpiresAt === null || !deps.payments) return null;
  const started = await startCheckout(deps.db, deps.payments, a.id, deps.clock());
  if (started.ok) return toPaymentLinkJson(started.value);
  return {
    checkout_url: null,
    amount: a.amountDue,
    currency: a.currency,
    hold_expires_at: a.holdExpiresAt.toISOString(),
  };
}
