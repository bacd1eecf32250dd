// Writing appointments to Outlook through the fake Graph, and keeping the access token fresh.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CalendarAuthError,
  CalendarUnavailableError,
  type OAuthTokens,
  type OutboundEvent,
} from '../../../src/calendars/calendar-client.ts';
import { createOutlookCalendar } from '../../../src/calendars/outlook/outlook-calendar.ts';
import type { FakeGraph } from '../../fakes/graph-api.ts';
import {
  bindCalendar,
  type Clock,
  connectOutlook,
  startClockedGraph,
} from './outlook-connection.ts';

const clock: Clock = { now: new Date('2026-12-01T09:00:00Z') };
let graph: FakeGraph;
let tokens: OAuthTokens;

const appointment: OutboundEvent = {
  appointmentId: 'appt-1',
  summary: 'Massage with Sam Client',
  description: 'Booked via Slotline',
  start: new Date('2026-12-03T10:00:00Z'),
  end: new Date('2026-12-03T11:00:00Z'),
  timezone: 'Europe/Berlin',
  meetingLink: 'https://meet.example/abc',
  requestMeeting: false,
};

beforeEach(async () => {
  clock.now = new Date('2026-12-01T09:00:00Z');
  graph = await startClockedGraph(clock);
  tokens = await connectOutlook(graph, clock);
});

afterEach(() => graph.close());

describe('createEvent / updateEvent / deleteEvent', () => {
  it('creates a busy UTC event marked as Slotline, with the meeting link', async () => {
    const { calendar } = bindCalendar(graph, clock, tokens);
    expect(calendar.kind).toBe('OUTLOOK');
    const created = await calendar.createEvent(appointment);
    expect(created.meetingLink).toBeNull();
    const [event] = graph.events();
    expect(event?.id).toBe(created.externalEventId);
    expect(event).toMatchObject({
      subject: 'Massage with Sam Client',
      showAs: 'busy',
      transactionId: 'slotline-appt-1',
      categories: ['Slotline'],
      location: { displayName: 'https://meet.example/abc' },
      start: { dateTime: '2026-12-03T10:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-12-03T11:00:00.0000000', timeZone: 'UTC' },
    });
    expect(event?.body.content).toContain('Booked via Slotline');
    expect(event?.body.content).toContain('https://meet.example/abc');
  });

  it('gives the same event back when a create is retried', async () => {
    const { calendar } = bindCalendar(graph, clock, tokens);
    const first = await calendar.createEvent(appointment);
    const again = await calendar.createEvent(appointment);
    expect(again.externalEventId).toBe(first.externalEventId);
    expect(graph.events()).toHaveLength(1);
  });

  it('moves and renames the event, then deletes it, and a second delete succeeds', async () => {
    const { calendar } = bindCalendar(graph, clock, tokens);
    const { externalEventId } = await calendar.createEvent(appointment);
    await calendar.updateEvent(externalEventId, {
      ...appointment,
      summary: 'Massage (moved)',
      start: new Date('2026-12-04T15:30:00Z'),
      end: new Date('2026-12-04T16:30:00Z'),
      meetingLink: null,
    });
    expect(graph.events()[0]).toMatchObject({
      subject: 'Massage (moved)',
      start: { dateTime: '2026-12-04T15:30:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-12-04T16:30:00.0000000', timeZone: 'UTC' },
      location: { displayName: '' },
      body: { contentType: 'text', content: 'Booked via Slotline' },
    });
    await calendar.deleteEvent(externalEventId);
    expect(graph.events()).toEqual([]);
    await expect(calendar.deleteEvent(externalEventId)).resolves.toBeUndefined();
  });

  it('maps a 503 to CalendarUnavailableError', async () => {
    const { calendar } = bindCalendar(graph, clock, tokens);
    graph.failNext('/graph/v1.0/me/events', 503);
    await expect(calendar.createEvent(appointment)).rejects.toBeInstanceOf(
      CalendarUnavailableError,
    );
  });
});

describe('access token refresh', () => {
  it('refreshes after a 401, saves the rotated tokens first, then succeeds', async () => {
    const { calendar, saved } = bindCalendar(graph, clock, tokens);
    graph.expireAccessTokens();
    await calendar.createEvent(appointment);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.refreshToken).not.toBe(tokens.refreshToken);
    expect(saved[0]?.refreshToken).toMatch(/^M\.C5_BAY/);
    expect(saved[0]?.accessToken).not.toBe(tokens.accessToken);
    expect(graph.events()).toHaveLength(1);
    const posts = graph.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/me/events'));
    expect(posts.map((c) => c.status)).toEqual([401, 201]);
  });

  it('calls saveTokens before the retried request goes out', async () => {
    const order: string[] = [];
    const calendar = createOutlookCalendar({
      graphUrl: graph.graphUrl,
      loginUrl: graph.loginUrl,
      tenant: 'common',
      clientId: 'slotline-app',
      clientSecret: 'app-secret',
      tokens,
      saveTokens: async () => {
        order.push(`save after ${graph.calls.length} calls`);
      },
      now: () => clock.now,
    });
    graph.expireAccessTokens();
    const before = graph.calls.length;
    await calendar.deleteEvent('gone');
    // Calls: DELETE (401), token refresh; the save comes before the retried DELETE.
    expect(order).toEqual([`save after ${before + 2} calls`]);
    expect(graph.calls.slice(-3).map((c) => `${c.method} ${c.status}`)).toEqual([
      'DELETE 401',
      'POST 200',
      'DELETE 404',
    ]);
  });

  it('refreshes before the request when the token is within a minute of expiry', async () => {
    const { calendar, saved } = bindCalendar(graph, clock, tokens);
    clock.now = new Date((tokens.expiresAt?.getTime() ?? 0) - 30_000);
    await calendar.createEvent(appointment);
    expect(saved).toHaveLength(1);
    const graphCalls = graph.calls.filter((c) => c.path.startsWith('/graph/'));
    expect(graphCalls.map((c) => c.status)).toEqual([201]);
  });

  it('throws CalendarAuthError when the refresh token is revoked', async () => {
    const { calendar, saved } = bindCalendar(graph, clock, tokens);
    graph.expireAccessTokens();
    graph.revokeRefreshTokens();
    const error = await calendar.createEvent(appointment).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CalendarAuthError);
    expect(JSON.stringify(String(error))).not.toContain(tokens.refreshToken ?? '-');
    expect(saved).toEqual([]);
  });

  it('shares one refresh between concurrent requests that hit a 401', async () => {
    const { calendar, saved } = bindCalendar(graph, clock, tokens);
    graph.expireAccessTokens();
    await Promise.all(['a', 'b', 'c'].map((id) => calendar.deleteEvent(id)));
    expect(saved).toHaveLength(1);
    expect(graph.calls.filter((c) => c.path.endsWith('/token'))).toHaveLength(2);
  });

  it('maps a 403 (consent withdrawn) to CalendarAuthError', async () => {
    const { calendar } = bindCalendar(graph, clock, tokens);
    graph.failNext('/graph/v1.0/me/events', 403);
    await expect(calendar.createEvent(appointment)).rejects.toBeInstanceOf(CalendarAuthError);
  });

  it('throws CalendarAuthError when there is no refresh token to use', async () => {
    const { calendar } = bindCalendar(graph, clock, { ...tokens, refreshToken: null });
    graph.expireAccessTokens();
    await expect(calendar.deleteEvent('x')).rejects.toBeInstanceOf(CalendarAuthError);
  });
});
