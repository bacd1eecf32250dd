// Push notifications from each push calendar kind: checked against the stored channel, answered at once.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  findChannelConnection,
  findChannelConnections,
} from '../../calendars/calendar-connections.ts';
import { calendarWebhookPath } from '../../calendars/calendar-paths.ts';
import { graphValidationToken } from '../../calendars/outlook/graph-notification.ts';
import { PUSH_CALENDAR_KINDS, type PushCalendarKind } from '../../domain/calendar-kinds.ts';
import type { AppDeps } from '../app-deps.ts';
import { errorJson } from '../error-json.ts';
import { MAX_GRAPH_NOTIFICATIONS, readGraphClaims } from '../input/graph-notification-input.ts';

type WebhookHandler = (c: Context, deps: AppDeps) => Promise<Response>;

/**
 * Google: the channel id and token headers must match a stored channel (anything else: 404,
 * nothing done); a match queues a sync and answers 200 at once.
 */
async function googleWebhook(c: Context, deps: AppDeps): Promise<Response> {
  const cal = deps.calendars;
  if (!cal) return c.json(errorJson('UNAVAILABLE', 'calendar sync is not running'), 503);
  const channelId = c.req.header('x-goog-channel-id') ?? '';
  const token = c.req.header('x-goog-channel-token') ?? '';
  const found = channelId && token ? await findChannelConnection(cal.db, channelId, token) : null;
  if (found?.kind !== 'GOOGLE') {
    return c.json(errorJson('NOT_FOUND', 'unknown channel', { entity: 'channel' }), 404);
  }
  // 'sync' only confirms the channel opened; everything else means the calendar changed.
  if (c.req.header('x-goog-resource-state') !== 'sync') await cal.requestSync(found.id);
  return c.body(null, 200);
}

/**
 * Microsoft Graph: answers the validation handshake with the token as plain text; otherwise each
 * connection a notification names with the right clientState gets one sync queued, and the answer
 * is 202 (unknown ones are ignored, so Graph does not retry forged posts). The work per POST is
 * bounded: more than MAX_GRAPH_NOTIFICATIONS entries are refused with 400 unread, and the rest cost
 * one lookup however many subscriptions they name.
 */
async function outlookWebhook(c: Context, deps: AppDeps): Promise<Response> {
  const validation = graphValidationToken(new URL(c.req.url));
  if (validation !== null) return c.text(validation, 200);
  const cal = deps.calendars;
  if (!cal) return c.json(errorJson('UNAVAILABLE', 'calendar sync is not running'), 503);
  const body: unknown = await c.req.json().catch(() => null);
  const read = readGraphClaims(body);
  if (!read.ok) {
    return c.json(
      errorJson('VALIDATION_ERROR', `more than ${MAX_GRAPH_NOTIFICATIONS} notifications`, {
        max: MAX_GRAPH_NOTIFICATIONS,
        count: read.count,
      }),
      400,
    );
  }
  for (const found of await findChannelConnections(cal.db, read.claims)) {
    if (found.kind === 'OUTLOOK') await cal.requestSync(found.id);
  }
  return c.body(null, 202);
}

/** One handler per push kind: a new push kind fails to compile until it has one. */
const WEBHOOKS: { readonly [K in PushCalendarKind]: WebhookHandler } = {
  GOOGLE: googleWebhook,
  OUTLOOK: outlookWebhook,
};

/**
 * POST /webhooks/<slug>/calendar for every push kind (see each handler). Bodies over the app's
 * body limit never reach them.
 */
export function registerCalendarWebhookRoutes(app: OpenAPIHono, deps: AppDeps): void {
  for (const kind of PUSH_CALENDAR_KINDS) {
    app.post(calendarWebhookPath(kind), (c) => WEBHOOKS[kind](c, deps));
  }
}
