// Checks the fake CalDAV server against the real tsdav client, as Slotline's Apple calendar sync uses it.
import ical, { type VEvent } from 'node-ical';
import { type DAVCalendar, DAVClient } from 'tsdav';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeCalDav, startFakeCalDav } from './caldav-server.ts';

const username = 'provider@icloud.example';
const password = 'app-specific-password';
const range = { start: '2026-12-01T00:00:00.000Z', end: '2026-12-02T00:00:00.000Z' };

let fake: FakeCalDav;

beforeEach(async () => {
  fake = await startFakeCalDav({ username, password, now: () => new Date('2026-11-20T08:00:00Z') });
});

afterEach(async () => {
  await fake.close();
});

async function loginAs(pass: string): Promise<DAVClient> {
  const client = new DAVClient({
    serverUrl: fake.url,
    credentials: { username, password: pass },
    authMethod: 'Basic',
    defaultAccountType: 'caldav',
  });
  await client.login();
  return client;
}

async function homeCalendar(client: DAVClient): Promise<DAVCalendar> {
  const calendars = await client.fetchCalendars();
  const calendar = calendars.find((each) => each.displayName === 'Calendar');
  if (calendar === undefined) throw new Error('calendar not found');
  return calendar;
}

function eventOf(data: unknown): VEvent {
  const event = Object.values(ical.sync.parseICS(String(data))).find(
    (component): component is VEvent => component?.type === 'VEVENT',
  );
  if (event === undefined) throw new Error('no VEVENT');
  return event;
}

function bookingIcs(uid: string): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Slotline//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20261120T080000Z',
    'DTSTART:20261201T140000Z',
    'DTEND:20261201T150000Z',
    'SUMMARY:Haircut with Ana',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

function seedExternalEvents(): void {
  fake.putExternalEvent({
    uid: 'dentist',
    summary: 'Dentist',
    start: new Date('2026-12-01T09:00:00Z'),
    end: new Date('2026-12-01T10:00:00Z'),
  });
  fake.putExternalEvent({
    uid: 'holiday',
    summary: 'Holiday',
    start: new Date('2026-12-01T00:00:00Z'),
    end: new Date('2026-12-02T00:00:00Z'),
    allDay: true,
    transparent: true,
  });
  // A whole UTC day after the range: excluded whatever the machine time zone.
  fake.putExternalEvent({
    uid: 'day-after',
    summary: 'Day after',
    start: new Date('2026-12-02T00:00:00Z'),
    end: new Date('2026-12-03T00:00:00Z'),
    allDay: true,
  });
  // Ends exactly where the range starts, so it does not overlap.
  fake.putExternalEvent({
    uid: 'late-dinner',
    summary: 'Late dinner',
    start: new Date('2026-11-30T22:00:00Z'),
    end: new Date('2026-12-01T00:00:00Z'),
  });
  fake.putExternalEvent({
    uid: 'next-week',
    summary: 'Next week',
    start: new Date('2026-12-08T09:00:00Z'),
    end: new Date('2026-12-08T10:00:00Z'),
    status: 'CANCELLED',
  });
}

describe('fake CalDAV server with tsdav', () => {
  it('lets tsdav discover the account and the single calendar', async () => {
    const client = await loginAs(password);
    const calendar = await homeCalendar(client);

    expect(client.account?.principalUrl).toBe(`${fake.url}/10000001/principal/`);
    expect(client.account?.homeUrl).toBe(`${fake.url}/10000001/calendars/`);
    expect(calendar.url).toBe(fake.calendarUrl());
    expect(calendar.components).toEqual(['VEVENT']);
    expect(calendar.resourcetype).toEqual(expect.arrayContaining(['collection', 'calendar']));
    expect(String(calendar.ctag)).toMatch(/ctag/);
    expect(calendar.calendarColor).toBe('#1BADF8FF');
    expect(calendar.reports).toEqual(['calendarQuery', 'calendarMultiget']);
  });

  it('rejects login with a wrong password and asks for Basic auth', async () => {
    await expect(loginAs('wrong')).rejects.toThrow(/Invalid credentials/);
    expect(fake.calls.length).toBeGreaterThan(0);
    expect(fake.calls.every((call) => call.status === 401)).toBe(true);
  });

  it('stores an event created by tsdav and refuses to create it twice', async () => {
    const client = await loginAs(password);
    const calendar = await homeCalendar(client);
    const params = { calendar, filename: 'booking-1@slotline.ics', iCalString: bookingIcs('b-1') };

    const created = await client.createCalendarObject(params);
    const again = await client.createCalendarObject(params);

    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toMatch(/^".+"$/);
    expect(again.status).toBe(412);
    expect(fake.objects()).toEqual([
      expect.objectContaining({
        filename: 'booking-1@slotline.ics',
        uid: 'b-1',
        etag: created.headers.get('etag'),
        ics: bookingIcs('b-1'),
      }),
    ]);
  });

  it('returns only the events overlapping the time range, via query then multiget', async () => {
    seedExternalEvents();
    const client = await loginAs(password);
    const calendar = await homeCalendar(client);

    const objects = await client.fetchCalendarObjects({ calendar, timeRange: range });

    const uids = objects.map((object) => eventOf(object.data).uid).sort();
    expect(uids).toEqual(['dentist', 'holiday']);
    expect(objects.every((object) => object.url.startsWith(fake.calendarUrl()))).toBe(true);
    const dentist = objects.find((object) => eventOf(object.data).uid === 'dentist');
    expect(dentist?.etag).toBe(fake.objects().find((object) => object.uid === 'dentist')?.etag);
    expect(eventOf(dentist?.data).start.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    const methods = fake.calls.filter((call) => call.method === 'REPORT').map((c) => c.bodyExcerpt);
    expect(methods[0]).toContain('calendar-query');
    expect(methods[1]).toContain('calendar-multiget');
  });

  it('answers an expand query with the calendar data in one REPORT', async () => {
    seedExternalEvents();
    const client = await loginAs(password);
    const calendar = await homeCalendar(client);
    const reportsBefore = fake.calls.filter((call) => call.method === 'REPORT').length;

    const objects = await client.fetchCalendarObjects({ calendar, timeRange: range, expand: true });

    const events = objects.map((object) => eventOf(object.data));
    expect(events.map((event) => event.uid).sort()).toEqual(['dentist', 'holiday']);
    expect(events.find((event) => event.uid === 'holiday')?.transparency).toBe('TRANSPARENT');
    expect(fake.calls.filter((call) => call.method === 'REPORT').length).toBe(reportsBefore + 1);
  });

  it('deletes with the current etag and refuses a stale or unknown one', async () => {
    const client = await loginAs(password);
    const calendar = await homeCalendar(client);
    fake.putExternalEvent({
      uid: 'dentist',
      summary: 'Dentist',
      start: new Date('2026-12-01T09:00:00Z'),
      end: new Date('2026-12-01T10:00:00Z'),
    });
    const [object] = await client.fetchCalendarObjects({ calendar, timeRange: range });
    if (object === undefined) throw new Error('object not listed');

    const stale = await client.deleteCalendarObject({
      calendarObject: { url: object.url, etag: '"stale"' },
    });
    const deleted = await client.deleteCalendarObject({
      calendarObject: { url: object.url, etag: object.etag ?? '' },
    });
    const gone = await client.deleteCalendarObject({ calendarObject: { url: object.url } });

    expect([stale.status, deleted.status, gone.status]).toEqual([412, 204, 404]);
    expect(fake.objects()).toEqual([]);
  });

  it('sees external edits and deletions on the next fetch', async () => {
    const client = await loginAs(password);
    const calendar = await homeCalendar(client);
    const event = {
      uid: 'dentist',
      summary: 'Dentist',
      start: new Date('2026-12-01T09:00:00Z'),
      end: new Date('2026-12-01T10:00:00Z'),
    };
    const first = fake.putExternalEvent(event);
    const moved = fake.putExternalEvent({
      ...event,
      start: new Date('2026-12-01T11:00:00Z'),
      end: new Date('2026-12-01T12:00:00Z'),
      status: 'CANCELLED',
    });

    const [edited] = await client.fetchCalendarObjects({ calendar, timeRange: range });
    expect(fake.objects()).toHaveLength(1);
    expect(moved.etag).not.toBe(first.etag);
    expect(edited?.etag).toBe(moved.etag);
    expect(eventOf(edited?.data).status).toBe('CANCELLED');
    expect(eventOf(edited?.data).start.toISOString()).toBe('2026-12-01T11:00:00.000Z');

    expect(fake.deleteExternalEvent('dentist')).toBe(true);
    expect(await client.fetchCalendarObjects({ calendar, timeRange: range })).toEqual([]);
  });

  it('fails the next request of a method on demand', async () => {
    const client = await loginAs(password);
    const calendar = await homeCalendar(client);
    fake.failNext('REPORT', 503);

    await expect(client.fetchCalendarObjects({ calendar, timeRange: range })).rejects.toThrow(
      /503/,
    );
    await expect(client.fetchCalendarObjects({ calendar, timeRange: range })).resolves.toEqual([]);
  });
});
