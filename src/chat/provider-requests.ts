// /requests for a linked provider: every booking request still waiting, with Approve and Decline.

import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { appointments } from '../db/schema/appointments.ts';
import { UNTHREADED_EN } from '../i18n/translator.ts';
import type { AppointmentView } from './appointment-view.ts';
import { readAppointmentView } from './appointment-view.ts';
import { appointmentData, commandData } from './button-data.ts';
import { formatClock, formatDayShort, localDate, zoneCity } from './chat-format.ts';
import { button, chatMessage, MAX_ROWS } from './chat-message.ts';
import type { ChatButton, ChatMessage } from './chat-types.ts';
import { pageFooter, pageNumber } from './provider-list-page.ts';

/** One row of buttons per request: as many requests as a message may carry rows. */
const PER_PAGE = MAX_ROWS;
const MAX_LISTED = 500;
const MAX_LINE = 200;

/** The ids of the provider's PENDING appointments that start after `now`, soonest first. */
export async function pendingRequestIds(
  db: Database,
  providerId: string,
  now: Date,
): Promise<string[]> {
  const rows = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.providerId, providerId),
        eq(appointments.status, 'PENDING'),
        gt(appointments.startTime, now),
      ),
    )
    .orderBy(asc(appointments.startTime), asc(appointments.id))
    .limit(MAX_LISTED);
  return rows.map((row) => row.id);
}

/** The page of waiting requests that `args` asks for (a page number, or nothing for the first). */
export async function requestsMessage(
  db: Database,
  providerId: string,
  now: Date,
  args: string,
): Promise<ChatMessage> {
  const asked = pageNumber(args);
  if (asked === null) {
    return chatMessage(
      'Send /requests for the requests waiting for you, or /requests 2 for page 2.',
    );
  }
  const ids = await pendingRequestIds(db, providerId, now);
  if (ids.length === 0) {
    return chatMessage('No booking requests are waiting for you.', {
      buttons: [[button('Your week', commandData('week'))]],
    });
  }
  const pages = Math.ceil(ids.length / PER_PAGE);
  const page = Math.min(asked, pages);
  const first = (page - 1) * PER_PAGE;
  const shown = await readViews(db, ids.slice(first, first + PER_PAGE));
  const zone = shown[0]?.providerTimezone ?? 'UTC';
  const waits = ids.length === 1 ? 'request waits' : 'requests wait';
  const title = `${ids.length} booking ${waits} for you (${zoneCity(zone)} time):`;
  const lines = shown.map((view, i) => `${first + i + 1}. ${requestLine(view)}`);
  const rows = shown.map((view, i) => decisionRow(view, `${first + i + 1}`));
  const text = [title, ...lines, ...pageFooter('requests', page, pages)].join('\n');
  return chatMessage(text, { buttons: rows });
}

/** Approve and Decline for one request, labelled with `label` (its number or its time). */
export function decisionRow(view: AppointmentView, label: string): ChatButton[] {
  const id = view.appointment.id;
  return [
    button(`Approve ${label}`, appointmentData('ap', id), 'primary'),
    button(`Decline ${label}`, appointmentData('dc', id), 'danger'),
  ];
}

/** "Tue 1 Dec, 10:00–10:30: Check-up for Carol.", in the provider's zone. */
function requestLine(view: AppointmentView): string {
  const { startTime, endTime, notes } = view.appointment;
  const zone = view.providerTimezone;
  const day = formatDayShort(UNTHREADED_EN, localDate(startTime, zone));
  const note = notes ? ` Notes: ${notes}` : '';
  const span = `${formatClock(startTime, zone)}–${formatClock(endTime, zone)}`;
  const line = `${day}, ${span}: ${view.serviceName} for ${view.clientName}.${note}`;
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
}

async function readViews(db: Database, ids: readonly string[]): Promise<AppointmentView[]> {
  const views = await Promise.all(ids.map((id) => readAppointmentView(db, id)));
  return views.filter((view): view is AppointmentView => view !== null);
}
