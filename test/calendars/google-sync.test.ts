// Google Calendar end to end: connect, push bookings, and busy events blocking slots within seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSecret } from '../../src/calendars/secret-box.ts';
import { addService } from '../support/fixtures.ts';
import {
  at,
  book as bookAt,
  dayAhead,
  storedEventId as eventIdOf,
  PROVIDER_CHAT,
  slotStarts as slotsOf,
  syncRows,
  waitFor,
} from './calendar-sync-harness.ts';
import {
  connectGoogle,
  type GoogleSyncHarness,
  startGoogleSyncHarness,
} from './google-sync-harness.ts';

let h: GoogleSyncHarness;
beforeAll(async () => {
  h = await startGoogleSyncHarness();
});
afterAll(() => h.close());

const DAY = 86_400_000;
const slotStarts = (date: string) => slotsOf(h, date);
const syncRow = async () => (await syncRows(h))[0];
const book = (start: string) => bookAt(h, start);
const storedEventId = (appointmentId: string) => eventIdOf(h, appointmentId);
const channel = () => h.google.channels()[0];
const listCalls = () =>
  h.google.calls.filter((c) => c.method === 'GET' && c.path.endsWith('/events')).length;

const ours = (appointmentId: string) =>
  h.google
    .events('primary')
    .find((e) => e.extendedProperties?.private?.slotlineAppointmentId === appointmentId);

describe('Google Calendar sync', () => {
  it('connects through consent, seals the tokens and opens a push channel', async () => {
    const done = await connectGoogle(h);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Google Calendar connected');
    const consent = h.google.consents[0];
    expect(consent).toMatchObject({ access_type: 'offline', prompt: 'consent' });
    expect(consent?.scope).toContain('https://www.googleapis.com/auth/calendar.events');
    await waitFor(
      async () => h.google.channels().length === 1 && (await syncRow())?.last_synced_at != null,
    );
    expect(channel()?.address).toBe(`${h.baseUrl}/webhooks/google/calendar`);
    const dump = JSON.stringify((await h.db.pool.query('select * from calendar_syncs')).rows);
    for (const token of [...h.google.issuedAccessTokens, ...h.google.issuedRefreshTokens]) {
      expect(dump).not.toContain(token);
    }
    expect(dump).not.toContain(channel()?.token ?? 'no-token');
  });

  it('refuses a state used twice, a tampered one and a denied consent', async () => {
    const linked = await h.call(
      'POST',
      `/api/providers/${h.fixture.providerId}/calendar/google/connect`,
    );
    const { url } = (await linked.json()) as { url: string };
    const state = new URL(url).searchParams.get('state') ?? '';
    const tampered = await fetch(`${h.baseUrl}/oauth/google/start?state=${state.slice(0, -2)}xx`, {
      redirect: 'manual',
    });
    expect(tampered.status).toBe(400);
    h.google.denyNextConsent();
    const start = await fetch(url, { redirect: 'manual' });
    const consent = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
    const denied = await fetch(consent.headers.get('location') ?? '', { redirect: 'manual' });
    expect(denied.status).toBe(403);
    const again = await fetch(consent.headers.get('location') ?? '', { redirect: 'manual' });
    expect(again.status).toBe(409);
    // The working connection from the first test is untouched.
    expect((await syncRow())?.status).toBe('ACTIVE');
  });

  it('inserts a confirmed booking, patches it on reschedule and deletes it on cancel', async () => {
    const date = dayAhead(5);
    const id = await book(at(date, 10));
    // The id is stored when the push job's transaction commits, just after Google answered.
    await waitFor(async () => ours(id) !== undefined && (await storedEventId(id)) !== null);
    expect(ours(id)?.start?.dateTime).toBe(new Date(at(date, 10)).toISOString());
    expect(await storedEventId(id)).toBe(ours(id)?.id);
    const moved = await h.call('POST', `/api/appointments/${id}/reschedule`, {
      start_time: at(date, 13),
    });
    expect(moved.status).toBe(200);
    await waitFor(() => ours(id)?.start?.dateTime === new Date(at(date, 13)).toISOString());
    const cancelled = await h.call('POST', `/api/appointments/${id}/cancel`, { by: 'client' });
    expect(cancelled.status).toBe(200);
    await waitFor(() => ours(id)?.status === 'cancelled');
  });

  it('gives a virtual appointment a Google Meet link, stored and mailed', async () => {
    const serviceId = await addService(h.db.db, h.fixture.providerId, {
      name: 'Video call',
      isVirtual: true,
    });
    await h.db.pool.query("update clients set email = 'client@example.test' where id = $1", [
      h.fixture.clientId,
    ]);
    const date = dayAhead(7);
    const res = await h.call(
      'POST',
      '/api/appointments',
      {
        provider_id: h.fixture.providerId,
        service_id: serviceId,
        client_id: h.fixture.clientId,
        start_time: at(date, 10),
      },
      { 'idempotency-key': `meet-${date}` },
    );
    const id = ((await res.json()) as { id: string }).id;
    const booked = () =>
      h.mailer.to('client@example.test').find((m) => m.subject.startsWith('Booked: Video call'));
    await waitFor(() => booked() !== undefined);
    const { rows } = await h.db.pool.query('select meeting_link from appointments where id = $1', [
      id,
    ]);
    const link = rows[0]?.meeting_link as string;
    expect(link).toMatch(/^https:\/\/meet\.google\.com\//);
    expect(ours(id)?.hangoutLink).toBe(link);
    expect(booked()?.text).toContain(`Join: ${link}`);
    expect(
      h.google
        .events('primary')
        .filter((e) => e.extendedProperties?.private?.slotlineAppointmentId === id),
    ).toHaveLength(1);
  });

  it('blocks a slot after a push notification and frees it when the event is deleted', async () => {
    const date = dayAhead(6);
    const slot = new Date(at(date, 11)).toISOString();
    expect(await slotStarts(date)).toContain(slot);
    const event = h.google.addExternalEvent('primary', {
      summary: 'Dentist',
      start: { dateTime: at(date, 11) },
      end: { dateTime: at(date, 12) },
    });
    expect(await h.google.notify(channel()?.id ?? '')).toBe(200);
    await waitFor(async () => !(await slotStarts(date)).includes(slot));
    const free = h.google.addExternalEvent('primary', {
      summary: 'Free time',
      transparency: 'transparent',
      start: { dateTime: at(date, 14) },
      end: { dateTime: at(date, 15) },
    });
    h.google.deleteExternalEvent('primary', event.id);
    expect(await h.google.notify(channel()?.id ?? '')).toBe(200);
    await waitFor(async () => (await slotStarts(date)).includes(slot));
    expect(await slotStarts(date)).toContain(new Date(at(date, 14)).toISOString());
    expect(free.id).toBeTruthy();
  });

  it('blocks each local day of an all-day event', async () => {
    const first = dayAhead(8);
    const second = dayAhead(9);
    h.google.addExternalEvent('primary', {
      summary: 'Conference',
      start: { date: first },
      end: { date: dayAhead(10) },
    });
    await h.google.notify(channel()?.id ?? '');
    await waitFor(
      async () => (await slotStarts(first)).length === 0 && (await slotStarts(second)).length === 0,
    );
    expect((await slotStarts(dayAhead(10))).length).toBeGreaterThan(0);
  });

  it('falls back to a full resync when Google answers 410', async () => {
    const date = dayAhead(11);
    const slot = new Date(at(date, 9)).toISOString();
    h.google.invalidateSyncTokens();
    h.google.addExternalEvent('primary', {
      start: { dateTime: at(date, 9) },
      end: { dateTime: at(date, 10) },
    });
    const fullBefore = h.google.calls.filter(
      (c) => c.path.endsWith('/events') && c.query.timeMin,
    ).length;
    await h.google.notify(channel()?.id ?? '');
    await waitFor(async () => !(await slotStarts(date)).includes(slot));
    expect(h.google.calls.some((c) => c.status === 410)).toBe(true);
    const fullAfter = h.google.calls.filter(
      (c) => c.path.endsWith('/events') && c.query.timeMin,
    ).length;
    expect(fullAfter).toBeGreaterThan(fullBefore);
  });

  it('pulls everything again once the last full pull is a week old', async () => {
    const full = () => h.google.calls.filter((c) => c.path.endsWith('/events') && c.query.timeMin);
    const before = full().length;
    await h.google.notify(channel()?.id ?? '');
    await waitFor(async () => (await syncRow())?.last_synced_at != null);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(full()).toHaveLength(before);
    await h.db.pool.query("update calendar_syncs set full_synced_at = now() - interval '8 days'");
    await h.google.notify(channel()?.id ?? '');
    await waitFor(() => full().length > before);
    await waitFor(async () => {
      const stamped = (await syncRow())?.full_synced_at as Date | undefined;
      return (stamped?.getTime() ?? 0) > Date.now() - 60_000;
    });
  });

  it('ignores forged notifications: wrong token or unknown channel', async () => {
    const before = listCalls();
    const post = (headers: Record<string, string>) =>
      fetch(`${h.baseUrl}/webhooks/google/calendar`, { method: 'POST', headers });
    const wrongToken = await post({
      'x-goog-channel-id': channel()?.id ?? '',
      'x-goog-channel-token': 'not-the-token',
      'x-goog-resource-state': 'exists',
    });
    const unknown = await post({
      'x-goog-channel-id': 'nope',
      'x-goog-channel-token': channel()?.token ?? '',
    });
    const bare = await post({});
    expect([wrongToken.status, unknown.status, bare.status]).toEqual([404, 404, 404]);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(listCalls()).toBe(before);
  });

  it('tells the provider when an external event lands on a booked appointment, cancelling nothing', async () => {
    const date = dayAhead(12);
    const id = await book(at(date, 15));
    await waitFor(() => ours(id) !== undefined);
    h.google.addExternalEvent('primary', {
      summary: 'Clash',
      start: { dateTime: at(date, 15) },
      end: { dateTime: at(date, 16) },
    });
    await h.google.notify(channel()?.id ?? '');
    const heads = () =>
      h.messenger.sent.filter(
        (s) => s.to.platformUserId === PROVIDER_CHAT && s.message.text.startsWith('Heads-up'),
      );
    await waitFor(() => heads().length > 0);
    expect(heads()).toHaveLength(1);
    const { rows } = await h.db.pool.query('select status from appointments where id = $1', [id]);
    expect(rows[0]?.status).toBe('CONFIRMED');
  });

  it('replaces a push channel that expires within a day, stopping the old one', async () => {
    const old = channel();
    await h.db.pool.query(
      "update calendar_syncs set channel_expires_at = now() + interval '2 hours'",
    );
    expect(await h.google.notify(old?.id ?? '')).toBe(200);
    await waitFor(() => h.google.channels().length === 1 && channel()?.id !== old?.id);
    const row = await syncRow();
    expect(row?.channel_id).toBe(channel()?.id);
    const expires = row?.channel_expires_at as Date | undefined;
    expect(expires?.getTime()).toBeGreaterThan(Date.now() + 6 * DAY);
    // The old channel's notifications are refused now.
    const stale = await fetch(`${h.baseUrl}/webhooks/google/calendar`, {
      method: 'POST',
      headers: { 'x-goog-channel-id': old?.id ?? '', 'x-goog-channel-token': old?.token ?? '' },
    });
    expect(stale.status).toBe(404);
  });

  it('saves a refreshed access token, sealed', async () => {
    const before = h.google.issuedAccessTokens.length;
    h.google.expireAccessTokens();
    await h.google.notify(channel()?.id ?? '');
    await waitFor(() => h.google.issuedAccessTokens.length > before);
    const latest = h.google.issuedAccessTokens.at(-1) ?? '';
    await waitFor(async () => {
      const row = await syncRow();
      const sealed = String(row?.access_token_encrypted);
      return (
        openSecret(h.key, sealed, `calendar_syncs:${h.fixture.providerId}:GOOGLE:access`) === latest
      );
    });
    expect(JSON.stringify(await syncRow())).not.toContain(latest);
  });

  it('marks a revoked connection broken and tells the provider how to reconnect', async () => {
    h.google.revokeRefreshTokens();
    h.google.expireAccessTokens();
    expect(await h.google.notify(channel()?.id ?? '')).toBe(200);
    const told = () => h.messenger.sent.filter((s) => s.message.text.includes('/connect google'));
    await waitFor(async () => (await syncRow())?.status === 'BROKEN' && told().length > 0, 20_000);
    expect(told()[0]?.to.platformUserId).toBe(PROVIDER_CHAT);
  });

  it('disconnects: channel stopped, tokens deleted, blocks lifted', async () => {
    const res = await h.call('DELETE', `/api/providers/${h.fixture.providerId}/calendar`);
    expect(res.status).toBe(204);
    expect(await syncRow()).toBeUndefined();
    const { rows } = await h.db.pool.query(
      "select count(*)::int as n from availability_overrides where source = 'GOOGLE'",
    );
    expect(rows[0]?.n).toBe(0);
    expect((await h.call('GET', `/api/providers/${h.fixture.providerId}/calendar`)).status).toBe(
      404,
    );
  });
});
