// Apple (iCloud CalDAV) end to end: app-password connect, pushed bookings, busy times picked up by a poll.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSecret } from '../../src/calendars/secret-box.ts';
import { type FakeCalDav, startFakeCalDav } from '../fakes/caldav-server.ts';
import {
  at,
  book,
  type CalendarSyncHarness,
  dayAhead,
  slotStarts,
  startCalendarSyncHarness,
  storedEventId,
  syncRows,
  waitFor,
} from './calendar-sync-harness.ts';

const APPLE_ID = 'provider@icloud.com';
const APP_PASSWORD = 'abcd-efgh-ijkl-mnop';

let caldav: FakeCalDav;
let h: CalendarSyncHarness;
beforeAll(async () => {
  caldav = await startFakeCalDav({ username: APPLE_ID, password: APP_PASSWORD });
  h = await startCalendarSyncHarness({ appleCalDavUrl: caldav.url });
});
afterAll(async () => {
  await h?.close();
  await caldav?.close();
});

const connect = (providerId: string, password: string) =>
  h.call('POST', `/api/providers/${providerId}/calendar/apple`, {
    apple_id: APPLE_ID,
    app_password: password,
  });
const ours = (appointmentId: string) =>
  caldav.objects().find((o) => o.uid === `${appointmentId}@slotline`);
const reports = () => caldav.calls.filter((c) => c.method === 'REPORT').length;

/** Queues the poll the five-minute sweep would, and waits until it has read the calendar. */
async function poll(): Promise<void> {
  const [row] = await syncRows(h);
  const before = reports();
  await h.requestSync(String(row?.id));
  await waitFor(() => reports() > before);
}

describe('Apple calendar sync', () => {
  it('refuses a wrong app password and an unknown provider', async () => {
    const refused = await connect(h.fixture.providerId, 'wrong-password-123');
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { code: 'CREDENTIALS_REFUSED' } });
    const unknown = await connect(randomUUID(), APP_PASSWORD);
    expect(unknown.status).toBe(404);
    expect(await syncRows(h)).toHaveLength(0);
  });

  it('connects with an app-specific password, stored sealed, and polls once', async () => {
    const res = await connect(h.fixture.providerId, APP_PASSWORD);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ kind: 'APPLE', status: 'ACTIVE', account: APPLE_ID });
    await waitFor(async () => (await syncRows(h))[0]?.last_synced_at != null);
    const [row] = await syncRows(h);
    expect(row?.external_calendar_id).toBe(caldav.calendarUrl());
    const context = `calendar_syncs:${h.fixture.providerId}:APPLE:password`;
    expect(openSecret(h.key, String(row?.password_encrypted), context)).toBe(APP_PASSWORD);
    expect(JSON.stringify(await syncRows(h))).not.toContain(APP_PASSWORD);
  });

  it('stores a confirmed booking as <id>@slotline, replaces it on reschedule, deletes it on cancel', async () => {
    const date = dayAhead(5);
    const id = await book(h, at(date, 10));
    await waitFor(() => ours(id) !== undefined);
    expect(ours(id)?.calendarId).toBe('home');
    expect(ours(id)?.ics).toContain(`DTSTART:${date.replaceAll('-', '')}T100000Z`);
    // The object lands before the push's transaction commits the id it was given.
    await waitFor(async () => (await storedEventId(h, id)) === ours(id)?.filename);
    const moved = await h.call('POST', `/api/appointments/${id}/reschedule`, {
      start_time: at(date, 13),
    });
    expect(moved.status).toBe(200);
    await waitFor(
      () => ours(id)?.ics.includes(`DTSTART:${date.replaceAll('-', '')}T130000Z`) === true,
    );
    expect(caldav.objects().filter((o) => o.uid === `${id}@slotline`)).toHaveLength(1);
    const cancelled = await h.call('POST', `/api/appointments/${id}/cancel`, { by: 'client' });
    expect(cancelled.status).toBe(200);
    await waitFor(() => ours(id) === undefined);
  });

  it('blocks a slot after a poll sees a busy event and frees it once the event is gone', async () => {
    const date = dayAhead(6);
    const slot = at(date, 11);
    expect(await slotStarts(h, date)).toContain(slot);
    caldav.putExternalEvent({
      uid: 'dentist-1@icloud',
      summary: 'Dentist',
      start: new Date(at(date, 11)),
      end: new Date(at(date, 12)),
    });
    // Nothing pushes from iCloud: the slot stays open until the next poll.
    expect(await slotStarts(h, date)).toContain(slot);
    await poll();
    await waitFor(async () => !(await slotStarts(h, date)).includes(slot));
    expect(caldav.deleteExternalEvent('dentist-1@icloud')).toBe(true);
    await poll();
    await waitFor(async () => (await slotStarts(h, date)).includes(slot));
  });

  it('leaves free and cancelled events open', async () => {
    const date = dayAhead(7);
    caldav.putExternalEvent({
      uid: 'free-1@icloud',
      summary: 'Maybe',
      start: new Date(at(date, 13)),
      end: new Date(at(date, 14)),
      transparent: true,
    });
    caldav.putExternalEvent({
      uid: 'cancelled-1@icloud',
      summary: 'Called off',
      start: new Date(at(date, 15)),
      end: new Date(at(date, 16)),
      status: 'CANCELLED',
    });
    caldav.putExternalEvent({
      uid: 'busy-1@icloud',
      summary: 'Busy',
      start: new Date(at(date, 9)),
      end: new Date(at(date, 10)),
    });
    await poll();
    await waitFor(async () => !(await slotStarts(h, date)).includes(at(date, 9)));
    expect(await slotStarts(h, date)).toEqual(expect.arrayContaining([at(date, 13), at(date, 15)]));
  });

  it('blocks each day of an all-day event, whatever the process time zone', async () => {
    const first = dayAhead(9);
    const second = dayAhead(10);
    caldav.putExternalEvent({
      uid: 'holiday-1@icloud',
      summary: 'Holiday',
      start: new Date(`${first}T00:00:00Z`),
      end: new Date(`${dayAhead(11)}T00:00:00Z`),
      allDay: true,
    });
    await poll();
    await waitFor(
      async () =>
        (await slotStarts(h, first)).length === 0 && (await slotStarts(h, second)).length === 0,
    );
    expect((await slotStarts(h, dayAhead(11))).length).toBeGreaterThan(0);
    expect((await slotStarts(h, dayAhead(8))).length).toBeGreaterThan(0);
  });
});
