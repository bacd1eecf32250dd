// The Google fake driven by the real @googleapis/calendar client: OAuth, events, Meet links, sync, push channels.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auth, calendar, type calendar_v3 } from '@googleapis/calendar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeGoogle, startFakeGoogle } from './google-calendar-api.ts';

const clientId = 'client-123.apps.googleusercontent.com';
const clientSecret = 'client-secret-abc';
const redirectUri = 'http://127.0.0.1:9/oauth/google/callback';
const scopes = [
  'https://www.googleapis.com/auth/calendar.events',
  'https://www.googleapis.com/auth/calendar.readonly',
];
const meetLink = /^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/;
const noRetry = { retry: false };

type OAuthClient = InstanceType<typeof auth.OAuth2>;

let fake: FakeGoogle;
beforeEach(async () => {
  fake = await startFakeGoogle({ clientId, clientSecret });
});
afterEach(async () => {
  await fake.close();
});

function newClient(extra: { forceRefreshOnFailure?: boolean; secret?: string } = {}): OAuthClient {
  return new auth.OAuth2({
    clientId,
    clientSecret: extra.secret ?? clientSecret,
    redirectUri,
    endpoints: { oauth2TokenUrl: fake.tokenUrl, oauth2AuthBaseUrl: fake.authUrl },
    forceRefreshOnFailure: extra.forceRefreshOnFailure ?? false,
  });
}

/** Opens the consent URL as the browser would and returns where Google redirects. */
async function consent(client: OAuthClient, state: string): Promise<URL> {
  const url = client.generateAuthUrl({
    access_type: 'offline',
    prompt: 'consent',
    scope: scopes,
    state,
  });
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

async function connect(extra: { forceRefreshOnFailure?: boolean } = {}) {
  const client = newClient(extra);
  const redirect = await consent(client, 'state-1');
  const { tokens } = await client.getToken(redirect.searchParams.get('code') ?? '');
  client.setCredentials(tokens);
  return { client, tokens, api: calendar({ version: 'v3', auth: client, rootUrl: fake.rootUrl }) };
}

type CalendarApi = ReturnType<typeof calendar>;
type ListParams = { singleEvents?: boolean; maxResults?: number; syncToken?: string };

/** Follows nextPageToken to the last page, checking that only the last one has nextSyncToken. */
async function listAllPages(api: CalendarApi, params: ListParams) {
  const items: calendar_v3.Schema$Event[] = [];
  let pageToken: string | undefined;
  for (let pages = 1; ; pages += 1) {
    const { data } = await api.events.list({
      calendarId: 'primary',
      ...params,
      ...(pageToken ? { pageToken } : {}),
    });
    items.push(...(data.items ?? []));
    if (!data.nextPageToken) {
      expect(data.nextSyncToken).toEqual(expect.any(String));
      return { items, pages, syncToken: data.nextSyncToken ?? '' };
    }
    expect(data.nextSyncToken).toBeUndefined();
    pageToken = data.nextPageToken;
  }
}

/** Runs `action`, expecting it to reject, and returns the error for inspection. */
async function failure(action: () => Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await action();
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

const at = (hour: number) => ({
  dateTime: `2026-03-02T${String(hour).padStart(2, '0')}:00:00+01:00`,
  timeZone: 'Europe/Paris',
});

/** Google's errors[] list: gaxios keeps it only on error.response.data, not on the error itself. */
function apiErrors(error: Record<string, unknown>): unknown {
  return (error.response as { data?: { error?: { errors?: unknown } } }).data?.error?.errors;
}
const meeting = (summary: string, hour = 10) => ({ summary, start: at(hour), end: at(hour + 1) });

describe('OAuth consent and tokens', () => {
  it('redirects with a single-use code and issues access and refresh tokens', async () => {
    const client = newClient();
    const redirect = await consent(client, 'state-abc');
    expect(fake.consents[0]).toMatchObject({
      client_id: clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      access_type: 'offline',
      prompt: 'consent',
      scope: scopes.join(' '),
      state: 'state-abc',
    });
    expect(redirect.origin + redirect.pathname).toBe(redirectUri);
    expect(redirect.searchParams.get('state')).toBe('state-abc');
    const code = redirect.searchParams.get('code') ?? '';
    const { tokens } = await client.getToken(code);
    expect(tokens).toMatchObject({ token_type: 'Bearer', scope: scopes.join(' ') });
    expect(tokens.access_token).toBe(fake.issuedAccessTokens[0]);
    expect(tokens.refresh_token).toBe(fake.issuedRefreshTokens[0]);
    expect(tokens.expiry_date).toEqual(expect.any(Number));
    const reused = await failure(() => client.getToken(code));
    expect(reused.status).toBe(400);
    expect((reused.response as { data: unknown }).data).toMatchObject({ error: 'invalid_grant' });
    expect(fake.tokenCalls).toEqual(['authorization_code', 'authorization_code']);
  });

  it('redirects with access_denied when the user refuses', async () => {
    fake.denyNextConsent();
    const redirect = await consent(newClient(), 'state-no');
    expect(Object.fromEntries(redirect.searchParams)).toEqual({
      error: 'access_denied',
      state: 'state-no',
    });
    expect((await consent(newClient(), 'state-yes')).searchParams.get('code')).toBeTruthy();
  });

  it('refuses an unknown client id or missing parameters at consent', async () => {
    const base = new URL(fake.authUrl);
    base.search = new URLSearchParams({
      client_id: 'other',
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'x',
    }).toString();
    expect((await fetch(base, { redirect: 'manual' })).status).toBe(400);
    base.search = new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      scope: 'x',
    }).toString();
    expect((await fetch(base, { redirect: 'manual' })).status).toBe(400);
  });

  it('refuses a wrong client secret with 401 invalid_client', async () => {
    const client = newClient({ secret: 'wrong' });
    const redirect = await consent(client, 's');
    const error = await failure(() => client.getToken(redirect.searchParams.get('code') ?? ''));
    expect(error.status).toBe(401);
    expect((error.response as { data: unknown }).data).toMatchObject({ error: 'invalid_client' });
  });

  it('refuses a code redeemed with another redirect_uri', async () => {
    const client = newClient();
    const redirect = await consent(client, 's');
    const code = redirect.searchParams.get('code') ?? '';
    const error = await failure(() =>
      client.getToken({ code, redirect_uri: 'http://127.0.0.1:9/other' }),
    );
    expect(error.status).toBe(400);
  });
});

describe('refreshing access tokens', () => {
  it('refreshes after a 401 when forceRefreshOnFailure is set, keeping the stored refresh token', async () => {
    const { client, api, tokens } = await connect({ forceRefreshOnFailure: true });
    const refreshed: unknown[] = [];
    // The library adds the old refresh_token to the emitted object after the listeners ran: copy it.
    client.on('tokens', (fresh) => refreshed.push({ ...fresh }));
    fake.expireAccessTokens();
    const list = await api.events.list({ calendarId: 'primary' });
    expect(list.status).toBe(200);
    expect(fake.tokenCalls).toEqual(['authorization_code', 'refresh_token']);
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]).toMatchObject({ access_token: fake.issuedAccessTokens[1] });
    expect(refreshed[0]).not.toHaveProperty('refresh_token');
    expect(client.credentials.refresh_token).toBe(tokens.refresh_token);
    const statuses = fake.calls
      .filter((call) => call.path.startsWith('/calendar/'))
      .map((c) => c.status);
    expect(statuses).toEqual([401, 200]);
  });

  it('surfaces the 401 instead of refreshing while expiry_date is in the future (library default)', async () => {
    const { api } = await connect();
    fake.expireAccessTokens();
    const error = await failure(() => api.events.list({ calendarId: 'primary' }, noRetry));
    expect(error.status).toBe(401);
    expect(fake.tokenCalls).toEqual(['authorization_code']);
  });

  it('refreshes before the call when the token expires within five minutes', async () => {
    await fake.close();
    fake = await startFakeGoogle({ clientId, clientSecret, accessTokenSeconds: 120 });
    const { api } = await connect();
    await api.events.list({ calendarId: 'primary' });
    expect(fake.tokenCalls).toEqual(['authorization_code', 'refresh_token']);
    expect(fake.calls.filter((call) => call.status === 401)).toEqual([]);
  });

  it('gives invalid_grant once the user revoked access', async () => {
    const { api } = await connect({ forceRefreshOnFailure: true });
    fake.revokeRefreshTokens();
    const error = await failure(() => api.events.list({ calendarId: 'primary' }, noRetry));
    expect(error.status).toBe(400);
    expect(error.message).toBe('invalid_grant');
    expect((error.response as { data: unknown }).data).toMatchObject({
      error: 'invalid_grant',
      error_description: 'Token has been expired or revoked.',
    });
  });
});

describe('events', () => {
  it('inserts with a unique Meet link when asked, keeping times and extended properties', async () => {
    const { api } = await connect();
    const requestBody = {
      ...meeting('Haircut'),
      transparency: 'opaque',
      extendedProperties: { private: { slotlineAppointmentId: 'appt-1' } },
      conferenceData: {
        createRequest: { requestId: 'appt-1', conferenceSolutionKey: { type: 'hangoutsMeet' } },
      },
    };
    const first = await api.events.insert({
      calendarId: 'primary',
      conferenceDataVersion: 1,
      sendUpdates: 'none',
      requestBody,
    });
    expect(first.data).toMatchObject({
      status: 'confirmed',
      summary: 'Haircut',
      start: at(10),
      end: at(11),
      transparency: 'opaque',
      extendedProperties: { private: { slotlineAppointmentId: 'appt-1' } },
    });
    expect(first.data.id).toMatch(/^[a-v0-9]{5,}$/);
    expect(first.data.etag).toBeTruthy();
    expect(first.data.iCalUID).toBe(`${first.data.id}@google.com`);
    expect(first.data.hangoutLink).toMatch(meetLink);
    expect(first.data.conferenceData?.createRequest?.status?.statusCode).toBe('success');
    expect(first.data.conferenceData?.entryPoints?.[0]?.uri).toBe(first.data.hangoutLink);
    const second = await api.events.insert({
      calendarId: 'primary',
      conferenceDataVersion: 1,
      requestBody,
    });
    expect(second.data.hangoutLink).toMatch(meetLink);
    expect(second.data.hangoutLink).not.toBe(first.data.hangoutLink);
    const plain = await api.events.insert({ calendarId: 'primary', requestBody });
    expect(plain.data.hangoutLink).toBeUndefined();
    expect(fake.calls.find((call) => call.path.endsWith('/events'))?.query).toMatchObject({
      conferenceDataVersion: '1',
      sendUpdates: 'none',
    });
  });

  it('stores all-day events with dates', async () => {
    const { api } = await connect();
    const allDay = { summary: 'Off', start: { date: '2026-03-05' }, end: { date: '2026-03-06' } };
    const { data } = await api.events.insert({ calendarId: 'primary', requestBody: allDay });
    expect(fake.events('primary')).toEqual([expect.objectContaining({ id: data.id, ...allDay })]);
  });

  it('patches by merging, updates by replacing, deletes to cancelled, then 410 and 404', async () => {
    const { api } = await connect();
    const requestBody = { ...meeting('Consult'), extendedProperties: { private: { a: '1' } } };
    const { data } = await api.events.insert({ calendarId: 'primary', requestBody });
    const eventId = data.id ?? '';
    const patched = await api.events.patch({
      calendarId: 'primary',
      eventId,
      requestBody: { summary: 'Consult (moved)', extendedProperties: { private: { b: '2' } } },
    });
    expect(patched.data).toMatchObject({ summary: 'Consult (moved)', start: at(10) });
    expect(patched.data.extendedProperties?.private).toEqual({ a: '1', b: '2' });
    expect(patched.data.etag).not.toBe(data.etag);
    const updated = await api.events.update({
      calendarId: 'primary',
      eventId,
      requestBody: meeting('Only', 14),
    });
    expect(updated.data).toMatchObject({ id: eventId, summary: 'Only', start: at(14) });
    expect(updated.data.extendedProperties).toBeUndefined();
    const deleted = await api.events.delete({ calendarId: 'primary', eventId, sendUpdates: 'all' });
    expect(deleted.status).toBe(204);
    expect((await api.events.get({ calendarId: 'primary', eventId })).data.status).toBe(
      'cancelled',
    );
    const again = await failure(() =>
      api.events.delete({ calendarId: 'primary', eventId }, noRetry),
    );
    expect(again.status).toBe(410);
    expect(apiErrors(again)).toEqual([expect.objectContaining({ reason: 'deleted' })]);
    const missing = await failure(() =>
      api.events.get({ calendarId: 'primary', eventId: 'nope0' }, noRetry),
    );
    expect(missing.status).toBe(404);
  });

  it('refuses an insert without an end time', async () => {
    const { api } = await connect();
    const error = await failure(() =>
      api.events.insert({ calendarId: 'primary', requestBody: { start: at(9) } }, noRetry),
    );
    expect(error.status).toBe(400);
  });

  it('answers 401 in Google JSON error shape without a valid token', async () => {
    const response = await fetch(`${fake.rootUrl}calendar/v3/calendars/primary/events`, {
      headers: { authorization: 'Bearer made-up' },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: {
        code: 401,
        message: expect.any(String),
        errors: [expect.objectContaining({ reason: 'authError' })],
        status: 'UNAUTHENTICATED',
      },
    });
  });
});

describe('listing and incremental sync', () => {
  it('pages a full sync, then pages only changes since the sync token, cancelled ones included', async () => {
    const { api } = await connect();
    const ids: string[] = [];
    for (const [summary, hour] of [
      ['A', 9],
      ['B', 11],
      ['C', 13],
    ] as const) {
      const { data } = await api.events.insert({
        calendarId: 'primary',
        requestBody: meeting(summary, hour),
      });
      ids.push(data.id ?? '');
    }
    const external = fake.addExternalEvent('primary', meeting('Dentist', 15));
    const full = await listAllPages(api, { singleEvents: true, maxResults: 3 });
    expect(full.items.map((event) => event.summary)).toEqual(['A', 'B', 'C', 'Dentist']);
    expect(full.pages).toBe(2);

    await api.events.patch({
      calendarId: 'primary',
      eventId: ids[0] ?? '',
      requestBody: { summary: 'A2' },
    });
    await api.events.delete({ calendarId: 'primary', eventId: ids[1] ?? '' });
    fake.updateExternalEvent('primary', external.id, { location: 'Room 2' });
    fake.deleteExternalEvent('primary', external.id);
    const created = fake.addExternalEvent('primary', meeting('Lunch', 12));
    const changes = await listAllPages(api, { syncToken: full.syncToken, maxResults: 3 });
    expect(changes.items).toEqual([
      expect.objectContaining({ id: ids[0], summary: 'A2', status: 'confirmed' }),
      { kind: 'calendar#event', etag: expect.any(String), id: ids[1], status: 'cancelled' },
      { kind: 'calendar#event', etag: expect.any(String), id: external.id, status: 'cancelled' },
      expect.objectContaining({ id: created.id, summary: 'Lunch' }),
    ]);
    expect(changes.pages).toBe(2);
    const quiet = await listAllPages(api, { syncToken: changes.syncToken });
    expect(quiet).toEqual({ items: [], pages: 1, syncToken: expect.any(String) });
  });

  it('orders by start time only for single events', async () => {
    const { api } = await connect();
    fake.addExternalEvent('primary', meeting('Late', 16));
    fake.addExternalEvent('primary', meeting('Early', 8));
    const params = { calendarId: 'primary', orderBy: 'startTime' };
    const ordered = await api.events.list({ ...params, singleEvents: true });
    expect(ordered.data.items?.map((event) => event.summary)).toEqual(['Early', 'Late']);
    expect((await failure(() => api.events.list(params, noRetry))).status).toBe(400);
  });

  it('filters by overlap with timeMin and timeMax and hides cancelled events unless showDeleted', async () => {
    const { api } = await connect();
    fake.addExternalEvent('primary', meeting('Early', 8));
    fake.addExternalEvent('primary', meeting('Noon', 12));
    const late = fake.addExternalEvent('primary', meeting('Late', 18));
    fake.deleteExternalEvent('primary', late.id);
    const window = { timeMin: '2026-03-02T08:30:00+01:00', timeMax: '2026-03-02T20:00:00+01:00' };
    const listed = await api.events.list({ calendarId: 'primary', ...window });
    expect(listed.data.items?.map((event) => event.summary)).toEqual(['Early', 'Noon']);
    const withDeleted = await api.events.list({
      calendarId: 'primary',
      showDeleted: true,
      ...window,
    });
    expect(withDeleted.data.items?.map((event) => event.summary)).toEqual([
      'Early',
      'Noon',
      'Late',
    ]);
  });

  it('refuses a sync token combined with a time window (400)', async () => {
    const { api } = await connect();
    const { data } = await api.events.list({ calendarId: 'primary' });
    const error = await failure(() =>
      api.events.list(
        {
          calendarId: 'primary',
          syncToken: data.nextSyncToken ?? '',
          timeMin: '2026-03-01T00:00:00Z',
        },
        noRetry,
      ),
    );
    expect(error.status).toBe(400);
  });

  it('answers 410 fullSyncRequired for an invalidated sync token', async () => {
    const { api } = await connect();
    const { data } = await api.events.list({ calendarId: 'primary' });
    fake.invalidateSyncTokens();
    const error = await failure(() =>
      api.events.list({ calendarId: 'primary', syncToken: data.nextSyncToken ?? '' }),
    );
    expect(error.status).toBe(410);
    expect(error.code).toBe(410);
    expect(error.message).toBe('Sync token is no longer valid, a full sync is required.');
    expect(apiErrors(error)).toEqual([
      expect.objectContaining({ domain: 'calendar', reason: 'fullSyncRequired' }),
    ]);
    const unknown = await failure(() =>
      api.events.list({ calendarId: 'primary', syncToken: 'made-up' }),
    );
    expect(unknown.status).toBe(410);
  });
});

describe('failures and retries', () => {
  it('retries a failed GET by default, but not with retry: false', async () => {
    const { api } = await connect();
    fake.failNext('/calendar/v3/calendars/primary/events', 503);
    expect((await api.events.list({ calendarId: 'primary' })).status).toBe(200);
    expect(
      fake.calls.filter((call) => call.path.startsWith('/calendar/')).map((c) => c.status),
    ).toEqual([503, 200]);
    fake.failNext('/calendar/v3/calendars/primary/events', 500);
    const error = await failure(() => api.events.list({ calendarId: 'primary' }, noRetry));
    expect(error.status).toBe(500);
  });

  it('does not retry a failed POST (insert) even by default', async () => {
    const { api } = await connect();
    fake.failNext((call) => call.method === 'POST' && call.path.endsWith('/events'), 503);
    const error = await failure(() =>
      api.events.insert({ calendarId: 'primary', requestBody: meeting('X') }),
    );
    expect(error.status).toBe(503);
    expect(fake.events('primary')).toEqual([]);
  });
});

describe('push channels', () => {
  /** A webhook endpoint answering `status` and recording each request's headers. */
  async function startReceiver(status: number) {
    const received: IncomingHttpHeaders[] = [];
    const server = createServer((req, res) => {
      received.push(req.headers);
      req.resume();
      res.writeHead(status).end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    return { address: `http://127.0.0.1:${port}/webhooks/google`, received, server };
  }

  async function watch(api: CalendarApi, address: string) {
    const requestBody = {
      id: 'chan-1',
      type: 'web_hook',
      address,
      token: 'tok-1',
      params: { ttl: '3600' },
    };
    return (await api.events.watch({ calendarId: 'primary', requestBody })).data;
  }

  it('opens a channel and delivers notifications with Google headers', async () => {
    const receiver = await startReceiver(200);
    try {
      const { api } = await connect();
      const watched = await watch(api, receiver.address);
      expect(watched).toMatchObject({ kind: 'api#channel', id: 'chan-1', token: 'tok-1' });
      expect(watched.resourceId).toBeTruthy();
      expect(Number(watched.expiration)).toBeGreaterThan(Date.now() + 3_500_000);
      expect(fake.channels()).toEqual([
        expect.objectContaining({ id: 'chan-1', address: receiver.address }),
      ]);
      expect(await fake.notify('chan-1', 'sync')).toBe(200);
      expect(await fake.notify('chan-1')).toBe(200);
      expect(receiver.received[0]?.['x-goog-resource-state']).toBe('sync');
      expect(receiver.received[1]).toMatchObject({
        'x-goog-channel-id': 'chan-1',
        'x-goog-channel-token': 'tok-1',
        'x-goog-resource-id': watched.resourceId,
        'x-goog-resource-uri': watched.resourceUri,
        'x-goog-resource-state': 'exists',
        'x-goog-message-number': '2',
        'x-goog-channel-expiration': expect.any(String),
      });
    } finally {
      receiver.server.close();
    }
  });

  it('reports the receiver status, refuses a duplicate channel id, and stops a channel once', async () => {
    const receiver = await startReceiver(503);
    try {
      const { api } = await connect();
      const watched = await watch(api, receiver.address);
      expect(await fake.notify('chan-1')).toBe(503);
      const duplicate = await failure(() => watch(api, receiver.address));
      expect(duplicate.status).toBe(400);
      const requestBody = { id: 'chan-1', resourceId: watched.resourceId ?? '' };
      expect((await api.channels.stop({ requestBody })).status).toBe(204);
      expect(fake.channels()).toEqual([]);
      const again = await failure(() => api.channels.stop({ requestBody }, noRetry));
      expect(again.status).toBe(404);
      await expect(fake.notify('chan-1')).rejects.toThrow(/No open channel/);
    } finally {
      receiver.server.close();
    }
  });
});
