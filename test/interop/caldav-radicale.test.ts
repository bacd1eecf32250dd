// The CalDAV path against a real Radicale: connect, bookings out, busy times in, in the provider's zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  at,
  book,
  type CalendarSyncHarness,
  dayAhead,
  lastSyncedAt,
  slotStarts,
  startCalendarSyncHarness,
  syncRows,
  waitFor,
} from '../calendars/calendar-sync-harness.ts';
import {
  basicDate,
  calendarObject,
  deleteObject,
  makeCalendar,
  putObject,
  readObjects,
} from './caldav-client.ts';
import { type Radicale, startRadicale } from './radicale-server.ts';

let radicale: Radicale;
let calendarUrl: string;
let h: CalendarSyncHarness;
beforeAll(async () => {
  radicale = await startRadicale();
  h = await startCalendarSyncHarness({});
});
afterAll(async () => {
  await h?.close();
  await radicale?.stop();
});

const connect = (password: string) =>
  h.call('POST', `/api/providers/${h.fixture.providerId}/calendar/caldav`, {
    server_url: radicale.url,
    username: radicale.username,
    password,
  });
const ours = async (appointmentId: string) =>
  (await readObjects(radicale, calendarUrl)).filter((o) =>
    o.ics.includes(`UID:${appointmentId}@slotline`),
  );
const lastSynced = () => lastSyncedAt(h);

/** Asks for a pull through the API and waits until a pull has finished after the request. */
async function syncNow(): Promise<void> {
  const before = await lastSynced();
  const res = await h.call('POST', `/api/providers/${h.fixture.providerId}/calendar/sync`);
  expect(res.status).toBe(202);
  await waitFor(async () => (await lastSynced()) !== before, 20_000);
}

describe('CalDAV against Radicale', () => {
  it('refuses a wrong password and an account without a calendar, then connects and pulls once', async () => {
    const empty = await connect(radicale.password);
    expect(empty.status).toBe(422);
    expect(await empty.json()).toMatchObject({ error: { code: 'NO_CALENDAR' } });
    // A new Radicale account has no calendar; the user's calendar app would make one.
    calendarUrl = await makeCalendar(radicale, `/${radicale.username}/work/`);
    const refused = await connect('wrong-password');
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { code: 'CREDENTIALS_REFUSED' } });
    const res = await connect(radicale.password);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ kind: 'CALDAV', status: 'ACTIVE', account: 'alice' });
    const [row] = await syncRows(h);
    expect(row?.external_calendar_id).toBe(calendarUrl);
    expect(JSON.stringify(row)).not.toContain(radicale.password);
    await waitFor(async () => (await lastSynced()) !== 'null');
  });

  it('puts a confirmed booking in Radicale, moves it on reschedule, deletes it on cancel', async () => {
    const date = dayAhead(5);
    const id = await book(h, at(date, 10));
    await waitFor(async () => (await ours(id)).length === 1);
    expect((await ours(id))[0]?.ics).toContain(`DTSTART:${basicDate(date)}T100000Z`);
    const moved = await h.call('POST', `/api/appointments/${id}/reschedule`, {
      start_time: at(date, 13),
    });
    expect(moved.status).toBe(200);
    await waitFor(async () =>
      (await ours(id)).some((o) => o.ics.includes(`DTSTART:${basicDate(date)}T130000Z`)),
    );
    expect(await ours(id)).toHaveLength(1);
    const cancelled = await h.call('POST', `/api/appointments/${id}/cancel`, { by: 'client' });
    expect(cancelled.status).toBe(200);
    await waitFor(async () => (await ours(id)).length === 0);
  });

  it('blocks a slot for an event another app PUT, after the next sync, and frees it once deleted', async () => {
    const date = dayAhead(6);
    const slot = at(date, 11);
    expect(await slotStarts(h, date)).toContain(slot);
    const ics = calendarObject('dentist-1@other.app', [
      'SUMMARY:Dentist',
      `DTSTART:${basicDate(date)}T110000Z`,
      `DTEND:${basicDate(date)}T120000Z`,
    ]);
    await putObject(radicale, calendarUrl, 'dentist-1.ics', ics);
    await syncNow();
    expect(await slotStarts(h, date)).not.toContain(slot);
    await deleteObject(radicale, calendarUrl, 'dentist-1.ics');
    await syncNow();
    expect(await slotStarts(h, date)).toContain(slot);
  });
});

describe('CalDAV against Radicale, a provider far east of UTC', () => {
  // UTC+14 all year: local days start ten hours before UTC's, so a day read in UTC is wrong.
  const ZONE = 'Pacific/Kiritimati';
  const local = (date: string, hour: number) =>
    new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+14:00`).toISOString();
  const plusDays = (date: string, days: number) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    await h.db.pool.query('update providers set timezone = $1 where id = $2', [
      ZONE,
      h.fixture.providerId,
    ]);
  });

  it('blocks each local day of an all-day event, and only those', async () => {
    const first = dayAhead(9);
    expect((await slotStarts(h, first)).length).toBeGreaterThan(0);
    const ics = calendarObject('holiday-1@other.app', [
      'SUMMARY:Holiday',
      `DTSTART;VALUE=DATE:${basicDate(first)}`,
      `DTEND;VALUE=DATE:${basicDate(plusDays(first, 2))}`,
    ]);
    await putObject(radicale, calendarUrl, 'holiday-1.ics', ics);
    await syncNow();
    expect(await slotStarts(h, first)).toEqual([]);
    expect(await slotStarts(h, plusDays(first, 1))).toEqual([]);
    expect((await slotStarts(h, plusDays(first, -1))).length).toBeGreaterThan(0);
    expect((await slotStarts(h, plusDays(first, 2))).length).toBeGreaterThan(0);
  });

  it('blocks every occurrence of a weekly event on its local day, and no more', async () => {
    // 21:00 UTC is 11:00 the next day in the provider's zone.
    const utcDay = dayAhead(14);
    const localDay = plusDays(utcDay, 1);
    const ics = calendarObject('standup-1@other.app', [
      'SUMMARY:Weekly review',
      `DTSTART:${basicDate(utcDay)}T210000Z`,
      `DTEND:${basicDate(utcDay)}T220000Z`,
      'RRULE:FREQ=WEEKLY;COUNT=3',
    ]);
    await putObject(radicale, calendarUrl, 'standup-1.ics', ics);
    await syncNow();
    for (const week of [0, 7, 14]) {
      const day = plusDays(localDay, week);
      const slots = await slotStarts(h, day);
      expect(slots, day).not.toContain(local(day, 11));
      expect(slots, day).toContain(local(day, 10));
      expect(slots, day).toContain(local(day, 12));
    }
    expect(await slotStarts(h, plusDays(localDay, 21))).toContain(
      local(plusDays(localDay, 21), 11),
    );
    expect(await slotStarts(h, utcDay)).toContain(local(utcDay, 11));
  });
});
