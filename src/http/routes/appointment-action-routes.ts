// Appointment status changes: approve, decline, cancel, complete, no-show and reschedule.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { approveAppointment } from '../../booking/approve-appointment.ts';
import { cancelAppointment } from '../../booking/cancel-appointment.ts';
import { completeAppointment } from '../../booking/complete-appointment.ts';
import { declineAppointment } from '../../booking/decline-appointment.ts';
import { markNoShow } from '../../booking/mark-no-show.ts';
import { rescheduleAppointment } from '../../booking/reschedule-appointment.ts';
import type { Appointment } from '../../domain/appointment.ts';
import { isUuid } from '../../domain/is-uuid.ts';
import type { Failure, Ok } from '../../domain/outcome.ts';
import { notFound } from '../../domain/outcome.ts';
import type { AppDeps } from '../app-deps.ts';
import { emptyJsonBody } from '../empty-json-body.ts';
import { sendFailure } from '../failure-response.ts';
import { CancelBody, DeclineBody, RescheduleBody } from '../input/appointment-input.ts';
import { IdParam } from '../input/common-input.ts';
import { AppointmentJson, toAppointmentJson } from '../json/appointment-json.ts';
import { errorResponses, jsonBody, jsonResponse, optionalJsonBody } from '../openapi-responses.ts';

const ACTOR = 'admin';
const tags = ['Appointments'];
const changed = jsonResponse(AppointmentJson, 'The appointment after the change');

function actionRoute<const P extends string>(path: P, summary: string) {
  return createRoute({
    method: 'post',
    path,
    tags,
    summary,
    request: { params: IdParam },
    responses: { 200: changed, ...errorResponses(404, 409) },
  });
}

const approve = actionRoute('/api/appointments/{id}/approve', 'Approve a PENDING request');
const complete = actionRoute(
  '/api/appointments/{id}/complete',
  'Mark as taken place (after start)',
);
const noShow = actionRoute(
  '/api/appointments/{id}/no-show',
  'Mark the client absent (after start)',
);

const decline = createRoute({
  method: 'post',
  path: '/api/appointments/{id}/decline',
  tags,
  summary: 'Decline a PENDING request; the body may be empty',
  middleware: [emptyJsonBody] as const,
  request: { params: IdParam, body: optionalJsonBody(DeclineBody) },
  responses: { 200: changed, ...errorResponses(400, 404, 409) },
});

const cancel = createRoute({
  method: 'post',
  path: '/api/appointments/{id}/cancel',
  tags,
  summary: 'Cancel; refund_status follows the service cancellation_hours',
  request: { params: IdParam, body: jsonBody(CancelBody) },
  responses: { 200: changed, ...errorResponses(400, 404, 409) },
});

const reschedule = createRoute({
  method: 'post',
  path: '/api/appointments/{id}/reschedule',
  tags,
  summary: 'Move to another bookable start, keeping the status',
  request: { params: IdParam, body: jsonBody(RescheduleBody) },
  responses: { 200: changed, ...errorResponses(400, 403, 404, 409, 422) },
});

/**
 * 200 with the changed appointment, or the failure; a malformed id is an unknown appointment.
 * After a change the relay is nudged without waiting; the notices go out in the background.
 */
async function respond<F extends Failure>(
  c: Context,
  deps: AppDeps,
  id: string,
  run: (appointmentId: string) => Promise<Ok<Appointment> | F>,
) {
  if (!isUuid(id)) return sendFailure(c, notFound('appointment'));
  const result = await run(id);
  if (!result.ok) return sendFailure(c, result);
  if (deps.relayChanges) void deps.relayChanges();
  return c.json(toAppointmentJson(result.value), 200);
}

/** Registers approve, complete, no-show, decline, cancel and reschedule. */
export function registerAppointmentActionRoutes(app: OpenAPIHono, deps: AppDeps): void {
  registerDecisionRoutes(app, deps);
  registerChangeRoutes(app, deps);
}

/** The provider's decisions on a request or a past appointment. */
function registerDecisionRoutes(app: OpenAPIHono, deps: AppDeps): void {
  const { db, clock } = deps;
  app.openapi(approve, (c) =>
    respond(c, deps, c.req.valid('param').id, (appointmentId) =>
      approveAppointment(db, { appointmentId, actor: ACTOR }, clock()),
    ),
  );
  app.openapi(complete, (c) =>
    respond(c, deps, c.req.valid('param').id, (appointmentId) =>
      completeAppointment(db, { appointmentId, actor: ACTOR }, clock()),
    ),
  );
  app.openapi(noShow, (c) =>
    respond(c, deps, c.req.valid('param').id, (appointmentId) =>
      markNoShow(db, { appointmentId, actor: ACTOR, lockoutDays: deps.noShowLockoutDays }, clock()),
    ),
  );
  app.openapi(decline, (c) => {
    const reason = c.req.valid('json').reason ?? null;
    return respond(c, deps, c.req.valid('param').id, (appointmentId) =>
      declineAppointment(db, { appointmentId, actor: ACTOR, reason }, clock()),
    );
  });
}

/** Changes either party may ask for: cancel and reschedule. */
function registerChangeRoutes(app: OpenAPIHono, deps: AppDeps): void {
  const { db, clock } = deps;
  app.openapi(cancel, (c) => {
    const body = c.req.valid('json');
    const by = body.by === 'client' ? 'CLIENT' : 'PROVIDER';
    const input = { by, actor: ACTOR, reason: body.reason ?? null } as const;
    return respond(c, deps, c.req.valid('param').id, (appointmentId) =>
      cancelAppointment(db, { ...input, appointmentId }, clock()),
    );
  });
  app.openapi(reschedule, async (c) => {
    const newStart = new Date(c.req.valid('json').start_time);
    return respond(c, deps, c.req.valid('param').id, (appointmentId) =>
      rescheduleAppointment(db, { appointmentId, newStart, actor: ACTOR }, clock()),
    );
  });
}
