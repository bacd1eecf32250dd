// The iCalendar (iTIP) invite for one appointment: REQUEST to add or move it, CANCEL to remove it.
import ical, {
  ICalAttendeeStatus,
  ICalCalendarMethod,
  type ICalEventData,
  ICalEventStatus,
} from 'ical-generator';
import type { CalendarInvite } from './mail-types.ts';

export type InviteParty = { readonly name: string; readonly email: string | null };

export type AppointmentInviteInput = {
  /** Stable per appointment, e.g. `${appointmentId}@slotline`: clients match updates by it. */
  readonly uid: string;
  /** Must grow with every change (move, cancel), or clients ignore the newer invite. */
  readonly sequence: number;
  readonly method: 'REQUEST' | 'CANCEL';
  readonly start: Date;
  readonly end: Date;
  readonly summary: string;
  readonly description: string;
  /** A place, or null; a meeting link stands in for it when there is no place. */
  readonly location: string | null;
  readonly meetingUrl: string | null;
  /** Left out of the file when it has no email: iCalendar names parties by mailto only. */
  readonly organizer: InviteParty;
  readonly attendee: InviteParty;
  /** IANA zone of the recipient, recorded as X-WR-TIMEZONE for display only. */
  readonly timezone: string;
  /** DTSTAMP: when this version of the invite was made. */
  readonly now: Date;
};

function eventData(input: AppointmentInviteInput): ICalEventData {
  const cancelled = input.method === 'CANCEL';
  const data: ICalEventData = {
    id: input.uid,
    sequence: input.sequence,
    start: input.start,
    end: input.end,
    stamp: input.now,
    summary: input.summary,
    description: input.description,
    location: input.location ?? input.meetingUrl,
    url: input.meetingUrl,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  };
  if (input.organizer.email) data.organizer = { ...input.organizer, email: input.organizer.email };
  if (input.attendee.email) {
    data.attendees = [
      {
        name: input.attendee.name,
        email: input.attendee.email,
        // The attendee booked it themselves: nothing to accept, so no RSVP prompt.
        status: ICalAttendeeStatus.ACCEPTED,
        rsvp: false,
      },
    ];
  }
  return data;
}

/**
 * Builds the VCALENDAR for `input`. DTSTART/DTEND are written as UTC instants: ical-generator
 * would format native Dates in the process zone under a TZID, and without a VTIMEZONE block a
 * TZID is not portable, while UTC is read the same by every client (each shows it in its own
 * zone). Throws when end is not after start or sequence is not a whole number >= 0.
 */
export function buildAppointmentInvite(input: AppointmentInviteInput): CalendarInvite {
  if (!(input.end.getTime() > input.start.getTime())) throw new Error('invite ends before start');
  if (!Number.isInteger(input.sequence) || input.sequence < 0) {
    throw new Error('invite sequence must be a whole number >= 0');
  }
  const calendar = ical({
    prodId: { company: 'Slotline', product: 'Slotline', language: 'EN' },
    method: input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    x: { 'X-WR-TIMEZONE': input.timezone },
  });
  calendar.createEvent(eventData(input));
  return { method: input.method, content: calendar.toString() };
}
