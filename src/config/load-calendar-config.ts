// Calendar settings: Google and Outlook are offered only when their OAuth client is configured.
import { z } from 'zod';
import { OUTBOUND_TIMEOUT_MS } from '../calendars/outbound-limits.ts';
import { envText as text, envUrl as url } from './env-fields.ts';

const calendarEnvSchema = z.object({
  ENCRYPTION_KEY: text,
  GOOGLE_CLIENT_ID: text,
  GOOGLE_CLIENT_SECRET: text,
  GOOGLE_API_ROOT: url,
  GOOGLE_AUTH_URL: url,
  GOOGLE_TOKEN_URL: url,
  MS_CLIENT_ID: text,
  MS_CLIENT_SECRET: text,
  MS_TENANT: text,
  MS_LOGIN_URL: url,
  MS_GRAPH_URL: url,
  APPLE_CALDAV_URL: url,
  CALENDAR_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(OUTBOUND_TIMEOUT_MS),
});

type GoogleConfig = {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly apiRoot: string;
  readonly authUrl: string;
  readonly tokenUrl: string;
};
type OutlookConfig = {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tenant: string;
  readonly loginUrl: string;
  readonly graphUrl: string;
};
export type CalendarConfig = {
  /** 64 hex characters or base64 of 32 bytes; unset: generated once in DATA_DIR. */
  readonly encryptionKey: string | undefined;
  readonly google: GoogleConfig | null;
  readonly outlook: OutlookConfig | null;
  /** iCloud's CalDAV server (the Apple connection needs no app registration). */
  readonly appleCalDavUrl: string;
  /** Per HTTP request to a calendar or its token endpoint, connecting included. */
  readonly timeoutMs: number;
};

const trim = (u: string) => u.replace(/\/+$/, '');

/**
 * Parses the calendar settings, returning problems next to the config so loadConfig reports every
 * bad variable at once. A client id without its secret (or the reverse) is a problem.
 */
export function loadCalendarConfig(env: Record<string, string | undefined>): {
  config: CalendarConfig;
  problems: string[];
} {
  const parsed = calendarEnvSchema.safeParse(env);
  const empty = {
    encryptionKey: undefined,
    google: null,
    outlook: null,
    appleCalDavUrl: '',
    timeoutMs: OUTBOUND_TIMEOUT_MS,
  };
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    return { config: empty, problems };
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (Boolean(e.GOOGLE_CLIENT_ID) !== Boolean(e.GOOGLE_CLIENT_SECRET)) {
    problems.push('GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET: set both or neither');
  }
  if (Boolean(e.MS_CLIENT_ID) !== Boolean(e.MS_CLIENT_SECRET)) {
    problems.push('MS_CLIENT_ID and MS_CLIENT_SECRET: set both or neither');
  }
  const google =
    e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET
      ? {
          clientId: e.GOOGLE_CLIENT_ID,
          clientSecret: e.GOOGLE_CLIENT_SECRET,
          apiRoot: `${trim(e.GOOGLE_API_ROOT ?? 'https://www.googleapis.com')}/`,
          authUrl: e.GOOGLE_AUTH_URL ?? 'https://accounts.google.com/o/oauth2/v2/auth',
          tokenUrl: e.GOOGLE_TOKEN_URL ?? 'https://oauth2.googleapis.com/token',
        }
      : null;
  const outlook =
    e.MS_CLIENT_ID && e.MS_CLIENT_SECRET
      ? {
          clientId: e.MS_CLIENT_ID,
          clientSecret: e.MS_CLIENT_SECRET,
          tenant: e.MS_TENANT ?? 'common',
          loginUrl: trim(e.MS_LOGIN_URL ?? 'https://login.microsoftonline.com'),
          graphUrl: trim(e.MS_GRAPH_URL ?? 'https://graph.microsoft.com'),
        }
      : null;
  const appleCalDavUrl = trim(e.APPLE_CALDAV_URL ?? 'https://caldav.icloud.com');
  return {
    problems,
    config: {
      encryptionKey: e.ENCRYPTION_KEY,
      google,
      outlook,
      appleCalDavUrl,
      timeoutMs: e.CALENDAR_TIMEOUT_MS,
    },
  };
}
