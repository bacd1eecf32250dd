// The calendar services this deployment offers, and how to open a stored connection with them.

import type { Database } from '../db/database.ts';
import type { CalendarKind } from '../domain/calendar-kinds.ts';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';
import { connectAppleCalendar } from './apple/apple-calendar.ts';
import { CalendarAuthError, type SaveTokens } from './calendar-client.ts';
import { type CalendarConnection, saveConnectionTokens } from './calendar-connections.ts';
import type { OpenedCalendar } from './calendar-deps.ts';
import { createGoogleCalendar } from './google/google-calendar.ts';
import type { GoogleOAuthSettings } from './google/google-oauth.ts';
import { createOutlookCalendar } from './outlook/outlook-calendar.ts';

type GoogleService = { readonly oauth: GoogleOAuthSettings; readonly apiRoot: string };
type OutlookService = {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tenant: string;
  readonly loginUrl: string;
  readonly graphUrl: string;
  /** PUBLIC_URL/oauth/outlook/callback, registered with the app. */
  readonly redirectUri: string;
};

export type CalendarServices = {
  readonly google: GoogleService | null;
  readonly outlook: OutlookService | null;
  readonly appleCalDavUrl: string;
  /** Per HTTP request to any calendar or token endpoint (CALENDAR_TIMEOUT_MS). */
  readonly timeoutMs: number;
};

type OpenerDeps = {
  readonly db: Database;
  readonly key: Buffer;
  readonly services: CalendarServices;
  readonly clock: Clock;
  readonly logger: Logger;
};

/** Opens one kind's connection; a new kind fails to compile until it has an opener. */
type Opener = (
  o: OpenerDeps,
  connection: CalendarConnection,
  saveTokens: SaveTokens,
) => Promise<OpenedCalendar>;

const OPENERS: { readonly [K in CalendarKind]: Opener } = {
  GOOGLE: async (o, connection, saveTokens) => {
    const { google } = o.services;
    if (!google)
      throw new CalendarAuthError('Google Calendar is not configured (GOOGLE_CLIENT_ID)');
    return createGoogleCalendar({
      oauth: google.oauth,
      apiRoot: google.apiRoot,
      tokens: connection.tokens,
      saveTokens,
      timeoutMs: o.services.timeoutMs,
      onSaveError: (error) =>
        o.logger.error(
          { error: error instanceof Error ? error.name : 'unknown' },
          'refreshed Google tokens not saved',
        ),
    });
  },
  OUTLOOK: async (o, connection, saveTokens) => {
    const { outlook } = o.services;
    if (!outlook) throw new CalendarAuthError('Outlook is not configured (MS_CLIENT_ID)');
    return createOutlookCalendar({
      ...outlook,
      tokens: connection.tokens,
      saveTokens,
      now: o.clock,
      timeoutMs: o.services.timeoutMs,
    });
  },
  APPLE: async (o, connection) =>
    connectAppleCalendar({
      serverUrl: o.services.appleCalDavUrl,
      username: connection.accountName ?? '',
      password: connection.password ?? '',
      calendarUrl: connection.externalCalendarId,
      now: o.clock,
      timeoutMs: o.services.timeoutMs,
    }),
  // Any CalDAV server: discovery starts at the stored calendar URL, which names the server.
  CALDAV: async (o, connection) => {
    const calendarUrl = connection.externalCalendarId;
    if (calendarUrl === null) throw new CalendarAuthError('the CalDAV connection has no calendar');
    const calendar = await connectAppleCalendar({
      serverUrl: calendarUrl,
      username: connection.accountName ?? '',
      password: connection.password ?? '',
      calendarUrl,
      now: o.clock,
      timeoutMs: o.services.timeoutMs,
    });
    return { ...calendar, kind: 'CALDAV' };
  },
};

/**
 * A function that opens a stored connection with the matching service, saving refreshed tokens
 * (sealed) as they arrive. A connection whose service is no longer configured throws
 * CalendarAuthError, which marks it broken: it cannot work until the settings come back.
 */
export function createCalendarOpener(
  o: OpenerDeps,
): (connection: CalendarConnection) => Promise<OpenedCalendar> {
  return (connection) =>
    OPENERS[connection.kind](o, connection, (tokens) =>
      saveConnectionTokens(o.db, o.key, connection, tokens),
    );
}
