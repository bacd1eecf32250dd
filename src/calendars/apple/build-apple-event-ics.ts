// The iCalendar object Slotline stores in an iCloud calendar for one appointment.
import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import type { OutboundEvent } from '../calendar-client.ts';

/** Every UID Slotline writes ends so; the pull reads such events as not busy. */
export const SLOTLINE_UID_SUFFIX = '@slotline';

function slotlineUid(appointmentId: string): string {
  return `${appointmentId}${SLOTLINE_UID_SUFFIX}`;
}

/**
 * Builds a VCALENDAR with one VEVENT: UID `<appointmentId>@slotline`, STATUS:CONFIRMED,
 * TRANSP:OPAQUE, DTSTAMP `now`. DTSTART/DTEND are UTC instants: ical-generator would format
 * native Dates in the process zone under a TZID and has no VTIMEZONE of its own, while UTC is
 * read the same by every client (each shows it in its own zone). The provider's zone is kept as
 * X-WR-TIMEZONE for display only. No METHOD: RFC 4791 forbids it in stored calendar objects.
 * Throws when end is not after start.
 */
export function buildAppleEventIcs(event: OutboundEvent, now: Date): string {
  if (!(event.end.getTime() > event.start.getTime())) {
    throw new Error('calendar event ends before it starts');
  }
  const calendar = ical({
    prodId: { company: 'Slotline', product: 'Slotline', language: 'EN' },
    x: { 'X-WR-TIMEZONE': event.timezone },
  });
  calendar.createEvent({
    id: slotlineUid(event.appointmentId),
    start: event.start,
    end: event.end,
    stamp: now,
    summary: event.summary,
    description: describe(event),
    url: event.meetingLink,
    location: event.meetingLink,
    status: ICalEventStatus.CONFIRMED,
    transparency: ICalEventTransparency.OPAQUE,
  });
  return calendar.toString();
}

function describe(event: OutboundEvent): string {
  if (event.meetingLink === null) return event.description;
  return event.description === ''
    ? event.meetingLink
    : `${event.description}\n\n${event.meetingLink}`;
}
