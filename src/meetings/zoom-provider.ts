// Zoom meetings: scheduled meetings created on the configured user's account via the REST API.

import { z } from 'zod';
import type { Clock } from '../ports/clock.ts';
import { parseBaseUrl } from './base-url.ts';
import {
  MeetingConfigError,
  MeetingError,
  type MeetingInput,
  type MeetingLink,
  type MeetingProvider,
} from './meeting-provider.ts';
import { sendToZoom, zoomRefusal } from './zoom-http.ts';
import { createZoomTokenSource, type ZoomTokenSource } from './zoom-token.ts';

const DEFAULT_ZOOM_API_URL = 'https://api.zoom.us';
const DEFAULT_ZOOM_OAUTH_URL = 'https://zoom.us';
const DEFAULT_TIMEOUT_MS = 10_000;
/** Zoom documents 200 characters as the topic limit and refuses longer ones. */
const MAX_TOPIC_LENGTH = 200;
/** type 2 = a scheduled meeting with a fixed start time. */
const SCHEDULED_MEETING = 2;

export type ZoomOptions = {
  readonly accountId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly apiUrl?: string;
  readonly oauthUrl?: string;
  /** Zoom user (id or email) who hosts the meetings; 'me' is the app owner. */
  readonly userId?: string;
  readonly clock: Clock;
  readonly timeoutMs?: number;
};

const meetingBody = z.object({
  id: z.union([z.number().int(), z.string().min(1)]),
  join_url: z.url({ protocol: /^https?$/ }),
});

type Target = {
  meetingsUrl: string;
  /** Where one meeting lives: `${meetingUrl}/${id}`. */
  meetingUrl: string;
  timeoutMs: number;
  tokens: ZoomTokenSource;
};

/**
 * Creates the Zoom provider. Throws MeetingConfigError at once when a credential is empty or a URL
 * is invalid. createMeeting gets a token (cached until a minute before expiry), posts the meeting,
 * and on a 401 discards the token and retries exactly once. 429/5xx/network faults reject with
 * MeetingError (Retry-After kept), other refusals with MeetingConfigError. The secret and tokens
 * live only in closures, so logging the provider or its errors cannot print them.
 */
export function createZoomProvider(options: ZoomOptions): MeetingProvider {
  const credentials = requireCredentials(options);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const apiUrl = parseBaseUrl(options.apiUrl ?? DEFAULT_ZOOM_API_URL, 'ZOOM_API_URL');
  const oauthUrl = parseBaseUrl(options.oauthUrl ?? DEFAULT_ZOOM_OAUTH_URL, 'ZOOM_OAUTH_URL');
  const userId = encodeURIComponent(options.userId ?? 'me');
  const target: Target = {
    meetingsUrl: `${apiUrl}/v2/users/${userId}/meetings`,
    meetingUrl: `${apiUrl}/v2/meetings`,
    timeoutMs,
    tokens: createZoomTokenSource(credentials, oauthUrl, options.clock, timeoutMs),
  };
  return {
    name: 'zoom',
    createMeeting: (input) => createZoomMeeting(target, input),
    deleteMeeting: (link) => deleteZoomMeeting(target, link),
  };
}

function requireCredentials(options: ZoomOptions) {
  const missing = (['accountId', 'clientId', 'clientSecret'] as const).filter(
    (key) => options[key].trim() === '',
  );
  if (missing.length > 0) {
    throw new MeetingConfigError(`Zoom credentials missing: ${missing.join(', ')}`);
  }
  return {
    accountId: options.accountId.trim(),
    clientId: options.clientId.trim(),
    clientSecret: options.clientSecret.trim(),
  };
}

/** Sends with the current token; on a 401 discards it and sends once more with a fresh one. */
async function sendWithToken(
  target: Target,
  send: (token: string) => Promise<Response>,
): Promise<Response> {
  const first = await target.tokens.current();
  const response = await send(first);
  if (response.status !== 401) return response;
  // Zoom may revoke a token before its expiry (app re-activated, secret rotated): one retry.
  await response.body?.cancel();
  target.tokens.discard(first);
  return send(await target.tokens.current());
}

async function createZoomMeeting(target: Target, input: MeetingInput): Promise<MeetingLink> {
  const body = JSON.stringify(meetingRequest(input));
  const response = await sendWithToken(target, (token) => postMeeting(target, token, body));
  if (!response.ok) throw await zoomRefusal(response, 'Zoom refused to create the meeting');
  const parsed = meetingBody.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new MeetingError(`Zoom sent an unexpected meeting answer (fields: ${fields})`, {});
  }
  return { url: parsed.data.join_url, externalId: String(parsed.data.id) };
}

/** DELETE /v2/meetings/{id}: 204 when deleted, 404 (code 3001) when it is gone already. */
async function deleteZoomMeeting(target: Target, link: MeetingLink): Promise<void> {
  if (link.externalId === null) return;
  const url = `${target.meetingUrl}/${encodeURIComponent(link.externalId)}`;
  const response = await sendWithToken(target, (token) =>
    sendToZoom(
      url,
      { method: 'DELETE', headers: { authorization: `Bearer ${token}` } },
      target.timeoutMs,
    ),
  );
  if (response.ok || response.status === 404) {
    await response.body?.cancel();
    return;
  }
  throw await zoomRefusal(response, 'Zoom refused to delete the meeting');
}

function meetingRequest(input: MeetingInput) {
  return {
    topic: input.topic.slice(0, MAX_TOPIC_LENGTH),
    type: SCHEDULED_MEETING,
    // UTC with a Z and no milliseconds: Zoom's documented format; timezone only sets the display.
    start_time: input.start.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    duration: Math.ceil(input.durationMinutes),
    timezone: input.timezone,
  };
}

function postMeeting(target: Target, token: string, body: string): Promise<Response> {
  return sendToZoom(
    target.meetingsUrl,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    },
    target.timeoutMs,
  );
}
