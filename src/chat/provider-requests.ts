// /requests for a linked provider: every booking request still waiting, with Approve and Decline.

import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { appointments } from '../db/schema/appointments.ts';
import type { Translator } from '../i18n/translator.ts';
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
  t: Translator,
  db: Database,
  providerId: string,
  now: Date,
  args: string,
): Promise<ChatMessage> {
  const asked = pageNumber(args);
  if (asked === null) {
    return chatMessage(t.t('provider.requestsUsage'));
  }
  const ids = await pendingRequestIds(db, providerId, now);
  if (ids.length === 0) {
    return chatMessage(t.t('provider.noRequests'), {
      buttons: [[button(t.t('provider.yourWeekButton'), commandData('week'))]],
    });
  }
  const pages = Math.ceil(ids.length / PER_PAGE);
  const page = Math.min(asked, pages);
  const first = (page - 1) * PER_PAGE;
  const shown = await readViews(db, ids.slice(first, first + PER_PAGE));
  const zone = shown[0]?.providerTimezone ?? 'UTC';
  const title = t.t('provider.requestsTitle', { count: ids.length, city: zoneCity(zone) });
  const lines = shown.map((view, i) => `${first + i + 1}. ${requestLine(t, view)}`);
  const rows = shown.map((view, i) => decisionRow(t, view, `${first + i + 1}`));
  const text = [title, ...lines, ...pageFooter(t, 'requests', page, pages)].join('\n');
  return chatMessage(text, { buttons: rows });
}

/** Approve and Decline for one request, labelled with `label` (its number or its time). */
export function decisionRow(t: Translator, view: AppointmentView, label: string): ChatButton[] {
  const id = view.appointment.id;
  return [
    button(t.t('provider.approveLabel', { label }), appointmentData('ap', id), 'primary'),
    button(t.t('provider.declineLabel', { label }), appointmentData('dc', id), 'danger'),
  ];
}

/** "Tue 1 Dec, 10:00–10:30: Check-up for Carol.", in the provider's zone. */
function requestLine(t: Translator, view: AppointmentView): string {
  const { startTime, endTime, notes } = view.appointment;
  const zone = view.providerTimezone;
  const day = formatDayShort(t, localDate(startTime, zone));
  const span = `${formatClock(startTime, zone)}–${formatClock(endTime, zone)}`;
  const values = { day, span, service: view.serviceName, client: view.clientName };
  const line = notes
    ? t.t('provider.requestLineNotes', { ...values, notes })
    : t.t('provider.requestLine', values);
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
}

async function readViews(db: Database, ids: readonly string[]): Promise<AppointmentView[]> {
  const views = await Promise.all(ids.map((id) => readAppointmentView(db, id)));
  return views.filter((view): view is AppointmentView => view !== null);
}
