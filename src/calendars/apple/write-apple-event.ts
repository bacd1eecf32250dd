// Creates, replaces and deletes Slotline's own events in an iCloud calendar.
import type { CreatedEvent, OutboundEvent } from '../calendar-client.ts';
import { buildAppleEventIcs } from './build-apple-event-ics.ts';
import { expectStatus, runCalDav } from './caldav-exchange.ts';
import type { AppleTarget } from './icloud-session.ts';

const WRITTEN = [200, 201, 204];
const DELETED_OR_GONE = [200, 204, 404, 410];

/**
 * PUTs `<appointmentId>.ics` with If-None-Match: *. A 412 means an earlier attempt already
 * stored it (its answer was lost), so the object is replaced instead: retrying is safe. The
 * externalEventId is the object's name relative to the calendar URL, so it survives the account
 * moving between iCloud hosts as long as the calendar URL is updated.
 */
export async function createAppleEvent(
  target: AppleTarget,
  event: OutboundEvent,
): Promise<CreatedEvent> {
  const ics = buildAppleEventIcs(event, target.now());
  const filename = `${encodeURIComponent(event.appointmentId)}.ics`;
  const url = objectUrl(target, filename);
  await runCalDav('creating an event', target.timeoutMs, async (fetch) => {
    const { client, calendar } = target;
    const created = await client.createCalendarObject({
      calendar,
      filename,
      iCalString: ics,
      fetch,
    });
    if (created.status !== 412) return expectStatus('creating an event', created, WRITTEN);
    await created.arrayBuffer().catch(() => undefined);
    const replaced = await client.updateCalendarObject({
      calendarObject: { url, data: ics },
      fetch,
    });
    return expectStatus('creating an event', replaced, WRITTEN);
  });
  return { externalEventId: filename, meetingLink: null };
}

/**
 * PUTs the new object over the old one without If-Match: Slotline owns the event, so the last
 * write wins. If the provider deleted it in Apple Calendar, this puts it back.
 */
export async function replaceAppleEvent(
  target: AppleTarget,
  externalEventId: string,
  event: OutboundEvent,
): Promise<void> {
  const ics = buildAppleEventIcs(event, target.now());
  const url = objectUrl(target, externalEventId);
  await runCalDav('updating an event', target.timeoutMs, async (fetch) => {
    const response = await target.client.updateCalendarObject({
      calendarObject: { url, data: ics },
      fetch,
    });
    await expectStatus('updating an event', response, WRITTEN);
  });
}

/** DELETEs the object without If-Match; one already gone (404/410) counts as deleted. */
export async function deleteAppleEvent(
  target: AppleTarget,
  externalEventId: string,
): Promise<void> {
  const url = objectUrl(target, externalEventId);
  await runCalDav('deleting an event', target.timeoutMs, async (fetch) => {
    const response = await target.client.deleteCalendarObject({ calendarObject: { url }, fetch });
    await expectStatus('deleting an event', response, DELETED_OR_GONE);
  });
}

/**
 * Resolves an externalEventId (relative name, or an absolute URL from elsewhere) against the
 * calendar, refusing anything outside it so stored ids can never send credentials elsewhere.
 */
function objectUrl(target: AppleTarget, externalEventId: string): string {
  const base = target.calendar.url.endsWith('/') ? target.calendar.url : `${target.calendar.url}/`;
  const url = new URL(externalEventId, base).href;
  const name = url.startsWith(base) ? url.slice(base.length) : '';
  if (name === '' || name.includes('/') || name.includes('?') || name.includes('#')) {
    throw new Error('externalEventId is not an object of this calendar');
  }
  return url;
}
