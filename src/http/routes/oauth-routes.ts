// The browser side of connecting an OAuth calendar kind: our start page, then the service's callback.

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { CalendarAuthError } from '../../calendars/calendar-client.ts';
import type { CalendarConnectDeps } from '../../calendars/calendar-connect-deps.ts';
import { oauthPath } from '../../calendars/calendar-paths.ts';
import { finishCalendarConnect } from '../../calendars/finish-calendar-connect.ts';
import { consentUrl } from '../../calendars/start-calendar-connect.ts';
import {
  CALENDAR_KIND_INFO,
  OAUTH_CALENDAR_KINDS,
  type OAuthCalendarKind,
} from '../../domain/calendar-kinds.ts';
import type { AppDeps } from '../app-deps.ts';
import { describeCalendarFailure } from '../calendar-failure.ts';

/** A small page a person reads in their browser; the text is ours, never echoed input. */
function page(
  c: Context,
  status: 200 | 400 | 403 | 404 | 409 | 422 | 502 | 503,
  title: string,
  text: string,
) {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title><body style="font-family:system-ui;max-width:32rem;margin:4rem auto;line-height:1.5"><h1>${title}</h1><p>${text}</p></body></html>`;
  return c.html(html, status);
}

/** GET /oauth/<slug>/start and /callback for every OAuth kind. Without calendar deps both answer 503. */
export function registerOAuthRoutes(app: OpenAPIHono, deps: AppDeps): void {
  for (const kind of OAUTH_CALENDAR_KINDS) {
    app.get(`${oauthPath(kind)}/start`, (c) => {
      const cal = deps.calendars;
      if (!cal)
        return page(c, 503, 'Not available', 'Calendar sync is not running on this server.');
      const result = consentUrl(cal, kind, c.req.query('state') ?? '');
      if (!result.ok) {
        const { status, message } = describeCalendarFailure(result);
        return page(c, status === 503 ? 503 : status, 'Cannot connect', `${capitalise(message)}.`);
      }
      return c.redirect(result.value.url, 302);
    });
    app.get(`${oauthPath(kind)}/callback`, (c) => callback(c, deps.calendars ?? null, kind));
  }
}

async function callback(c: Context, cal: CalendarConnectDeps | null, kind: OAuthCalendarKind) {
  const { name } = CALENDAR_KIND_INFO[kind];
  if (!cal) return page(c, 503, 'Not available', 'Calendar sync is not running on this server.');
  try {
    const result = await finishCalendarConnect(cal, kind, {
      state: c.req.query('state') ?? '',
      code: c.req.query('code') ?? null,
      error: c.req.query('error') ?? null,
    });
    if (!result.ok) {
      const { status, message } = describeCalendarFailure(result);
      return page(c, status, 'Not connected', `${capitalise(message)}.`);
    }
    return page(
      c,
      200,
      `${name} connected`,
      'Your bookings will appear in your calendar, and busy times there will block bookings within seconds. You can close this tab.',
    );
  } catch (error) {
    const refused = error instanceof CalendarAuthError;
    cal.logger.warn(
      { kind, error: error instanceof Error ? error.name : 'unknown' },
      'calendar connect failed',
    );
    return refused
      ? page(
          c,
          403,
          'Not connected',
          `${name} refused the connection. Please ask for a new link and try again.`,
        )
      : page(
          c,
          502,
          'Not connected',
          `${name} could not be reached. Please try the link again in a minute.`,
        );
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
