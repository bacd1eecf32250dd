// The Microsoft identity platform + Graph calendar fake, driven with plain fetch as Slotline will.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeGraph, startFakeGraph } from './graph-api.ts';

const client = { clientId: 'app-1234', clientSecret: 'secret-value' };
const redirectUri = 'http://127.0.0.1:9/oauth/microsoft/callback';
const scope = 'offline_access https://graph.microsoft.com/Calendars.ReadWrite';
let now: Date;

let graph: FakeGraph;
const receivers: Receiver[] = [];

beforeEach(async () => {
  now = new Date('2026-03-02T08:00:00Z');
  graph = await startFakeGraph({ ...client, now: () => now, validationTimeoutMs: 2_000 });
});

afterEach(async () => {
  await graph.close();
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

type TokenSet = { access_token: string; refresh_token: string; scope: string; token_type: string };

async function authorize(state: string): Promise<URL> {
  const url = new URL(`${graph.loginUrl}/common/oauth2/v2.0/authorize`);
  url.search = new URLSearchParams({
    client_id: client.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    response_mode: 'query',
    scope,
    state,
  }).toString();
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

function postToken(fields: Record<string, string>): Promise<Response> {
  return fetch(`${graph.loginUrl}/common/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: client.clientId, ...fields }),
  });
}

async function connect(): Promise<TokenSet> {
  const code = (await authorize('s1')).searchParams.get('code') ?? '';
  const response = await postToken({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    client_secret: client.clientSecret,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as TokenSet;
}

function callGraph(
  accessToken: string,
  path: string,
  init: { method?: string; body?: unknown; prefer?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${accessToken}` };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.prefer !== undefined) headers.prefer = init.prefer;
  const url = path.startsWith('http') ? path : `${graph.graphUrl}/v1.0${path}`;
  return fetch(url, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

const at = (hour: number, day = 2) => ({
  dateTime: `2026-03-0${day}T${String(hour).padStart(2, '0')}:00:00`,
  timeZone: 'UTC',
});

describe('identity platform', () => {
  it('redirects consent back with a single-use code that redeems for rotating tokens', async () => {
    const back = await authorize('state-42');
    expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
    expect(back.searchParams.get('state')).toBe('state-42');
    expect(graph.consents).toEqual([
      expect.objectContaining({
        clientId: client.clientId,
        redirectUri,
        state: 'state-42',
        granted: true,
      }),
    ]);
    const code = back.searchParams.get('code') ?? '';
    const form = { grant_type: 'authorization_code', code, redirect_uri: redirectUri };
    const wrongSecret = await postToken({ ...form, client_secret: 'nope' });
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toMatchObject({ error: 'invalid_client' });
    const wrongRedirect = await postToken({
      ...form,
      redirect_uri: 'http://127.0.0.1:9/other',
      client_secret: client.clientSecret,
    });
    expect(wrongRedirect.status).toBe(400);
    expect(await wrongRedirect.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('issues tokens for a fresh code and refuses to redeem it twice', async () => {
    const code = (await authorize('s')).searchParams.get('code') ?? '';
    const form = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_secret: client.clientSecret,
    };
    const first = await postToken(form);
    const tokens = (await first.json()) as TokenSet & { expires_in: number };
    expect(tokens).toMatchObject({ token_type: 'Bearer', scope: 'Calendars.ReadWrite' });
    expect(tokens.expires_in).toBeGreaterThan(0);
    expect(tokens.access_token).not.toBe('');
    expect(tokens.refresh_token).not.toBe('');
    const again = await postToken(form);
    expect(again.status).toBe(400);
    const error = (await again.json()) as { error: string; error_codes: number[] };
    expect(error.error).toBe('invalid_grant');
    expect(error.error_codes).toEqual([54005]);
  });

  it('redirects a denied consent with access_denied and the state', async () => {
    graph.denyNextConsent();
    const back = await authorize('state-9');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('error_description')).toMatch(/AADSTS65004/);
    expect(back.searchParams.get('state')).toBe('state-9');
    expect(back.searchParams.has('code')).toBe(false);
    expect((await authorize('state-10')).searchParams.has('code')).toBe(true);
  });

  it('answers 401 after expireAccessTokens, and refresh rotates while the old token still works', async () => {
    const tokens = await connect();
    expect((await callGraph(tokens.access_token, '/me/events/x')).status).toBe(404);
    graph.expireAccessTokens();
    const expired = await callGraph(tokens.access_token, '/me/events/x');
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
    const refresh = (refreshToken: string) =>
      postToken({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        scope,
        client_secret: client.clientSecret,
      });
    const renewed = (await (await refresh(tokens.refresh_token)).json()) as TokenSet;
    expect(renewed.refresh_token).not.toBe(tokens.refresh_token);
    expect(renewed.access_token).not.toBe(tokens.access_token);
    expect((await callGraph(renewed.access_token, '/me/events/x')).status).toBe(404);
    expect((await refresh(tokens.refresh_token)).status).toBe(200);
    graph.revokeRefreshTokens();
    const revoked = await refresh(renewed.refresh_token);
    expect(revoked.status).toBe(400);
    expect(await revoked.json()).toMatchObject({ error: 'invalid_grant', error_codes: [50173] });
  });
});

describe('events', () => {
  it('creates, reads, patches and deletes an event; no bearer is 401', async () => {
    const { access_token } = await connect();
    const unauthenticated = await fetch(`${graph.graphUrl}/v1.0/me/events`, { method: 'POST' });
    expect(unauthenticated.status).toBe(401);
    const created = await callGraph(access_token, '/me/events', {
      method: 'POST',
      body: {
        subject: 'Busy (Slotline)',
        body: { contentType: 'text', content: 'Booked via Slotline' },
        start: { dateTime: '2026-03-02T10:00:00', timeZone: 'Europe/Berlin' },
        end: { dateTime: '2026-03-02T11:00:00', timeZone: 'Europe/Berlin' },
        showAs: 'busy',
        transactionId: 'appt-1',
      },
    });
    expect(created.status).toBe(201);
    const event = (await created.json()) as Record<string, unknown> & { id: string };
    expect(event).toMatchObject({
      subject: 'Busy (Slotline)',
      showAs: 'busy',
      transactionId: 'appt-1',
    });
    expect(typeof event.iCalUId).toBe('string');
    expect(typeof event.changeKey).toBe('string');
    expect(event.createdDateTime).toBe('2026-03-02T08:00:00.0000000Z');
    const read = (await (await callGraph(access_token, `/me/events/${event.id}`)).json()) as {
      start: unknown;
    };
    expect(read.start).toEqual({ dateTime: '2026-03-02T09:00:00.0000000', timeZone: 'UTC' });
    const patched = await callGraph(access_token, `/me/events/${event.id}`, {
      method: 'PATCH',
      body: { showAs: 'tentative' },
    });
    expect(await patched.json()).toMatchObject({ showAs: 'tentative' });
    expect(
      (await callGraph(access_token, `/me/events/${event.id}`, { method: 'DELETE' })).status,
    ).toBe(204);
    const gone = await callGraph(access_token, `/me/events/${event.id}`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ error: { code: 'ErrorItemNotFound' } });
    expect(graph.events()).toEqual([]);
  });

  it('answers in the zone asked by Prefer: outlook.timezone', async () => {
    const { access_token } = await connect();
    const { id } = graph.addExternalEvent({ start: at(9), end: at(10) });
    const response = await callGraph(access_token, `/me/events/${id}`, {
      prefer: 'outlook.timezone="Europe/Berlin"',
    });
    expect(await response.json()).toMatchObject({
      start: { dateTime: '2026-03-02T10:00:00.0000000', timeZone: 'Europe/Berlin' },
    });
  });

  it('fails the next matching request once with failNext', async () => {
    const { access_token } = await connect();
    graph.failNext('/graph/v1.0/me/events', 503);
    const body = { start: at(9), end: at(10) };
    const failed = await callGraph(access_token, '/me/events', { method: 'POST', body });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('1');
    expect((await callGraph(access_token, '/me/events', { method: 'POST', body })).status).toBe(
      201,
    );
    expect(graph.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/me/events'))).toEqual(
      [
        expect.objectContaining({ status: 503, hasAuthorization: true }),
        expect.objectContaining({ status: 201, hasAuthorization: true }),
      ],
    );
  });
});

type DeltaPage = {
  value: Record<string, unknown>[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
};

async function fetchDelta(accessToken: string, url: string): Promise<DeltaPage> {
  const response = await callGraph(accessToken, url, { prefer: 'odata.maxpagesize=2' });
  expect(response.status).toBe(200);
  return (await response.json()) as DeltaPage;
}

describe('calendarView delta', () => {
  it('pages the first round, then returns only changes with @removed', async () => {
    const { access_token } = await connect();
    const first = graph.addExternalEvent({ subject: 'a', start: at(9), end: at(10) });
    const second = graph.addExternalEvent({ subject: 'b', start: at(11), end: at(12) });
    graph.addExternalEvent({ subject: 'c', start: at(13), end: at(14), showAs: 'oof' });
    graph.addExternalEvent({ subject: 'outside', start: at(9, 9), end: at(10, 9) });
    const window = 'startDateTime=2026-03-02T00:00:00Z&endDateTime=2026-03-03T00:00:00Z';
    const page1 = await fetchDelta(access_token, `/me/calendarView/delta?${window}`);
    expect(page1.value.map((e) => e.subject)).toEqual(['a', 'b']);
    expect(page1.value[0]?.start).toEqual({
      dateTime: '2026-03-02T09:00:00.0000000',
      timeZone: 'UTC',
    });
    const page2 = await fetchDelta(access_token, page1['@odata.nextLink'] ?? '');
    expect(page2.value.map((e) => [e.subject, e.showAs])).toEqual([['c', 'oof']]);
    const deltaLink = page2['@odata.deltaLink'] ?? '';
    expect(deltaLink).toContain('$deltatoken=');

    graph.deleteExternalEvent(first.id);
    graph.updateExternalEvent(second.id, { subject: 'b2' });
    const changes = await fetchDelta(access_token, deltaLink);
    expect(changes.value).toEqual([
      { '@odata.type': '#microsoft.graph.event', id: first.id, '@removed': { reason: 'deleted' } },
      expect.objectContaining({ id: second.id, subject: 'b2' }),
    ]);
    const quiet = await fetchDelta(access_token, changes['@odata.deltaLink'] ?? '');
    expect(quiet.value).toEqual([]);
  });

  it('answers 410 SyncStateNotFound after invalidateDeltaTokens', async () => {
    const { access_token } = await connect();
    const window = 'startDateTime=2026-03-02T00:00:00Z&endDateTime=2026-03-03T00:00:00Z';
    const round = await fetchDelta(access_token, `/me/calendarView/delta?${window}`);
    graph.invalidateDeltaTokens();
    const stale = await callGraph(access_token, round['@odata.deltaLink'] ?? '');
    expect(stale.status).toBe(410);
    expect(await stale.json()).toMatchObject({ error: { code: 'SyncStateNotFound' } });
  });
});

type Receiver = {
  url: string;
  notifications: unknown[];
  close(): Promise<void>;
};

/** A notification endpoint; `answer` decides how it replies to Graph's validation request. */
async function startReceiver(
  answer: (token: string, res: ServerResponse) => void,
): Promise<Receiver> {
  const notifications: unknown[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const token = new URL(req.url ?? '/', 'http://x').searchParams.get('validationToken');
      if (token !== null) return answer(token, res);
      notifications.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(202).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const receiver: Receiver = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/outlook`,
    notifications,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
  receivers.push(receiver);
  return receiver;
}

const echoToken = (token: string, res: ServerResponse) =>
  res.writeHead(200, { 'content-type': 'text/plain' }).end(token);

function subscribe(accessToken: string, notificationUrl: string, expirationDateTime: string) {
  return callGraph(accessToken, '/subscriptions', {
    method: 'POST',
    body: {
      changeType: 'created,updated,deleted',
      notificationUrl,
      resource: 'me/events',
      expirationDateTime,
      clientState: 'client-state-secret',
    },
  });
}

describe('subscriptions', () => {
  it('validates the endpoint, notifies with clientState, renews and deletes', async () => {
    const { access_token } = await connect();
    const receiver = await startReceiver(echoToken);
    const created = await subscribe(access_token, receiver.url, '2026-03-04T08:00:00Z');
    expect(created.status).toBe(201);
    const subscription = (await created.json()) as { id: string; expirationDateTime: string };
    expect(subscription).toMatchObject({
      resource: 'me/events',
      changeType: 'created,updated,deleted',
      clientState: 'client-state-secret',
      notificationUrl: receiver.url,
    });
    const { id: eventId } = graph.addExternalEvent({ start: at(9), end: at(10) });
    expect(
      await graph.notify(subscription.id, { changeType: 'created', resourceId: eventId }),
    ).toBe(202);
    expect(await graph.notify(subscription.id, undefined, 'forged')).toBe(202);
    expect(receiver.notifications).toEqual([
      {
        value: [
          expect.objectContaining({
            subscriptionId: subscription.id,
            changeType: 'created',
            clientState: 'client-state-secret',
            resource: `Users/${graph.userId}/Events/${eventId}`,
            resourceData: expect.objectContaining({ id: eventId }),
            tenantId: graph.tenantId,
          }),
        ],
      },
      { value: [expect.objectContaining({ changeType: 'updated', clientState: 'forged' })] },
    ]);
    now = new Date('2026-03-03T08:00:00Z');
    const renewed = await callGraph(access_token, `/subscriptions/${subscription.id}`, {
      method: 'PATCH',
      body: { expirationDateTime: '2026-03-05T08:00:00Z' },
    });
    expect(renewed.status).toBe(200);
    expect(await renewed.json()).toMatchObject({
      expirationDateTime: '2026-03-05T08:00:00.0000000Z',
    });
    const removed = await callGraph(access_token, `/subscriptions/${subscription.id}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);
    expect(graph.subscriptions()).toEqual([]);
  });

  it('fails creation with 400 ValidationError when the endpoint answers wrongly', async () => {
    const { access_token } = await connect();
    const receiver = await startReceiver((token, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token })),
    );
    const created = await subscribe(access_token, receiver.url, '2026-03-04T08:00:00Z');
    expect(created.status).toBe(400);
    expect(await created.json()).toMatchObject({ error: { code: 'ValidationError' } });
    expect(graph.subscriptions()).toEqual([]);
  });

  it('sends the decoded token to the endpoint and rejects expiry beyond 4230 minutes', async () => {
    const { access_token } = await connect();
    const tokens: string[] = [];
    const receiver = await startReceiver((token, res) => {
      tokens.push(token);
      echoToken(token, res);
    });
    const tooLong = await subscribe(access_token, receiver.url, '2026-03-05T06:31:00Z');
    expect(tooLong.status).toBe(400);
    expect(tokens).toEqual([]);
    const longest = await subscribe(access_token, receiver.url, '2026-03-05T06:30:00Z');
    expect(longest.status).toBe(201);
    expect(tokens).toEqual([expect.stringMatching(/^Validation: Testing client application/)]);
  });
});
