// Maps one Graph delta item to the inbound sync's ExternalEvent (busy rules, all-day dates).
import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  CalendarUnavailableError,
  type EventTiming,
  type ExternalEvent,
} from '../calendar-client.ts';
import { SLOTLINE_CATEGORY, SLOTLINE_TRANSACTION_PREFIX } from './outlook-events.ts';

const graphTime = z.object({ dateTime: z.string(), timeZone: z.string() });

const removedItem = z.object({ id: z.string().min(1), '@removed': z.unknown() });

const eventItem = z.object({
  id: z.string().min(1),
  start: graphTime,
  end: graphTime,
  isAllDay: z.boolean().optional(),
  isCancelled: z.boolean().optional(),
  showAs: z.string().optional(),
  transactionId: z.string().nullish(),
  categories: z.array(z.string()).optional(),
  responseStatus: z.object({ response: z.string().optional() }).nullish(),
});

type GraphEventItem = z.infer<typeof eventItem>;

const FREE_SHOW_AS = new Set(['free', 'workingElsewhere']);
const DATE_PART = /^\d{4}-\d{2}-\d{2}/;

/**
 * Maps a delta item: '@removed' → removed; else busy unless cancelled, declined, shown as free or
 * working elsewhere, or written by Slotline (transactionId prefix or category). Throws
 * CalendarUnavailableError for an item that is neither (Graph changed shape).
 */
export function mapGraphEvent(item: unknown): ExternalEvent {
  const removed = removedItem.safeParse(item);
  if (removed.success && removed.data['@removed'] !== undefined) {
    return { externalEventId: removed.data.id, removed: true };
  }
  const parsed = eventItem.safeParse(item);
  if (!parsed.success) {
    throw new CalendarUnavailableError('Graph sent an event the sync cannot read', {
      cause: parsed.error,
    });
  }
  const event = parsed.data;
  return {
    externalEventId: event.id,
    removed: false,
    busy: isBusy(event),
    timing: eventTiming(event),
  };
}

function isBusy(event: GraphEventItem): boolean {
  if (event.isCancelled === true) return false;
  if (event.responseStatus?.response === 'declined') return false;
  if (event.showAs !== undefined && FREE_SHOW_AS.has(event.showAs)) return false;
  return !isSlotlineEvent(event);
}

function isSlotlineEvent(event: GraphEventItem): boolean {
  return (
    (event.transactionId ?? '').startsWith(SLOTLINE_TRANSACTION_PREFIX) ||
    (event.categories ?? []).includes(SLOTLINE_CATEGORY)
  );
}

/** All-day events are floating dates whatever zone they are labelled with; end is exclusive. */
function eventTiming(event: GraphEventItem): EventTiming {
  if (event.isAllDay === true) {
    return {
      kind: 'all-day',
      startDate: datePart(event.start.dateTime),
      endDate: datePart(event.end.dateTime),
    };
  }
  return { kind: 'timed', start: toInstant(event.start), end: toInstant(event.end) };
}

function datePart(dateTime: string): string {
  const match = DATE_PART.exec(dateTime);
  if (match === null) throw unreadableTime();
  return match[0];
}

/** Pulls ask for UTC; an IANA label is honoured too, anything else is refused. */
function toInstant(value: { dateTime: string; timeZone: string }): Date {
  const parsed = DateTime.fromISO(value.dateTime, { zone: value.timeZone });
  if (!parsed.isValid) throw unreadableTime();
  return parsed.toJSDate();
}

function unreadableTime(): CalendarUnavailableError {
  return new CalendarUnavailableError('Graph sent an event time the sync cannot read');
}
