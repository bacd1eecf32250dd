// Translation between Slotline appointments, inbound external events and Calendar API v3 events.
import type { calendar_v3 } from '@googleapis/calendar';
import type { EventTiming, ExternalEvent, OutboundEvent } from '../calendar-client.ts';

type GoogleEvent = calendar_v3.Schema$Event;

/** Private extended property marking events Slotline created, so inbound sync ignores them. */
const APPOINTMENT_PROPERTY = 'slotlineAppointmentId';

/** Description with the meeting link appended, as calendar apps show the description in full. */
function describe(event: OutboundEvent): string {
  return event.meetingLink === null
    ? event.description
    : `${event.description}\n\n${event.meetingLink}`.trim();
}

function eventTime(instant: Date, timeZone: string): calendar_v3.Schema$EventDateTime {
  return { dateTime: instant.toISOString(), timeZone };
}

/** The body of events.insert: opaque, marked as ours, with a Meet request when asked. */
export function toInsertBody(event: OutboundEvent): GoogleEvent {
  const body: GoogleEvent = {
    summary: event.summary,
    description: describe(event),
    start: eventTime(event.start, event.timezone),
    end: eventTime(event.end, event.timezone),
    transparency: 'opaque',
    extendedProperties: { private: { [APPOINTMENT_PROPERTY]: event.appointmentId } },
  };
  if (event.meetingLink !== null) body.location = event.meetingLink;
  if (event.requestMeeting) {
    body.conferenceData = {
      // Same requestId on a retried insert lets Google hand back the same conference.
      createRequest: {
        requestId: event.appointmentId,
        conferenceSolutionKey: { type: 'hangoutsMeet' },
      },
    };
  }
  return body;
}

/** The body of events.patch: only what a reschedule or rename changes; a Meet link stays. */
export function toPatchBody(event: OutboundEvent): GoogleEvent {
  const body: GoogleEvent = {
    summary: event.summary,
    description: describe(event),
    start: eventTime(event.start, event.timezone),
    end: eventTime(event.end, event.timezone),
  };
  if (event.meetingLink !== null) body.location = event.meetingLink;
  return body;
}

function toTiming(event: GoogleEvent): EventTiming | null {
  const { start, end } = event;
  if (start?.dateTime && end?.dateTime) {
    return { kind: 'timed', start: new Date(start.dateTime), end: new Date(end.dateTime) };
  }
  if (start?.date && end?.date) {
    return { kind: 'all-day', startDate: start.date, endDate: end.date };
  }
  return null;
}

function blocksTime(event: GoogleEvent): boolean {
  if (event.transparency === 'transparent') return false;
  if (event.extendedProperties?.private?.[APPOINTMENT_PROPERTY]) return false;
  const self = event.attendees?.find((attendee) => attendee.self === true);
  return self?.responseStatus !== 'declined';
}

/**
 * One listed Google event as the inbound sync sees it: cancelled ones are removed; the rest are
 * busy unless transparent, declined by the calendar's owner, or created by Slotline. Returns null
 * for an event without an id or usable start and end (never seen from Google, but not trusted).
 */
export function toExternalEvent(event: GoogleEvent): ExternalEvent | null {
  if (!event.id) return null;
  if (event.status === 'cancelled') return { externalEventId: event.id, removed: true };
  const timing = toTiming(event);
  if (timing === null) return null;
  return { externalEventId: event.id, removed: false, busy: blocksTime(event), timing };
}
