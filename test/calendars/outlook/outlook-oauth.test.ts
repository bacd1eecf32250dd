// Connecting an Outlook calendar: consent URL, code exchange and token refresh against the fake.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CalendarAuthError,
  CalendarUnavailableError,
} from '../../../src/calendars/calendar-client.ts';
import {
  exchangeOutlookCode,
  outlookAuthUrl,
  refreshOutlookTokens,
} from '../../../src/calendars/outlook/outlook-oauth.ts';
import type { FakeGraph } from '../../fakes/graph-api.ts';
import {
  app,
  type Clock,
  connectOutlook,
  consentCode,
  redirectUri,
  startClockedGraph,
} from './outlook-connection.ts';

const clock: Clock = { now: new Date('2026-12-01T09:00:00Z') };
let graph: FakeGraph;

beforeEach(async () => {
  clock.now = new Date('2026-12-01T09:00:00Z');
  graph = await startClockedGraph(clock);
});

afterEach(() => graph.close());

describe('outlookAuthUrl', () => {
  it('asks for a code with offline access and calendar read/write, carrying state', () => {
    const url = new URL(
      outlookAuthUrl({ loginUrl: 'https://login.example', redirectUri, state: 's+/=', ...app }),
    );
    expect(url.origin + url.pathname).toBe('https://login.example/common/oauth2/v2.0/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: app.clientId,
      response_type: 'code',
      redirect_uri: redirectUri,
      response_mode: 'query',
      scope: 'offline_access Calendars.ReadWrite',
      state: 's+/=',
    });
  });
});

describe('connect flow', () => {
  it('turns the consent redirect into tokens that expire an hour from now', async () => {
    const back = await consentCode(graph, 'state-42');
    expect(back.searchParams.get('state')).toBe('state-42');
    expect(graph.consents[0]?.scopes).toEqual(['offline_access', 'Calendars.ReadWrite']);
    const tokens = await exchangeOutlookCode({
      loginUrl: graph.loginUrl,
      redirectUri,
      code: back.searchParams.get('code') ?? '',
      now: clock.now,
      ...app,
    });
    expect(tokens.accessToken).toMatch(/^EwB/);
    expect(tokens.refreshToken).toMatch(/^M\.C5_BAY/);
    expect(tokens.expiresAt).toEqual(new Date('2026-12-01T09:59:59Z'));
  });

  it('refuses a code used twice with CalendarAuthError, without echoing the code', async () => {
    const code = (await consentCode(graph, 's')).searchParams.get('code') ?? '';
    const exchange = () =>
      exchangeOutlookCode({ loginUrl: graph.loginUrl, redirectUri, code, now: clock.now, ...app });
    await exchange();
    const error = await exchange().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CalendarAuthError);
    expect((error as Error).message).toContain('invalid_grant');
    expect((error as Error).message).not.toContain(code);
  });

  it('refuses a wrong client secret with CalendarAuthError', async () => {
    const code = (await consentCode(graph, 's')).searchParams.get('code') ?? '';
    await expect(
      exchangeOutlookCode({
        loginUrl: graph.loginUrl,
        redirectUri,
        code,
        now: clock.now,
        ...app,
        clientSecret: 'wrong',
      }),
    ).rejects.toBeInstanceOf(CalendarAuthError);
  });
});

describe('refreshOutlookTokens', () => {
  const refresh = (refreshToken: string) =>
    refreshOutlookTokens({ loginUrl: graph.loginUrl, refreshToken, now: clock.now, ...app });

  it('keeps the rotated refresh token', async () => {
    const first = await connectOutlook(graph, clock);
    clock.now = new Date('2026-12-01T11:00:00Z');
    const next = await refresh(first.refreshToken ?? '');
    expect(next.refreshToken).not.toBeNull();
    expect(next.refreshToken).not.toBe(first.refreshToken);
    expect(next.accessToken).not.toBe(first.accessToken);
    expect(next.expiresAt).toEqual(new Date('2026-12-01T11:59:59Z'));
  });

  it('keeps the old refresh token when the answer has none', async () => {
    const fakeFetch: typeof fetch = async () =>
      Response.json({ access_token: 'a2', expires_in: 60, token_type: 'Bearer' });
    const next = await refreshOutlookTokens({
      loginUrl: 'https://login.example',
      refreshToken: 'old-refresh',
      now: clock.now,
      fetch: fakeFetch,
      ...app,
    });
    expect(next).toEqual({
      accessToken: 'a2',
      refreshToken: 'old-refresh',
      expiresAt: new Date('2026-12-01T09:01:00Z'),
    });
  });

  it('answers a revoked grant with CalendarAuthError', async () => {
    const tokens = await connectOutlook(graph, clock);
    graph.revokeRefreshTokens();
    await expect(refresh(tokens.refreshToken ?? '')).rejects.toBeInstanceOf(CalendarAuthError);
  });

  it('answers a 503 with CalendarUnavailableError', async () => {
    const tokens = await connectOutlook(graph, clock);
    graph.failNext('/login/', 503);
    await expect(refresh(tokens.refreshToken ?? '')).rejects.toBeInstanceOf(
      CalendarUnavailableError,
    );
  });

  it('answers an unreachable server with CalendarUnavailableError', async () => {
    const loginUrl = graph.loginUrl;
    await graph.close();
    graph = await startClockedGraph(clock);
    const error = await refreshOutlookTokens({
      loginUrl,
      refreshToken: 'r',
      now: clock.now,
      ...app,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CalendarUnavailableError);
  });
});
