// Test helper: connects Slotline to the fake Graph the way a provider would, and binds a client.
import { expect } from 'vitest';
import type { OAuthTokens } from '../../../src/calendars/calendar-client.ts';
import {
  createOutlookCalendar,
  type OutlookCalendar,
} from '../../../src/calendars/outlook/outlook-calendar.ts';
import {
  exchangeOutlookCode,
  outlookAuthUrl,
} from '../../../src/calendars/outlook/outlook-oauth.ts';
import { type FakeGraph, startFakeGraph } from '../../fakes/graph-api.ts';

export const app = { clientId: 'slotline-app', clientSecret: 'app-secret', tenant: 'common' };
export const redirectUri = 'http://127.0.0.1:9/calendars/outlook/callback';

export type Clock = { now: Date };

export function startClockedGraph(clock: Clock): Promise<FakeGraph> {
  return startFakeGraph({
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    now: () => clock.now,
    validationTimeoutMs: 2_000,
  });
}

/** Follows the consent redirect and answers the code it carries. */
export async function consentCode(graph: FakeGraph, state: string): Promise<URL> {
  const url = outlookAuthUrl({ loginUrl: graph.loginUrl, redirectUri, state, ...app });
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

export async function connectOutlook(graph: FakeGraph, clock: Clock): Promise<OAuthTokens> {
  const code = (await consentCode(graph, 'state-1')).searchParams.get('code') ?? '';
  return exchangeOutlookCode({
    loginUrl: graph.loginUrl,
    redirectUri,
    code,
    now: clock.now,
    ...app,
  });
}

export type Bound = { calendar: OutlookCalendar; saved: OAuthTokens[] };

export function bindCalendar(graph: FakeGraph, clock: Clock, tokens: OAuthTokens): Bound {
  const saved: OAuthTokens[] = [];
  const calendar = createOutlookCalendar({
    graphUrl: graph.graphUrl,
    loginUrl: graph.loginUrl,
    tokens,
    saveTokens: async (fresh) => {
      saved.push(fresh);
    },
    now: () => clock.now,
    ...app,
  });
  return { calendar, saved };
}
