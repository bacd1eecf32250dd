// Complete pulls from an iCloud calendar on the fake server: range, busy rules, all-day dates, removals.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AppleCalendar,
  connectAppleCalendar,
} from '../../../src/calendars/apple/apple-calendar.ts';
import {
  CalendarUnavailableError,
  type ExternalEvent,
} from '../../../src/calendars/calendar-client.ts';
import type { FakeCalDav } from '../../fakes/caldav-server.ts';
import {
  appointment,
  fixedNow,
  password,
  putRawObject,
  startAppleFake,
  username,
} from './apple-fixtures.ts';

const window = { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-02T00:00:00Z') };

let fake: FakeCalDav;
let calendar: AppleCalendar;

beforeEach(async () => {
  ({ fake } = await startAppleFake());
  calendar = await connectAppleCalendar({
    serverUrl: fake.url,
    username,
    password,
    calendarUrl: fake.calendarUrl(),
    now: () => fixedNow,
  });
});

afterEach(async () => {
  await fake.close();
});

function byId(events: readonly ExternalEvent[]): Record<string, ExternalEvent> {
  return Object.fromEntries(events.map((event) => [event.externalEventId, event]));
}

function putEvent(uid: string, start: string, end: string, extra: object = {}) {
  return fake.putExternalEvent({
    uid,
    summary: uid,
    start: new Date(start),
    end: new Date(end),
    ...extra,
  });
}

describe('Apple calendar pulls', () => {
  it('runs with a process zone far from UTC, so all-day dates could shift', () => {
    // Pacific/Chatham is UTC+13:45 in December: a local-midnight date is the previous UTC day.
    expect(new Date(2026, 11, 1).getTimezoneOffset()).toBe(-825);
  });

  it('returns the events overlapping the window as a complete pull without cursor', async () => {
    putEvent('dentist', '2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z');
    putEvent('late-dinner', '2026-11-30T22:00:00Z', '2026-12-01T00:00:00Z');
    putEvent('next-week', '2026-12-08T09:00:00Z', '2026-12-08T10:00:00Z');

    const result = await calendar.pullEvents('ignored-cursor', window);

    expect(result).toEqual({
      complete: true,
      cursor: null,
      events: [
        {
          externalEventId: 'dentist',
          removed: false,
          busy: true,
          timing: {
            kind: 'timed',
            start: new Date('2026-12-01T09:00:00Z'),
            end: new Date('2026-12-01T10:00:00Z'),
          },
        },
      ],
    });
  });

  it('marks transparent, cancelled and Slotline events as not busy', async () => {
    putEvent('focus', '2026-12-01T08:00:00Z', '2026-12-01T09:00:00Z', { transparent: true });
    putEvent('called-off', '2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z', {
      status: 'CANCELLED',
    });
    putEvent('gym', '2026-12-01T12:00:00Z', '2026-12-01T13:00:00Z');
    await calendar.createEvent(appointment());

    const events = byId((await calendar.pullEvents(null, window)).events);

    expect(Object.keys(events).sort()).toEqual(['appt-1@slotline', 'called-off', 'focus', 'gym']);
    expect(events.focus).toMatchObject({ busy: false });
    expect(events['called-off']).toMatchObject({ busy: false });
    expect(events['appt-1@slotline']).toMatchObject({ busy: false });
    expect(events.gym).toMatchObject({ busy: true });
  });

  it('gives all-day events their DATE values exactly, end exclusive', async () => {
    putEvent('holiday', '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z', { allDay: true });
    putEvent('trip', '2026-11-30T00:00:00Z', '2026-12-03T00:00:00Z', { allDay: true });

    const events = byId((await calendar.pullEvents(null, window)).events);

    expect(events.holiday).toEqual({
      externalEventId: 'holiday',
      removed: false,
      busy: true,
      timing: { kind: 'all-day', startDate: '2026-12-01', endDate: '2026-12-02' },
    });
    expect(events.trip).toMatchObject({
      timing: { kind: 'all-day', startDate: '2026-11-30', endDate: '2026-12-03' },
    });
  });

  it('leaves an external event out of the next pull once it is deleted', async () => {
    putEvent('dentist', '2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z');
    putEvent('gym', '2026-12-01T12:00:00Z', '2026-12-01T13:00:00Z');
    const first = await calendar.pullEvents(null, window);

    fake.deleteExternalEvent('dentist');
    const second = await calendar.pullEvents(null, window);

    expect(first.events.map((event) => event.externalEventId).sort()).toEqual(['dentist', 'gym']);
    expect(second.complete).toBe(true);
    expect(second.events.map((event) => event.externalEventId)).toEqual(['gym']);
  });

  it('expands a recurring series into the occurrences inside the window', async () => {
    await putRawObject(
      fake,
      'standup.ics',
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Test//EN',
        'BEGIN:VEVENT',
        'UID:standup',
        'DTSTAMP:20261120T080000Z',
        'DTSTART:20261125T100000Z',
        'DTEND:20261125T103000Z',
        'RRULE:FREQ=DAILY;COUNT=14',
        'SUMMARY:Standup',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );

    const { events } = await calendar.pullEvents(null, window);

    expect(events).toEqual([
      {
        externalEventId: 'standup#2026-12-01T10:00:00.000Z',
        removed: false,
        busy: true,
        timing: {
          kind: 'timed',
          start: new Date('2026-12-01T10:00:00Z'),
          end: new Date('2026-12-01T10:30:00Z'),
        },
      },
    ]);
  });

  it('throws CalendarUnavailableError when the query meets a 5xx', async () => {
    fake.failNext('REPORT', 503);

    await expect(calendar.pullEvents(null, window)).rejects.toBeInstanceOf(
      CalendarUnavailableError,
    );
  });
});
