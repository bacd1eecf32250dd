// Creating, moving and deleting Slotline's events in an iCloud calendar, checked on the fake server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AppleCalendar,
  connectAppleCalendar,
} from '../../../src/calendars/apple/apple-calendar.ts';
import { CalendarUnavailableError } from '../../../src/calendars/calendar-client.ts';
import type { FakeCalDav } from '../../fakes/caldav-server.ts';
import {
  appointment,
  fixedNow,
  onlyEvent,
  password,
  startAppleFake,
  username,
} from './apple-fixtures.ts';

let fake: FakeCalDav;
let calendar: AppleCalendar;

beforeEach(async () => {
  ({ fake } = await startAppleFake());
  calendar = await connectAppleCalendar({
    serverUrl: fake.url,
    username,
    password,
    calendarUrl: null,
    now: () => fixedNow,
  });
});

afterEach(async () => {
  await fake.close();
});

function storedEvent() {
  const [object, ...others] = fake.objects();
  if (object === undefined || others.length > 0) throw new Error('expected exactly one object');
  return { object, event: onlyEvent(object.ics) };
}

describe('Apple calendar writes', () => {
  it('creates an opaque, confirmed event named after the appointment with our UID', async () => {
    const created = await calendar.createEvent(
      appointment({ meetingLink: 'https://meet.example/abc' }),
    );

    const { object, event } = storedEvent();
    expect(created).toEqual({ externalEventId: 'appt-1.ics', meetingLink: null });
    expect(object.filename).toBe('appt-1.ics');
    expect(object.uid).toBe('appt-1@slotline');
    expect(event.summary).toBe('Massage with Sam Client');
    expect(event.description).toBe('Booked via Slotline\n\nhttps://meet.example/abc');
    expect(event.start.toISOString()).toBe('2026-12-01T14:00:00.000Z');
    expect(event.end?.toISOString()).toBe('2026-12-01T15:00:00.000Z');
    expect(event.status).toBe('CONFIRMED');
    expect(event.transparency).toBe('OPAQUE');
    expect(event.dtstamp.toISOString()).toBe(fixedNow.toISOString());
    expect(object.ics).not.toMatch(/^METHOD:/m);
  });

  it('creates again safely when an earlier attempt already stored the event', async () => {
    await calendar.createEvent(appointment());
    const again = await calendar.createEvent(appointment({ summary: 'Massage (retried)' }));

    expect(again.externalEventId).toBe('appt-1.ics');
    expect(storedEvent().event.summary).toBe('Massage (retried)');
  });

  it('moves the event in place on update', async () => {
    const { externalEventId } = await calendar.createEvent(appointment());
    const before = storedEvent().object;

    await calendar.updateEvent(
      externalEventId,
      appointment({
        start: new Date('2026-12-02T09:30:00Z'),
        end: new Date('2026-12-02T10:15:00Z'),
      }),
    );

    const { object, event } = storedEvent();
    expect(object.href).toBe(before.href);
    expect(object.etag).not.toBe(before.etag);
    expect(event.uid).toBe('appt-1@slotline');
    expect(event.start.toISOString()).toBe('2026-12-02T09:30:00.000Z');
    expect(event.end?.toISOString()).toBe('2026-12-02T10:15:00.000Z');
  });

  it('deletes the event, and deleting it again succeeds', async () => {
    const { externalEventId } = await calendar.createEvent(appointment());

    await calendar.deleteEvent(externalEventId);
    expect(fake.objects()).toEqual([]);
    await expect(calendar.deleteEvent(externalEventId)).resolves.toBeUndefined();
    const deletes = fake.calls.filter((call) => call.method === 'DELETE');
    expect(deletes.map((call) => call.status)).toEqual([204, 404]);
  });

  it('refuses an externalEventId that points outside the calendar', async () => {
    await expect(calendar.deleteEvent('../other/appt-1.ics')).rejects.toThrow(/not an object/);
    await expect(
      calendar.updateEvent('https://attacker.example/appt-1.ics', appointment()),
    ).rejects.toThrow(/not an object/);
    expect(fake.calls.filter((call) => call.method === 'DELETE' || call.method === 'PUT')).toEqual(
      [],
    );
  });

  it('throws CalendarUnavailableError when a write meets a 5xx', async () => {
    fake.failNext('PUT', 503);
    await expect(calendar.createEvent(appointment())).rejects.toBeInstanceOf(
      CalendarUnavailableError,
    );
    fake.failNext('DELETE', 502);
    await expect(calendar.deleteEvent('appt-1.ics')).rejects.toBeInstanceOf(
      CalendarUnavailableError,
    );
  });
});
