// readICalEvents on iCalendar text: recurrence expansion, overrides, all-day dates and busy rules.
import { describe, expect, it } from 'vitest';
import { readICalEvents } from '../../../src/calendars/apple/read-ical-events.ts';

const window = { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-04T00:00:00Z') };

function calendarOf(...events: string[][]): string {
  const lines = events.flatMap((event) => [
    'BEGIN:VEVENT',
    'DTSTAMP:20261120T080000Z',
    ...event,
    'END:VEVENT',
  ]);
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//EN',
    ...lines,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

describe('readICalEvents', () => {
  it('applies EXDATE and a moved, transparent override to a zoned daily series', () => {
    const ics = calendarOf(
      [
        'UID:yoga',
        'DTSTART;TZID=Europe/Berlin:20261130T090000',
        'DTEND;TZID=Europe/Berlin:20261130T100000',
        'RRULE:FREQ=DAILY;COUNT=6',
        'EXDATE;TZID=Europe/Berlin:20261202T090000',
      ],
      [
        'UID:yoga',
        'RECURRENCE-ID;TZID=Europe/Berlin:20261201T090000',
        'DTSTART;TZID=Europe/Berlin:20261201T120000',
        'DTEND;TZID=Europe/Berlin:20261201T130000',
        'TRANSP:TRANSPARENT',
      ],
    );

    const events = readICalEvents(ics, window);

    expect(events).toEqual([
      {
        externalEventId: 'yoga#2026-12-01T08:00:00.000Z',
        removed: false,
        busy: false,
        timing: {
          kind: 'timed',
          start: new Date('2026-12-01T11:00:00Z'),
          end: new Date('2026-12-01T12:00:00Z'),
        },
      },
      {
        externalEventId: 'yoga#2026-12-03T08:00:00.000Z',
        removed: false,
        busy: true,
        timing: {
          kind: 'timed',
          start: new Date('2026-12-03T08:00:00Z'),
          end: new Date('2026-12-03T09:00:00Z'),
        },
      },
    ]);
  });

  it('keys all-day occurrences by their DATE and keeps their dates unshifted', () => {
    const ics = calendarOf([
      'UID:school-run',
      'DTSTART;VALUE=DATE:20261201',
      'DTEND;VALUE=DATE:20261202',
      'RRULE:FREQ=DAILY;COUNT=10',
      'STATUS:CANCELLED',
    ]);

    const events = readICalEvents(ics, window);

    // The series starts on 1 Dec; 4 Dec is kept because it overlaps the window west of UTC.
    expect(events.map((event) => event.externalEventId)).toEqual([
      'school-run#2026-12-01',
      'school-run#2026-12-02',
      'school-run#2026-12-03',
      'school-run#2026-12-04',
    ]);
    expect(events[0]).toEqual({
      externalEventId: 'school-run#2026-12-01',
      removed: false,
      busy: false,
      timing: { kind: 'all-day', startDate: '2026-12-01', endDate: '2026-12-02' },
    });
  });

  it('gives an all-day event without DTEND one day', () => {
    const events = readICalEvents(
      calendarOf(['UID:birthday', 'DTSTART;VALUE=DATE:20261202']),
      window,
    );

    expect(events).toEqual([
      {
        externalEventId: 'birthday',
        removed: false,
        busy: true,
        timing: { kind: 'all-day', startDate: '2026-12-02', endDate: '2026-12-03' },
      },
    ]);
  });

  it('reads a lone override by its series UID and original start', () => {
    const ics = calendarOf([
      'UID:team-sync',
      'RECURRENCE-ID:20261202T150000Z',
      'DTSTART:20261202T160000Z',
      'DTEND:20261202T170000Z',
    ]);

    expect(readICalEvents(ics, window)).toEqual([
      expect.objectContaining({
        externalEventId: 'team-sync#2026-12-02T15:00:00.000Z',
        busy: true,
      }),
    ]);
  });

  it('reads nothing from text that is not iCalendar', () => {
    expect(readICalEvents('<html>Service Unavailable</html>', window)).toEqual([]);
  });
});
