// A day of calendar life for a CalDAV provider while the host (a proxy before the real Radicale) plays every fault.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  at,
  book,
  type CalendarSyncHarness,
  dayAhead,
  lastSyncedAt,
  slotStarts,
  startCalendarSyncHarness,
  waitFor,
} from '../calendars/calendar-sync-harness.ts';
import {
  basicDate,
  calendarObject,
  deleteObject,
  makeCalendar,
  putObject,
  readObjects,
  type StoredObject,
} from './caldav-client.ts';
import { type Fault, type FaultProxy, startFaultProxy } from './fault-proxy.ts';
import { type Radicale, startRadicale } from './radicale-server.ts';

// The app's CalDAV timeout is CALENDAR_TIMEOUT_MS, here 2 s; a `slow` answer is held 6 s.
// The CalDAV pull is one calendar-query REPORT over the whole window (tsdav), not paged: there is
// no page size to shrink. pg-boss retries with its default policy (from 30 s, doubling), as in
// caldav-outage.test.ts, so every fault is played within the first ~25 s and each failed job
// fails once.

let radicale: Radicale;
let proxy: FaultProxy;
let calendarUrl: string;
let h: CalendarSyncHarness;
beforeAll(async () => {
  radicale = await startRadicale();
  proxy = await startFaultProxy(radicale.url, { slowMs: 6_000 });
  calendarUrl = await makeCalendar(radicale, `/${radicale.username}/work/`);
  h = await startCalendarSyncHarness({ timeoutMs: 2_000 });
});
afterAll(async () => {
  await h?.close();
  await proxy?.close();
  await radicale?.stop();
});

const providerPath = () => `/api/providers/${h.fixture.providerId}`;
const lastSynced = () => lastSyncedAt(h);
const requestSync = async () => {
  const res = await h.call('POST', `${providerPath()}/calendar/sync`);
  expect(res.status).toBe(202);
};
/** Asks for a pull and waits until one finishes after the request. */
async function syncNow(): Promise<void> {
  const before = await lastSynced();
  await requestSync();
  await waitFor(async () => (await lastSynced()) !== before, 20_000);
}
async function reschedule(id: string, start: string) {
  const res = await h.call('POST', `/api/appointments/${id}/reschedule`, { start_time: start });
  expect(res.status).toBe(200);
}
async function cancel(id: string) {
  const res = await h.call('POST', `/api/appointments/${id}/cancel`, { by: 'client' });
  expect(res.status).toBe(200);
}
/** Queues `fault` for the next `method` request, runs `act`, and waits until the fault is played. */
async function withFault(method: string, fault: Fault, act: () => Promise<void>) {
  const before = proxy.played().length;
  proxy.queueFault(method, fault);
  await act();
  await waitFor(() => proxy.played().length > before, 20_000);
}

/** Calendar push and sync jobs that are waiting, retrying or running. */
async function unsettledJobs(): Promise<number> {
  const { rows } = await h.db.pool.query(
    `select count(*)::int as n from pgboss.job
      where name in ('calendar-push', 'calendar-sync') and state in ('created', 'retry', 'active')`,
  );
  return rows[0].n as number;
}
async function deadJobs(): Promise<number> {
  const { rows } = await h.db.pool.query(
    `select count(*)::int as n from pgboss.job
      where name = 'dead-letter' or (name in ('calendar-push', 'calendar-sync') and state = 'failed')`,
  );
  return rows[0].n as number;
}

const property = (ics: string, name: string) =>
  new RegExp(`^${name}(;[^:\\r\\n]*)?:(.*)$`, 'm').exec(ics)?.slice(1, 3) ?? null;
/** '20260102T100000Z' as an ISO instant. */
const instant = (basic: string) =>
  new Date(
    `${basic.slice(0, 4)}-${basic.slice(4, 6)}-${basic.slice(6, 8)}T${basic.slice(9, 11)}:${basic.slice(11, 13)}:${basic.slice(13, 15)}Z`,
  ).toISOString();
const dashed = (basic: string) => `${basic.slice(0, 4)}-${basic.slice(4, 6)}-${basic.slice(6, 8)}`;
const uidOf = (o: StoredObject) => property(o.ics, 'UID')?.[1]?.trim() ?? '';
const isOurs = (o: StoredObject) => uidOf(o).endsWith('@slotline');

/**
 * The block each busy external object should make, as `uid date start-end` (a whole-day event:
 * `uid date all-day`). Only single-day events are used, in the provider's zone (UTC).
 */
function expectedBlocks(objects: readonly StoredObject[]): string[] {
  return objects
    .filter((o) => !isOurs(o) && property(o.ics, 'TRANSP')?.[1]?.trim() !== 'TRANSPARENT')
    .map((o) => {
      const [params, start] = property(o.ics, 'DTSTART') ?? ['', ''];
      const end = property(o.ics, 'DTEND')?.[1]?.trim() ?? '';
      const value = (start ?? '').trim();
      if (params?.includes('VALUE=DATE')) return `${uidOf(o)} ${dashed(value)} all-day`;
      const time = (basic: string) => `${basic.slice(9, 11)}:${basic.slice(11, 13)}`;
      return `${uidOf(o)} ${dashed(value)} ${time(value)}-${time(end)}`;
    })
    .sort();
}

type OverrideJson = {
  date: string;
  start_time: string | null;
  end_time: string | null;
  source: string;
  external_event_id: string | null;
};
async function calendarBlocks(from: string, to: string): Promise<string[]> {
  const res = await h.call('GET', `${providerPath()}/overrides?from=${from}&to=${to}&limit=500`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data: OverrideJson[]; next_cursor: string | null };
  expect(body.next_cursor).toBeNull();
  return body.data
    .filter((o) => o.source === 'CALDAV')
    .map((o) =>
      o.start_time === null
        ? `${o.external_event_id} ${o.date} all-day`
        : `${o.external_event_id} ${o.date} ${o.start_time}-${o.end_time}`,
    )
    .sort();
}

const external = (name: string, lines: readonly string[]) =>
  putObject(radicale, calendarUrl, `${name}.ics`, calendarObject(`${name}@other.app`, lines));
const timed = (date: string, from: number, to: number) => [
  `DTSTART:${basicDate(date)}T${String(from).padStart(2, '0')}0000Z`,
  `DTEND:${basicDate(date)}T${String(to).padStart(2, '0')}0000Z`,
];

describe('CalDAV: a day of calendar life while the host plays every fault', () => {
  const d1 = dayAhead(3);
  const d2 = dayAhead(4);
  const d3 = dayAhead(5);
  const d4 = dayAhead(6);
  const ids: Record<string, string> = {};

  it('connects through the proxy and settles a quiet morning', async () => {
    const res = await h.call('POST', `${providerPath()}/calendar/caldav`, {
      server_url: proxy.url,
      username: radicale.username,
      password: radicale.password,
    });
    expect(res.status).toBe(201);
    await waitFor(async () => (await lastSynced()) !== 'null');
    ids.a = await book(h, at(d1, 10));
    ids.b = await book(h, at(d1, 11));
    ids.c = await book(h, at(d2, 10));
    ids.d = await book(h, at(d2, 11));
    await external('meeting-1', ['SUMMARY:Meeting', ...timed(d1, 13, 14)]);
    await external('lunch-2', ['SUMMARY:Lunch', ...timed(d2, 12, 13)]);
    await external('reminder-3', ['SUMMARY:Reminder', 'TRANSP:TRANSPARENT', ...timed(d3, 15, 16)]);
    await waitFor(
      async () => (await readObjects(radicale, calendarUrl)).filter(isOurs).length === 4,
    );
    await syncNow();
    expect(await slotStarts(h, d1)).not.toContain(at(d1, 13));
    expect(await slotStarts(h, d3)).toContain(at(d3, 15));
  });

  it('ends with Radicale holding exactly the active appointments, and blocks for exactly its busy events', async () => {
    // Pushes: each first attempt meets one fault (logins are PROPFINDs).
    await withFault('PROPFIND', '429', () => reschedule(ids.a ?? '', at(d1, 14)));
    await withFault('PUT', '500', () => reschedule(ids.b ?? '', at(d1, 15)));
    await withFault('DELETE', '503', () => cancel(ids.c ?? ''));
    await withFault('DELETE', 'reset', () => cancel(ids.d ?? ''));
    await withFault('PUT', 'reset', async () => {
      ids.e = await book(h, at(d2, 14));
    });
    await withFault('PUT', '429', () => reschedule(ids.e ?? '', at(d2, 15)));
    // Another app changes the calendar meanwhile: new, moved, deleted, whole-day.
    await external('dentist-4', ['SUMMARY:Dentist', ...timed(d3, 11, 12)]);
    await external('meeting-1', ['SUMMARY:Meeting', ...timed(d1, 16, 17)]);
    await deleteObject(radicale, calendarUrl, 'lunch-2.ics');
    await external('holiday-5', [
      'SUMMARY:Holiday',
      `DTSTART;VALUE=DATE:${basicDate(d4)}`,
      `DTEND;VALUE=DATE:${basicDate(dayAhead(7))}`,
    ]);
    // Pulls: each failed one records nothing, the next one sees it all.
    await withFault('REPORT', '500', requestSync);
    await withFault('PROPFIND', '503', requestSync);
    await withFault('REPORT', 'reset', requestSync);
    await withFault('REPORT', 'slow', requestSync);
    // A write the server makes but answers too late: the retry must not double it.
    await withFault('PUT', 'slow', async () => {
      ids.f = await book(h, at(d3, 9));
    });
    expect(proxy.pendingFaults()).toBe(0);
    const kinds = new Set(proxy.played().map((p) => p.fault));
    expect([...kinds].sort()).toEqual(['429', '500', '503', 'reset', 'slow']);

    // The faults are over: wait out the retries (30-60 s after each failure), then pull once more.
    let quiet = 0;
    await waitFor(async () => {
      quiet = (await unsettledJobs()) === 0 ? quiet + 1 : 0;
      return quiet >= 5;
    }, 110_000);
    await syncNow();
    expect(await deadJobs()).toBe(0);

    const objects = await readObjects(radicale, calendarUrl);
    const ours = objects.filter(isOurs);
    const { rows } = await h.db.pool.query(
      `select id, start_time from appointments where provider_id = $1 and status = 'CONFIRMED'`,
      [h.fixture.providerId],
    );
    const active = rows
      .map((r: { id: string; start_time: Date }) => `${r.id} ${r.start_time.toISOString()}`)
      .sort();
    expect(active).toEqual(
      [
        `${ids.a} ${at(d1, 14)}`,
        `${ids.b} ${at(d1, 15)}`,
        `${ids.e} ${at(d2, 15)}`,
        `${ids.f} ${at(d3, 9)}`,
      ].sort(),
    );
    // One object per active appointment, at its current time; none for the cancelled ones.
    const stored = ours
      .map((o) => {
        const start = property(o.ics, 'DTSTART')?.[1]?.trim() ?? '';
        return `${uidOf(o).replace('@slotline', '')} ${instant(start)}`;
      })
      .sort();
    expect(stored).toEqual(active);

    // Blocks equal the busy external events: the moved one moved, the deleted one lifted.
    const expected = expectedBlocks(objects);
    expect(expected).toEqual(
      [
        `dentist-4@other.app ${d3} 11:00-12:00`,
        `holiday-5@other.app ${d4} all-day`,
        `meeting-1@other.app ${d1} 16:00-17:00`,
      ].sort(),
    );
    expect(await calendarBlocks(d1, dayAhead(8))).toEqual(expected);
    const day1 = await slotStarts(h, d1);
    expect(day1).toContain(at(d1, 13));
    expect(day1).not.toContain(at(d1, 16));
    expect(await slotStarts(h, d2)).toContain(at(d2, 12));
    expect(await slotStarts(h, d4)).toEqual([]);
  }, 170_000);
});
