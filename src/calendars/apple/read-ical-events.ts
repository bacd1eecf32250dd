// Turns one CalDAV calendar object (iCalendar text) into the events the inbound sync sees.
import ical, { type DateWithTimeZone, type VEvent } from 'node-ical';
import type { EventTiming, ExternalEvent, PullWindow } from '../calendar-client.ts';
import { SLOTLINE_UID_SUFFIX } from './build-apple-event-ics.ts';

const DAY_MS = 86_400_000;
/** The widest UTC offset (Kiribati, +14:00): an all-day date may be that far from UTC days. */
const MAX_ZONE_OFFSET_MS = 14 * 3_600_000;

type Occurrence = {
  readonly start: DateWithTimeZone;
  readonly end: DateWithTimeZone | undefined;
  readonly isFullDay: boolean;
  /** The VEVENT whose STATUS and TRANSP apply: the series, or the override of this occurrence. */
  readonly event: VEvent;
};

/**
 * One ExternalEvent per VEVENT, keyed by UID; a recurring VEVENT gives one per occurrence
 * overlapping `window`, keyed `<UID>#<original start>` (ISO instant, or YYYY-MM-DD for all-day
 * series), with EXDATEs removed and RECURRENCE-ID overrides applied. Busy unless
 * STATUS:CANCELLED, TRANSP:TRANSPARENT or a Slotline UID. All-day dates are the DATE values
 * as written, whatever the process time zone. Returns [] for text that is not iCalendar.
 */
export function readICalEvents(ics: string, window: PullWindow): ExternalEvent[] {
  let components: ReturnType<typeof ical.sync.parseICS>;
  try {
    components = ical.sync.parseICS(ics);
  } catch {
    return [];
  }
  return Object.values(components)
    .filter((component): component is VEvent => component?.type === 'VEVENT')
    .flatMap((event) => (event.rrule === undefined ? [single(event)] : occurrences(event, window)));
}

function single(event: VEvent): ExternalEvent {
  // An override without its series (an invitation to one occurrence) keeps its own identity.
  const id =
    event.recurrenceid === undefined
      ? event.uid
      : `${event.uid}#${occurrenceKey(event.recurrenceid, isAllDay(event))}`;
  const occurrence = { start: event.start, end: event.end, isFullDay: isAllDay(event), event };
  return toExternal(id, occurrence);
}

function occurrences(event: VEvent, window: PullWindow): ExternalEvent[] {
  // node-ical compares all-day dates in the process zone; widen by a day and filter here.
  const instances = ical.expandRecurringEvent(event, {
    from: new Date(window.from.getTime() - DAY_MS),
    to: new Date(window.to.getTime() + DAY_MS),
    expandOngoing: true,
  });
  return instances
    .filter((instance) => overlaps(instance, window))
    .map((instance) => {
      const original = instance.isOverride ? instance.event.recurrenceid : instance.start;
      const key = occurrenceKey(original ?? instance.start, instance.isFullDay);
      return toExternal(`${event.uid}#${key}`, instance);
    });
}

function toExternal(externalEventId: string, occurrence: Occurrence): ExternalEvent {
  const { event } = occurrence;
  const busy =
    event.status !== 'CANCELLED' &&
    event.transparency !== 'TRANSPARENT' &&
    !event.uid.endsWith(SLOTLINE_UID_SUFFIX);
  return { externalEventId, removed: false, busy, timing: timingOf(occurrence) };
}

function timingOf({ start, end, isFullDay }: Occurrence): EventTiming {
  if (!isFullDay) return { kind: 'timed', start, end: end ?? start };
  const startDate = localDate(start);
  const endDate = end === undefined ? '' : localDate(end);
  // RFC 5545: an all-day event without a (later) DTEND lasts one day.
  return {
    kind: 'all-day',
    startDate,
    endDate: endDate > startDate ? endDate : nextDay(startDate),
  };
}

function overlaps(occurrence: Occurrence, window: PullWindow): boolean {
  const from = window.from.getTime();
  const to = window.to.getTime();
  if (!occurrence.isFullDay) {
    const start = occurrence.start.getTime();
    const end = (occurrence.end ?? occurrence.start).getTime();
    return end > start ? start < to && end > from : start >= from && start < to;
  }
  // The provider's zone is unknown here: keep days that overlap the window in any zone.
  const timing = timingOf(occurrence);
  if (timing.kind !== 'all-day') return false;
  const start = Date.parse(`${timing.startDate}T00:00:00Z`) - MAX_ZONE_OFFSET_MS;
  const end = Date.parse(`${timing.endDate}T00:00:00Z`) + MAX_ZONE_OFFSET_MS;
  return start < to && end > from;
}

function isAllDay(event: VEvent): boolean {
  return event.datetype === 'date' || event.start.dateOnly === true;
}

function occurrenceKey(date: DateWithTimeZone, allDay: boolean): string {
  return allDay ? localDate(date) : date.toISOString();
}

/** node-ical builds DATE values at local midnight, so the local calendar fields are the DATE. */
function localDate(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${month}-${day}`;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}
