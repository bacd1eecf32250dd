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
import type { Translator } from '../../i18n/translator.ts';
import type { AppDeps } from '../app-deps.ts';
import { describeCalendarFailure } from '../calendar-failure.ts';
import { detectPageLanguage, pageTranslator } from '../page-language.ts';

/** A small page a person reads in their browser; the text is ours, never echoed input. */
function page(
  c: Context,
  t: Translator,
  status: 200 | 400 | 403 | 404 | 409 | 422 | 502 | 503,
  title: string,
  text: string,
) {
  const html = `<!doctype html><html lang="${t.lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title><body style="font-family:system-ui;max-width:32rem;margin:4rem auto;line-height:1.5"><h1>${title}</h1><p>${text}</p></body></html>`;
  return c.html(html, status, { vary: 'accept-language' });
}

/**
 * GET /oauth/<slug>/start and /callback for every OAuth kind, in the browser's language (?lang=
 * or Accept-Language, else the default). Without calendar deps both answer 503.
 */
export function registerOAuthRoutes(app: OpenAPIHono, deps: AppDeps): void {
  const fallback = deps.defaultLanguage ?? 'en';
  for (const kind of OAUTH_CALENDAR_KINDS) {
    app.use(`${oauthPath(kind)}/*`, detectPageLanguage(fallback));
    app.get(`${oauthPath(kind)}/start`, (c) => {
      const t = pageTranslator(c, fallback);
      const cal = deps.calendars;
      if (!cal) return page(c, t, 503, t.t('pages.notAvailable'), t.t('pages.syncOff'));
      const result = consentUrl(cal, kind, c.req.query('state') ?? '');
      if (!result.ok) {
        const { status } = describeCalendarFailure(result);
        const title = t.t('pages.cannotConnect');
        return page(
          c,
          t,
          status === 503 ? 503 : status,
          title,
          t.t(`pages.failure.${result.code}`),
        );
      }
      return c.redirect(result.value.url, 302);
    });
    app.get(`${oauthPath(kind)}/callback`, (c) =>
      callback(c, pageTranslator(c, fallback), deps.calendars ?? null, kind),
    );
  }
}

async function callback(
  c: Context,
  t: Translator,
  cal: CalendarConnectDeps | null,
  kind: OAuthCalendarKind,
) {
  const calendar = CALENDAR_KIND_INFO[kind].name;
  if (!cal) return page(c, t, 503, t.t('pages.notAvailable'), t.t('pages.syncOff'));
  const notConnected = t.t('pages.notConnected');
  try {
    const result = await finishCalendarConnect(cal, kind, {
      state: c.req.query('state') ?? '',
      code: c.req.query('code') ?? null,
      error: c.req.query('error') ?? null,
    });
    if (!result.ok) {
      const { status } = describeCalendarFailure(result);
      return page(c, t, status, notConnected, t.t(`pages.failure.${result.code}`));
    }
    const title = t.t('pages.connected', { calendar });
    return page(c, t, 200, title, t.t('pages.connectedText'));
  } catch (error) {
    const refused = error instanceof CalendarAuthError;
    cal.logger.warn(
      { kind, error: error instanceof Error ? error.name : 'unknown' },
      'calendar connect failed',
    );
    return refused
      ? page(c, t, 403, notConnected, t.t('pages.refused', { calendar }))
      : page(c, t, 502, notConnected, t.t('pages.unreachable', { calendar }));
  }
}
