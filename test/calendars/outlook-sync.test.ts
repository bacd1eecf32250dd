// Outlook (Microsoft Graph) end to end: consent, a validated subscription, pushed bookings, notified busy times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSecret } from '../../src/calendars/secret-box.ts';
import { type FakeCalDav, startFakeCalDav } from '../fakes/caldav-server.ts';
import { type FakeGraph, startFakeGraph } from '../fakes/graph-api.ts';
import {
  at,
  book,
  type CalendarSyncHarness,
  connectThroughConsent,
  dayAhead,
  slotStarts,
  startCalendarSyncHarness,
  storedEventId,
  syncRows,
  waitFor,
} from './calendar-sync-harness.ts';

const APPLE = { apple_id: 'provider@icloud.com', app_password: 'abcd-efgh-ijkl-mnop' };

let graph: FakeGraph;
// Only for the switch from Outlook to Apple at the end.
let caldav: FakeCalDav;
let h: CalendarSyncHarness;
beforeAll(async () => {
  graph = await startFakeGraph({ clientId: 'ms-client', clientSecret: 'ms-secret' });
  caldav = await startFakeCalDav({ username: APPLE.apple_id, password: APPLE.app_password });
  h = await startCalendarSyncHarness({
    appleCalDavUrl: caldav.url,
    outlook: {
      clientId: 'ms-client',
      clientSecret: 'ms-secret',
      tenant: 'common',
      loginUrl: graph.loginUrl,
      graphUrl: graph.graphUrl,
    },
  });
});
afterAll(async () => {
  await h?.close();
  await graph?.close();
  await caldav?.close();
});

const WEBHOOK = '/webhooks/outlook/calendar';
const subscription = () => graph.subscriptions()[0];
const ours = (appointmentId: string) =>
  graph.events().find((e) => e.transactionId === `slotline-${appointmentId}`);
const deltaCalls = (kind: '$deltatoken' | 'startDateTime') =>
  graph.calls.filter((c) => c.path.toLowerCase().endsWith('/calendarview/delta') && c.query[kind])
    .length;
/** Graph wants zone-less local times with a zone name. */
const graphTime = (date: string, hour: number) => ({
  dateTime: `${date}T${String(hour).padStart(2, '0')}:00:00`,
  timeZone: 'UTC',
});

/** The stored tokens, opened with the harness's key. */
async function sealedTokens(): Promise<{ access: string; refresh: string }> {
  const [row] = await syncRows(h);
  const context = `calendar_syncs:${h.fixture.providerId}:OUTLOOK`;
  return {
    access: openSecret(h.key, String(row?.access_token_encrypted), `${context}:access`),
    refresh: openSecret(h.key, String(row?.refresh_token_encrypted), `${context}:refresh`),
  };
}

describe('Outlook calendar sync', () => {
  it('connects through consent, seals the tokens and opens a validated subscription', async () => {
    const done = await connectThroughConsent(h, 'outlook');
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Outlook connected');
    expect(graph.consents[0]?.scopes).toEqual(
      expect.arrayContaining(['offline_access', 'Calendars.ReadWrite']),
    );
    expect(graph.consents[0]?.redirectUri).toBe(`${h.baseUrl}/oauth/outlook/callback`);
    await waitFor(
      async () => subscription() !== undefined && (await syncRows(h))[0]?.last_synced_at != null,
    );
    // The fake created it only after our webhook echoed its validation token.
    expect(subscription()?.notificationUrl).toBe(`${h.baseUrl}${WEBHOOK}`);
    expect(subscription()?.resource).toBe('me/events');
    const [row] = await syncRows(h);
    expect(row?.calendar_type).toBe('OUTLOOK');
    expect(row?.channel_id).toBe(subscription()?.id);
    const { access, refresh } = await sealedTokens();
    // The fake's token formats: the values really are what Microsoft issued.
    expect(access.startsWith('EwB')).toBe(true);
    expect(refresh.startsWith('M.C5_BAY.0.U.')).toBe(true);
    const dump = JSON.stringify(await syncRows(h));
    for (const secret of [access, refresh, subscription()?.clientState ?? 'no-client-state']) {
      expect(dump).not.toContain(secret);
    }
  });

  it('creates a confirmed booking as a Slotline event, moves it on reschedule, deletes it on cancel', async () => {
    const date = dayAhead(5);
    const id = await book(h, at(date, 10));
    await waitFor(() => ours(id) !== undefined);
    expect(ours(id)).toMatchObject({ showAs: 'busy', categories: ['Slotline'] });
    expect(ours(id)?.start).toEqual({ dateTime: `${date}T10:00:00.0000000`, timeZone: 'UTC' });
    // The object lands before the push's transaction commits the id it was given.
    await waitFor(async () => (await storedEventId(h, id)) === ours(id)?.id);
    const moved = await h.call('POST', `/api/appointments/${id}/reschedule`, {
      start_time: at(date, 13),
    });
    expect(moved.status).toBe(200);
    await waitFor(() => ours(id)?.start.dateTime === `${date}T13:00:00.0000000`);
    const cancelled = await h.call('POST', `/api/appointments/${id}/cancel`, { by: 'client' });
    expect(cancelled.status).toBe(200);
    await waitFor(() => ours(id) === undefined);
  });

  it('blocks a slot after a notification and frees it on delete, by an incremental delta', async () => {
    const date = dayAhead(6);
    const slot = at(date, 11);
    expect(await slotStarts(h, date)).toContain(slot);
    const event = graph.addExternalEvent({
      subject: 'Dentist',
      start: graphTime(date, 11),
      end: graphTime(date, 12),
    });
    const id = subscription()?.id ?? '';
    expect(await graph.notify(id, { changeType: 'created', resourceId: event.id })).toBe(202);
    await waitFor(async () => !(await slotStarts(h, date)).includes(slot));
    const fullPulls = deltaCalls('startDateTime');
    const incremental = deltaCalls('$deltatoken');
    graph.deleteExternalEvent(event.id);
    expect(await graph.notify(id, { changeType: 'deleted', resourceId: event.id })).toBe(202);
    await waitFor(async () => (await slotStarts(h, date)).includes(slot));
    // Freed by the @removed entry of a delta round, not by starting over.
    expect(deltaCalls('$deltatoken')).toBeGreaterThan(incremental);
    expect(deltaCalls('startDateTime')).toBe(fullPulls);
  });

  it('ignores a notification with the wrong clientState, still answering 202', async () => {
    const date = dayAhead(7);
    const slot = at(date, 14);
    const event = graph.addExternalEvent({
      subject: 'Forged',
      start: graphTime(date, 14),
      end: graphTime(date, 15),
    });
    const before = deltaCalls('$deltatoken') + deltaCalls('startDateTime');
    const change = { changeType: 'created', resourceId: event.id } as const;
    expect(await graph.notify(subscription()?.id ?? '', change, 'not-our-secret')).toBe(202);
    // Longer than the two-second coalescing window plus a polling round.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(deltaCalls('$deltatoken') + deltaCalls('startDateTime')).toBe(before);
    expect(await slotStarts(h, date)).toContain(slot);
  });

  it('falls back to a full pull when Graph forgets the delta token (410)', async () => {
    const date = dayAhead(9);
    const slot = at(date, 16);
    graph.invalidateDeltaTokens();
    const event = graph.addExternalEvent({ start: graphTime(date, 16), end: graphTime(date, 17) });
    const fullPulls = deltaCalls('startDateTime');
    await graph.notify(subscription()?.id ?? '', { changeType: 'created', resourceId: event.id });
    await waitFor(async () => !(await slotStarts(h, date)).includes(slot));
    expect(graph.calls.some((c) => c.status === 410)).toBe(true);
    expect(deltaCalls('startDateTime')).toBeGreaterThan(fullPulls);
  });

  it('refreshes an expired access token and saves the rotated tokens, sealed', async () => {
    const before = await sealedTokens();
    graph.expireAccessTokens();
    const refreshes = () =>
      graph.calls.filter(
        (c) =>
          c.path.endsWith('/oauth2/v2.0/token') &&
          (c.body as { grant_type?: string } | undefined)?.grant_type === 'refresh_token',
      );
    const date = dayAhead(10);
    const event = graph.addExternalEvent({ start: graphTime(date, 12), end: graphTime(date, 13) });
    await graph.notify(subscription()?.id ?? '', { changeType: 'created', resourceId: event.id });
    await waitFor(async () => !(await slotStarts(h, date)).includes(at(date, 12)));
    expect(refreshes().map((c) => c.status)).toEqual([200]);
    const after = await sealedTokens();
    // Microsoft rotates both on every refresh; the new ones must be the ones kept.
    expect(after.access).not.toBe(before.access);
    expect(after.refresh).not.toBe(before.refresh);
    expect(after.access.startsWith('EwB')).toBe(true);
    const dump = JSON.stringify(await syncRows(h));
    expect(dump).not.toContain(after.access);
    expect(dump).not.toContain(after.refresh);
  });

  it('disconnects: subscription deleted, tokens gone, blocks lifted', async () => {
    const date = dayAhead(8);
    const slot = at(date, 9);
    const event = graph.addExternalEvent({
      subject: 'Busy',
      start: graphTime(date, 9),
      end: graphTime(date, 10),
    });
    await graph.notify(subscription()?.id ?? '', { changeType: 'created', resourceId: event.id });
    await waitFor(async () => !(await slotStarts(h, date)).includes(slot));
    const res = await h.call('DELETE', `/api/providers/${h.fixture.providerId}/calendar`);
    expect(res.status).toBe(204);
    expect(graph.subscriptions()).toHaveLength(0);
    expect(await syncRows(h)).toHaveLength(0);
    expect(await slotStarts(h, date)).toContain(slot);
  });

  it("echoes Graph's validation token as plain text", async () => {
    const res = await fetch(`${h.baseUrl}${WEBHOOK}?validationToken=abc`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type') ?? '').toMatch(/^text\/plain/);
    expect(await res.text()).toBe('abc');
  });

  describe('switching from Outlook to Apple', () => {
    const date = dayAhead(12);
    const slot = at(date, 10);

    let booked = '';

    it('closes the subscription and connects Apple instead', async () => {
      expect((await connectThroughConsent(h, 'outlook')).status).toBe(200);
      booked = await book(h, at(date, 14));
      await waitFor(async () => (await storedEventId(h, booked)) === (ours(booked)?.id ?? 'none'));
      await waitFor(
        async () => subscription() !== undefined && (await syncRows(h))[0]?.last_synced_at != null,
      );
      const event = graph.addExternalEvent({
        start: graphTime(date, 10),
        end: graphTime(date, 11),
      });
      await graph.notify(subscription()?.id ?? '', { changeType: 'created', resourceId: event.id });
      await waitFor(async () => !(await slotStarts(h, date)).includes(slot));
      const res = await h.call(
        'POST',
        `/api/providers/${h.fixture.providerId}/calendar/apple`,
        APPLE,
      );
      expect(res.status).toBe(201);
      expect(graph.subscriptions()).toHaveLength(0);
      await waitFor(async () => (await syncRows(h))[0]?.last_synced_at != null);
      expect((await syncRows(h)).map((r) => r.calendar_type)).toEqual(['APPLE']);
    });

    // No sync of the Outlook source runs again, so its blocks must go with the switch.
    it('lifts the blocks the Outlook calendar made', async () => {
      expect(await slotStarts(h, date)).toContain(slot);
    });

    it('pushes a booking rescheduled after the switch to the Apple calendar', async () => {
      const moved = await h.call('POST', `/api/appointments/${booked}/reschedule`, {
        start_time: at(date, 15),
      });
      expect(moved.status).toBe(200);
      await waitFor(() => caldav.calls.some((c) => c.method === 'PUT'));
    });

    // The Outlook event id belongs to the old calendar: the switch forgets it, so the booking is
    // created on the new one (already when connecting, as an upcoming booking) rather than PUT
    // under a foreign name.
    it('stores the rescheduled booking as <id>@slotline in iCloud', async () => {
      await waitFor(() => caldav.objects().some((o) => o.uid === `${booked}@slotline`));
      expect(caldav.objects().filter((o) => o.uid === `${booked}@slotline`)).toHaveLength(1);
    });
  });
});
