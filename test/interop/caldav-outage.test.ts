// A CalDAV host that answers 503 for a while: nothing is lost or doubled once it is back (real Radicale behind a proxy).
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
  makeCalendar,
  putObject,
  readObjects,
} from './caldav-client.ts';
import { type FaultProxy, startFaultProxy } from './fault-proxy.ts';
import { type Radicale, startRadicale } from './radicale-server.ts';

let radicale: Radicale;
let proxy: FaultProxy;
let calendarUrl: string;
let h: CalendarSyncHarness;
beforeAll(async () => {
  radicale = await startRadicale();
  proxy = await startFaultProxy(radicale.url);
  calendarUrl = await makeCalendar(radicale, `/${radicale.username}/work/`);
  h = await startCalendarSyncHarness({});
});
afterAll(async () => {
  await h?.close();
  await proxy?.close();
  await radicale?.stop();
});

const lastSynced = () => lastSyncedAt(h);
const syncNow = async () => {
  const res = await h.call('POST', `/api/providers/${h.fixture.providerId}/calendar/sync`);
  expect(res.status).toBe(202);
};

describe('CalDAV through an outage', () => {
  it('connects through the proxy', async () => {
    const res = await h.call('POST', `/api/providers/${h.fixture.providerId}/calendar/caldav`, {
      server_url: proxy.url,
      username: radicale.username,
      password: radicale.password,
    });
    expect(res.status).toBe(201);
    await waitFor(async () => (await lastSynced()) !== 'null');
  });

  it('answers 503 CALENDAR_UNAVAILABLE to a connect while the host is down', async () => {
    proxy.setDown(true);
    const res = await h.call('POST', `/api/providers/${h.fixture.providerId}/calendar/caldav`, {
      server_url: proxy.url,
      username: radicale.username,
      password: radicale.password,
    });
    proxy.setDown(false);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: 'CALENDAR_UNAVAILABLE' } });
    // The connection made before is untouched.
    expect(await syncRows(h)).toHaveLength(1);
  });

  it('writes a booking made during the outage once, and reads an event added meanwhile', async () => {
    const date = dayAhead(4);
    proxy.setDown(true);
    const id = await book(h, at(date, 10));
    const dentist = calendarObject('dentist-2@other.app', [
      `DTSTART:${basicDate(date)}T120000Z`,
      `DTEND:${basicDate(date)}T130000Z`,
    ]);
    await putObject(radicale, calendarUrl, 'dentist-2.ics', dentist);
    const before = await lastSynced();
    await syncNow();
    await waitFor(() => proxy.refused() >= 2);
    // The pull failed: the slot stays open, and no sync was recorded.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await lastSynced()).toBe(before);
    expect(await slotStarts(h, date)).toContain(at(date, 12));
    proxy.setDown(false);
    await syncNow();
    await waitFor(async () => !(await slotStarts(h, date)).includes(at(date, 12)), 20_000);
    // The failed push is retried by pg-boss (30 s later) and lands exactly once.
    const ours = async () =>
      (await readObjects(radicale, calendarUrl)).filter((o) =>
        o.ics.includes(`UID:${id}@slotline`),
      );
    await waitFor(async () => (await ours()).length > 0, 60_000);
    expect(await ours()).toHaveLength(1);
  }, 90_000);
});
