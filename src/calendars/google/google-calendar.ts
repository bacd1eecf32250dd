// The Google Calendar client behind the shared calendar interface, on @googleapis/calendar v3.
import { randomUUID } from 'node:crypto';
import { calendar, type calendar_v3 } from '@googleapis/calendar';
import {
  type CalendarClient,
  CalendarUnavailableError,
  type CalendarWatcher,
  type CreatedEvent,
  type OAuthTokens,
  type OutboundEvent,
  type PullResult,
  type PullWindow,
  type PushChannel,
  type SaveTokens,
} from '../calendar-client.ts';
import { OUTBOUND_TIMEOUT_MS, RETRY_AFTER_CAP_MS, retryAfterMs } from '../outbound-limits.ts';
import { httpStatusOf, toCalendarError } from './google-errors.ts';
import { toInsertBody, toPatchBody } from './google-events.ts';
import { createGoogleOAuthClient, type GoogleOAuthSettings } from './google-oauth.ts';
import { pullAllGoogleEvents, pullGoogleChanges } from './google-pull.ts';
import { persistRefreshedTokens } from './google-token-saves.ts';

export type GoogleCalendarOptions = {
  readonly oauth: GoogleOAuthSettings;
  /** https://www.googleapis.com/ in production; the fake's rootUrl in tests. */
  readonly apiRoot: string;
  readonly tokens: OAuthTokens;
  readonly saveTokens: SaveTokens;
  /** Told when saving refreshed tokens fails; the calendar call itself still succeeds. */
  readonly onSaveError?: (error: unknown) => void;
  /** Default 'primary'. */
  readonly calendarId?: string;
  /** Per request, connect and answer together (token refreshes too); default OUTBOUND_TIMEOUT_MS. */
  readonly timeoutMs?: number;
  /** Waits out a retry's delay; tests pass a recorder. Default: a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
};

/** Google keeps a channel at most about a week; a new one is opened before this runs out. */
const CHANNEL_TTL_SECONDS = 7 * 86_400;

/**
 * A calendar client bound to one provider's Google tokens. Every method resolves only after
 * tokens refreshed during it were handed to `saveTokens`; it throws CalendarAuthError when Google
 * refuses the tokens even after a refresh (revoked, invalid_grant) and CalendarUnavailableError
 * for everything else (5xx, 429, network, unexpected statuses, with the status in the message).
 * GETs, PUTs and DELETEs are retried by gaxios on 408, 429, 5xx and network faults (three times),
 * each retry waiting at least the Retry-After Google sent, up to RETRY_AFTER_CAP_MS; inserts and
 * patches are not retried here (the job retries them). Every request ends after `timeoutMs`.
 */
export function createGoogleCalendar(o: GoogleCalendarOptions): CalendarClient & CalendarWatcher {
  const calendarId = o.calendarId ?? 'primary';
  const timeoutMs = o.timeoutMs ?? OUTBOUND_TIMEOUT_MS;
  const oauth = createGoogleOAuthClient(o.oauth, timeoutMs);
  const savesSettled = persistRefreshedTokens(
    oauth,
    o.tokens,
    o.saveTokens,
    o.onSaveError ?? (() => {}),
  );
  const api = calendar({
    version: 'v3',
    auth: oauth,
    rootUrl: o.apiRoot,
    timeout: timeoutMs,
    retryConfig: { retryBackoff: honourRetryAfter(o.sleep ?? sleepFor) },
  });

  async function run<T>(action: string, call: () => Promise<T>): Promise<T> {
    await savesSettled();
    try {
      return await call();
    } catch (error) {
      throw toCalendarError(error, action);
    } finally {
      await savesSettled();
    }
  }

  return {
    kind: 'GOOGLE',
    createEvent: (event) => run('create event', () => insertEvent(api, calendarId, event)),
    updateEvent: (externalEventId, event) =>
      run('update event', async () => {
        const requestBody = toPatchBody(event);
        await api.events.patch({
          calendarId,
          eventId: externalEventId,
          sendUpdates: 'none',
          requestBody,
        });
      }),
    deleteEvent: (externalEventId) =>
      run('delete event', () => deleteEvent(api, calendarId, externalEventId)),
    pullEvents: (cursor, window) =>
      run('pull events', () => pullEvents(api, calendarId, cursor, window)),
    openChannel: (webhookUrl, secret) =>
      run('open channel', () => openChannel(api, calendarId, webhookUrl, secret)),
    closeChannel: (channel) => run('close channel', () => closeChannel(api, channel)),
  };
}

function sleepFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** gaxios's backoff, but never shorter than the answer's Retry-After (capped). */
function honourRetryAfter(sleep: (ms: number) => Promise<void>) {
  return (
    error: { response?: { headers?: unknown } | undefined },
    backoffMs: number,
  ): Promise<void> => {
    const header = headerOf(error.response?.headers, 'retry-after');
    const asked = Math.min(retryAfterMs(header, new Date()) ?? 0, RETRY_AFTER_CAP_MS);
    return sleep(Math.max(backoffMs, asked));
  };
}

/** A header from gaxios's response headers (a Headers object; a plain record in older shapes). */
function headerOf(headers: unknown, name: string): string | null {
  if (typeof headers !== 'object' || headers === null) return null;
  const get = (headers as { get?: unknown }).get;
  if (typeof get === 'function') return (get.call(headers, name) as string | null) ?? null;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

/**
 * Inserts under an id derived from the appointment (Google accepts ids of a-v and 0-9), so a
 * retried insert whose first answer was lost finds the event instead of making a second one.
 */
async function insertEvent(
  api: calendar_v3.Calendar,
  calendarId: string,
  event: OutboundEvent,
): Promise<CreatedEvent> {
  const id = googleEventId(event.appointmentId);
  try {
    const { data } = await api.events.insert({
      calendarId,
      sendUpdates: 'none',
      conferenceDataVersion: event.requestMeeting ? 1 : 0,
      requestBody: { ...toInsertBody(event), id },
    });
    return { externalEventId: data.id ?? id, meetingLink: data.hangoutLink ?? null };
  } catch (error) {
    if (httpStatusOf(error) !== 409) throw error;
    const { data } = await api.events.get({ calendarId, eventId: id });
    return { externalEventId: id, meetingLink: data.hangoutLink ?? null };
  }
}

/** 'slotline' and the appointment's hex digits: a valid Google event id, the same every time. */
function googleEventId(appointmentId: string): string {
  return `slotline${appointmentId.toLowerCase().replace(/[^0-9a-f]/g, '')}`;
}

/** 410 (already cancelled) and 404 (never there, or purged) both mean the event is gone. */
async function deleteEvent(api: calendar_v3.Calendar, calendarId: string, eventId: string) {
  try {
    await api.events.delete({ calendarId, eventId, sendUpdates: 'none' });
  } catch (error) {
    const status = httpStatusOf(error);
    if (status !== 404 && status !== 410) throw error;
  }
}

function pullEvents(
  api: calendar_v3.Calendar,
  calendarId: string,
  cursor: string | null,
  window: PullWindow,
): Promise<PullResult> {
  return cursor === null
    ? pullAllGoogleEvents(api.events, calendarId, window)
    : pullGoogleChanges(api.events, calendarId, cursor, window);
}

async function openChannel(
  api: calendar_v3.Calendar,
  calendarId: string,
  webhookUrl: string,
  secret: string,
): Promise<PushChannel> {
  const { data } = await api.events.watch({
    calendarId,
    requestBody: {
      id: randomUUID(),
      type: 'web_hook',
      address: webhookUrl,
      token: secret,
      params: { ttl: String(CHANNEL_TTL_SECONDS) },
    },
  });
  if (!data.id || !data.resourceId || !data.expiration) {
    throw new CalendarUnavailableError('Google returned an incomplete watch channel');
  }
  return { id: data.id, resourceId: data.resourceId, expiresAt: new Date(Number(data.expiration)) };
}

/** 404: the channel expired or was stopped already. */
async function closeChannel(api: calendar_v3.Calendar, channel: PushChannel): Promise<void> {
  const requestBody =
    channel.resourceId === null
      ? { id: channel.id }
      : { id: channel.id, resourceId: channel.resourceId };
  try {
    await api.channels.stop({ requestBody });
  } catch (error) {
    if (httpStatusOf(error) !== 404) throw error;
  }
}
