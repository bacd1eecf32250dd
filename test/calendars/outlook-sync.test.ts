// Outlook (Microsoft Graph) end to end: consent, a validated subscription, pushed bookings, notified busy times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSecret } from '../../src/calendars/secret-box.ts';
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

let graph: FakeGraph;
let h: CalendarSyncHarness;
beforeAll(async () => {
  graph = await startFakeGraph({ clientId: 'ms-client', clientSecret: 'ms-secret' });
  h = await startCalendarSyncHarness({
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
    const context = `calendar_syncs:${h.fixture.providerId}:OUTLOOK`;
    const access = openSecret(h.key, String(row?.access_token_encrypted), `${context}:access`);
    const refresh = openSecret(h.key, String(row?.refresh_token_encrypted), `${context}:refresh`);
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
});
