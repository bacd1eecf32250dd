// Writes Slotline appointments to the Outlook calendar (POST, PATCH, DELETE /me/events).
import { z } from 'zod';
import type { CreatedEvent, OutboundEvent } from '../calendar-client.ts';
import { GraphApiError, graphFailure, readGraphError } from './graph-http.ts';
import type { GraphSend } from './graph-session.ts';

/** Category on every event Slotline writes; the pull recognises its own events by it. */
export const SLOTLINE_CATEGORY = 'Slotline';
/** transactionId prefix: makes a retried POST idempotent and marks the event as Slotline's. */
export const SLOTLINE_TRANSACTION_PREFIX = 'slotline-';

const createdBody = z.object({ id: z.string().min(1) });

/** Graph wants a zone-less local time plus the zone name; UTC avoids zone-name mapping. */
function graphTime(instant: Date): { dateTime: string; timeZone: string } {
  return { dateTime: instant.toISOString().slice(0, 19), timeZone: 'UTC' };
}

function bodyText(event: OutboundEvent): string {
  if (event.meetingLink === null) return event.description;
  const link = `Join online: ${event.meetingLink}`;
  return event.description === '' ? link : `${event.description}\n\n${link}`;
}

/** The fields an update rewrites; Outlook shows the event in each reader's own zone. */
function editableFields(event: OutboundEvent): Record<string, unknown> {
  return {
    subject: event.summary,
    body: { contentType: 'text', content: bodyText(event) },
    start: graphTime(event.start),
    end: graphTime(event.end),
    location: { displayName: event.meetingLink ?? '' },
  };
}

/**
 * Creates the appointment as a busy event marked as Slotline's (transactionId + category). A
 * retried create with the same appointment returns the event Graph already made. Never asks
 * Graph for a meeting link: meetingLink is always null.
 */
export async function createOutlookEvent(
  send: GraphSend,
  graphUrl: string,
  event: OutboundEvent,
): Promise<CreatedEvent> {
  const response = await send({
    method: 'POST',
    url: `${graphUrl}/v1.0/me/events`,
    body: {
      ...editableFields(event),
      showAs: 'busy',
      transactionId: `${SLOTLINE_TRANSACTION_PREFIX}${event.appointmentId}`,
      categories: [SLOTLINE_CATEGORY],
    },
  });
  if (!response.ok) throw graphFailure(await readGraphError(response), 'Creating the event');
  const parsed = createdBody.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    const cause = new GraphApiError(response.status, null, 'no event id in the answer');
    throw graphFailure(cause, 'Creating the event');
  }
  return { externalEventId: parsed.data.id, meetingLink: null };
}

/** Moves or renames the event; a missing event fails with GraphApiError 404. */
export async function updateOutlookEvent(
  send: GraphSend,
  graphUrl: string,
  externalEventId: string,
  event: OutboundEvent,
): Promise<void> {
  const response = await send({
    method: 'PATCH',
    url: eventUrl(graphUrl, externalEventId),
    body: editableFields(event),
  });
  if (!response.ok) throw graphFailure(await readGraphError(response), 'Updating the event');
  await response.arrayBuffer();
}

/** Deletes the event; one already gone (404/410) counts as deleted. */
export async function deleteOutlookEvent(
  send: GraphSend,
  graphUrl: string,
  externalEventId: string,
): Promise<void> {
  const response = await send({ method: 'DELETE', url: eventUrl(graphUrl, externalEventId) });
  if (response.ok || response.status === 404 || response.status === 410) {
    await response.arrayBuffer();
    return;
  }
  throw graphFailure(await readGraphError(response), 'Deleting the event');
}

function eventUrl(graphUrl: string, id: string): string {
  return `${graphUrl}/v1.0/me/events/${encodeURIComponent(id)}`;
}
