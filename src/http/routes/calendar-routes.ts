// Admin routes for a provider's calendar: connect one of any kind, see it, pull it now, disconnect it.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { connectCalDavCalendar } from '../../calendars/caldav/connect-caldav-calendar.ts';
import { type CalendarConnectDeps, requestSyncNow } from '../../calendars/calendar-connect-deps.ts';
import { readProviderConnection } from '../../calendars/calendar-connections.ts';
import { connectAppleCalendar } from '../../calendars/connect-apple-calendar.ts';
import { disconnectCalendar } from '../../calendars/disconnect-calendar.ts';
import { startCalendarConnect } from '../../calendars/start-calendar-connect.ts';
import {
  CALENDAR_KIND_INFO,
  CALENDAR_KINDS,
  OAUTH_CALENDAR_KINDS,
  type OAuthCalendarKind,
} from '../../domain/calendar-kinds.ts';
import { isUuid } from '../../domain/is-uuid.ts';
import type { AppDeps } from '../app-deps.ts';
import { sendCalendarFailure } from '../calendar-failure.ts';
import { ErrorJson, errorJson } from '../error-json.ts';
import { AppleBody, CalDavBody } from '../input/calendar-input.ts';
import { IdParam } from '../input/common-input.ts';
import { errorResponses, jsonBody, jsonResponse } from '../openapi-responses.ts';

const tags = ['Calendars'];
const ConnectLink = z
  .object({ url: z.string().openapi({ description: 'Send the provider here to connect' }) })
  .openapi('CalendarConnectLink');
const CalendarJson = z
  .object({
    kind: z.enum(CALENDAR_KINDS),
    status: z.enum(['ACTIVE', 'BROKEN']),
    account: z.string().nullable(),
    last_synced_at: z.string().nullable(),
    push_channel_expires_at: z.string().nullable(),
  })
  .openapi('Calendar');
const SyncQueued = z
  .object({ kind: z.enum(CALENDAR_KINDS), queued: z.literal(true) })
  .openapi('CalendarSyncQueued');

// Every calendar failure code's status, so each route may answer any of them.
const calendarErrors = {
  ...errorResponses(400, 403, 404, 409, 422, 503),
  502: jsonResponse(ErrorJson, 'CALENDAR_UNAVAILABLE: the server did not answer as CalDAV'),
};

const connectRoute = (kind: OAuthCalendarKind) =>
  createRoute({
    method: 'post',
    path: `/api/providers/{id}/calendar/${CALENDAR_KIND_INFO[kind].slug}/connect`,
    tags,
    summary: `A link that connects the provider's ${CALENDAR_KIND_INFO[kind].name}`,
    request: { params: IdParam },
    responses: {
      200: jsonResponse(ConnectLink, 'The link; it works once, for 15 minutes'),
      ...calendarErrors,
    },
  });
const apple = createRoute({
  method: 'post',
  path: `/api/providers/{id}/calendar/${CALENDAR_KIND_INFO.APPLE.slug}`,
  tags,
  summary: "Connect the provider's iCloud calendar with an app-specific password",
  request: {
    params: IdParam,
    body: jsonBody(AppleBody),
  },
  responses: {
    201: jsonResponse(CalendarJson, 'Connected'),
    ...calendarErrors,
  },
});
const caldav = createRoute({
  method: 'post',
  path: `/api/providers/{id}/calendar/${CALENDAR_KIND_INFO.CALDAV.slug}`,
  tags,
  summary: 'Connect any CalDAV server (Fastmail, Nextcloud, Radicale...) with a user and password',
  request: { params: IdParam, body: jsonBody(CalDavBody) },
  responses: { 201: jsonResponse(CalendarJson, 'Connected'), ...calendarErrors },
});
const syncNow = createRoute({
  method: 'post',
  path: '/api/providers/{id}/calendar/sync',
  tags,
  summary: "Pull the provider's calendar now instead of at the next sweep",
  request: { params: IdParam },
  responses: { 202: jsonResponse(SyncQueued, 'The pull is queued'), ...calendarErrors },
});
const show = createRoute({
  method: 'get',
  path: '/api/providers/{id}/calendar',
  tags,
  summary: "The provider's calendar connection",
  request: { params: IdParam },
  responses: { 200: jsonResponse(CalendarJson, 'The connection'), ...calendarErrors },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/providers/{id}/calendar',
  tags,
  summary: 'Disconnect: stop notifications, delete the tokens, lift the blocks its events made',
  request: { params: IdParam },
  responses: { 204: { description: 'Disconnected' }, ...calendarErrors },
});

function unavailable() {
  return errorJson('UNAVAILABLE', 'calendar sync is not running on this server');
}

/** Registers the routes; without calendar deps they answer 503 UNAVAILABLE. */
export function registerCalendarRoutes(app: OpenAPIHono, deps: AppDeps): void {
  const calendars = (): CalendarConnectDeps | null => deps.calendars ?? null;
  for (const kind of OAUTH_CALENDAR_KINDS) {
    app.openapi(connectRoute(kind), async (c) => {
      const cal = calendars();
      if (!cal) return c.json(unavailable(), 503);
      const providerId = c.req.valid('param').id;
      const result = await startCalendarConnect(cal, { providerId, kind });
      return result.ok ? c.json(result.value, 200) : sendCalendarFailure(c, result);
    });
  }
  app.openapi(apple, async (c) => {
    const cal = calendars();
    if (!cal) return c.json(unavailable(), 503);
    const providerId = c.req.valid('param').id;
    const body = c.req.valid('json');
    const result = await connectAppleCalendar(cal, {
      providerId,
      appleId: body.apple_id,
      appPassword: body.app_password,
    });
    if (!result.ok) return sendCalendarFailure(c, result);
    const json = await calendarJson(cal, providerId);
    return json ? c.json(json, 201) : sendCalendarFailure(c, { ok: false, code: 'NOT_CONNECTED' });
  });
  registerCalDavRoutes(app, calendars);
  app.openapi(show, async (c) => {
    const cal = calendars();
    if (!cal) return c.json(unavailable(), 503);
    const providerId = c.req.valid('param').id;
    const json = isUuid(providerId) ? await calendarJson(cal, providerId) : null;
    return json ? c.json(json, 200) : sendCalendarFailure(c, { ok: false, code: 'NOT_CONNECTED' });
  });
  app.openapi(remove, async (c) => {
    const cal = calendars();
    if (!cal) return c.json(unavailable(), 503);
    const providerId = c.req.valid('param').id;
    if (!isUuid(providerId)) return sendCalendarFailure(c, { ok: false, code: 'NOT_CONNECTED' });
    const result = await disconnectCalendar(cal, providerId);
    return result.ok ? c.body(null, 204) : sendCalendarFailure(c, result);
  });
}

/** Any CalDAV server's connect route, and the pull-now route every kind shares. */
function registerCalDavRoutes(app: OpenAPIHono, calendars: () => CalendarConnectDeps | null) {
  app.openapi(caldav, async (c) => {
    const cal = calendars();
    if (!cal) return c.json(unavailable(), 503);
    const providerId = c.req.valid('param').id;
    const body = c.req.valid('json');
    const result = await connectCalDavCalendar(cal, {
      providerId,
      serverUrl: body.server_url,
      username: body.username,
      password: body.password,
    });
    if (!result.ok) return sendCalendarFailure(c, result);
    const json = await calendarJson(cal, providerId);
    return json ? c.json(json, 201) : sendCalendarFailure(c, { ok: false, code: 'NOT_CONNECTED' });
  });
  app.openapi(syncNow, async (c) => {
    const cal = calendars();
    if (!cal) return c.json(unavailable(), 503);
    const providerId = c.req.valid('param').id;
    if (!isUuid(providerId)) return sendCalendarFailure(c, { ok: false, code: 'NOT_CONNECTED' });
    const result = await requestSyncNow(cal, providerId);
    if (!result.ok) return sendCalendarFailure(c, result);
    return c.json({ kind: result.value.kind, queued: true as const }, 202);
  });
}

async function calendarJson(deps: CalendarConnectDeps, providerId: string) {
  const connection = await readProviderConnection(deps.db, deps.key, providerId);
  if (!connection) return null;
  return {
    kind: connection.kind,
    status: connection.status,
    account: connection.accountName,
    last_synced_at: connection.lastSyncedAt?.toISOString() ?? null,
    push_channel_expires_at: connection.channel?.expiresAt.toISOString() ?? null,
  };
}
