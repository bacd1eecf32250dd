// The inbound sync for iCloud: every event overlapping the window, read afresh on each pull.
import type { ExternalEvent, PullResult, PullWindow } from '../calendar-client.ts';
import { runCalDav } from './caldav-exchange.ts';
import type { AppleTarget } from './icloud-session.ts';
import { readICalEvents } from './read-ical-events.ts';

/**
 * iCloud has no push and no dependable sync-collection, so every pull is complete: a
 * calendar-query over `window` (then multiget), each object read with readICalEvents. An event
 * missing from the result is gone. Objects that are not valid iCalendar are left out. Throws
 * CalendarAuthError / CalendarUnavailableError as runCalDav does.
 */
export async function pullAppleEvents(
  target: AppleTarget,
  window: PullWindow,
): Promise<PullResult> {
  const objects = await runCalDav('pulling events', target.timeoutMs, (fetch) =>
    target.client.fetchCalendarObjects({
      calendar: target.calendar,
      timeRange: { start: window.from.toISOString(), end: window.to.toISOString() },
      fetch,
    }),
  );
  // One UID per calendar is a CalDAV rule; the map keeps ids unique even if a server breaks it.
  const events = new Map<string, ExternalEvent>();
  for (const object of objects) {
    if (typeof object.data !== 'string') continue;
    for (const event of readICalEvents(object.data, window)) {
      events.set(event.externalEventId, event);
    }
  }
  return { complete: true, events: [...events.values()], cursor: null };
}
