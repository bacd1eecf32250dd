// Builds calendar sync's dependencies from the settings, for the composition root.

import type { Messenger } from '../chat/chat-types.ts';
import type { CalendarConfig } from '../config/load-calendar-config.ts';
import type { Database } from '../db/database.ts';
import type { Language } from '../i18n/languages.ts';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';
import type { CalendarConnectDeps } from './calendar-connect-deps.ts';
import { type CalendarServices, createCalendarOpener } from './calendar-services.ts';

export type CalendarDepsInput = {
  readonly config: CalendarConfig;
  readonly key: Buffer;
  /** Where the outside world reaches this server: OAuth redirects and webhooks are under it. */
  readonly publicUrl: string;
  readonly db: Database;
  readonly messenger: Messenger;
  readonly logger: Logger;
  readonly clock: Clock;
  /** DEFAULT_LANGUAGE, for providers with no language stored; absent: English. */
  readonly defaultLanguage?: Language;
  readonly requestSync: (connectionId: string) => Promise<void>;
  readonly requestPush: (connectionId: string, appointmentId: string) => Promise<void>;
};

/** The services the settings enable, with redirect URIs under `publicUrl`. */
function calendarServices(config: CalendarConfig, publicUrl: string): CalendarServices {
  const base = publicUrl.replace(/\/+$/, '');
  const { google, outlook } = config;
  return {
    google: google && {
      apiRoot: google.apiRoot,
      oauth: {
        clientId: google.clientId,
        clientSecret: google.clientSecret,
        authUrl: google.authUrl,
        tokenUrl: google.tokenUrl,
        redirectUri: `${base}/oauth/google/callback`,
      },
    },
    outlook: outlook && { ...outlook, redirectUri: `${base}/oauth/outlook/callback` },
    appleCalDavUrl: config.appleCalDavUrl,
    timeoutMs: config.timeoutMs,
  };
}

/** Everything calendar connect, sync and push need; one opener shared by all. */
export function buildCalendarDeps(input: CalendarDepsInput): CalendarConnectDeps {
  const services = calendarServices(input.config, input.publicUrl);
  const { db, key, clock, logger } = input;
  return {
    db,
    key,
    services,
    publicUrl: input.publicUrl,
    messenger: input.messenger,
    logger,
    clock,
    defaultLanguage: input.defaultLanguage ?? 'en',
    requestSync: input.requestSync,
    requestPush: input.requestPush,
    openCalendar: createCalendarOpener({ db, key, services, clock, logger }),
  };
}
