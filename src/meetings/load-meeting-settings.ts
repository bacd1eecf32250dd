// Meeting settings from the environment: Zoom when all three credentials are set, else Jitsi.
import { z } from 'zod';
import { envText as text, envUrl as url } from '../config/env-fields.ts';

const meetingEnvSchema = z.object({
  ZOOM_ACCOUNT_ID: text,
  ZOOM_CLIENT_ID: text,
  ZOOM_CLIENT_SECRET: text,
  ZOOM_USER_ID: text,
  ZOOM_API_URL: url,
  ZOOM_OAUTH_URL: url,
  JITSI_BASE_URL: url,
});

const ZOOM_KEYS = ['ZOOM_ACCOUNT_ID', 'ZOOM_CLIENT_ID', 'ZOOM_CLIENT_SECRET'] as const;

export type ZoomSettings = {
  readonly accountId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly userId: string | null;
  readonly apiUrl: string | null;
  readonly oauthUrl: string | null;
};

export type MeetingSettings = {
  /** Null unless all three Zoom credentials are set. */
  readonly zoom: ZoomSettings | null;
  /** Null means the public https://meet.jit.si. */
  readonly jitsiBaseUrl: string | null;
};

/**
 * Parses the meeting settings, returning problems as strings (empty when fine) for loadConfig to
 * report with the rest. Setting only some Zoom credentials is a problem rather than a silent
 * fallback to Jitsi, so a typo cannot quietly change which links clients get. Problems name the
 * variables, never their values.
 */
export function loadMeetingSettings(env: Record<string, string | undefined>): {
  settings: MeetingSettings;
  problems: string[];
} {
  const parsed = meetingEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    return { settings: { zoom: null, jitsiBaseUrl: null }, problems };
  }
  const e = parsed.data;
  const missing = ZOOM_KEYS.filter((key) => e[key] === undefined);
  const problems =
    missing.length > 0 && missing.length < ZOOM_KEYS.length
      ? missing.map((key) => `${key}: required when any of ${ZOOM_KEYS.join(', ')} is set`)
      : [];
  const zoom =
    e.ZOOM_ACCOUNT_ID && e.ZOOM_CLIENT_ID && e.ZOOM_CLIENT_SECRET
      ? {
          accountId: e.ZOOM_ACCOUNT_ID,
          clientId: e.ZOOM_CLIENT_ID,
          clientSecret: e.ZOOM_CLIENT_SECRET,
          userId: e.ZOOM_USER_ID ?? null,
          apiUrl: e.ZOOM_API_URL ?? null,
          oauthUrl: e.ZOOM_OAUTH_URL ?? null,
        }
      : null;
  return { settings: { zoom, jitsiBaseUrl: e.JITSI_BASE_URL ?? null }, problems };
}
