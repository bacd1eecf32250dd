// /week for a linked provider: the next 7 days by day in their zone, requests marked and actionable.

import { DateTime } from 'luxon';
import { getProvider } from '../catalog/get-provider.ts';
import type { Database } from '../db/database.ts';
import { UNTHREADED_EN } from '../i18n/translator.ts';
import type { AppointmentView } from './appointment-view.ts';
import { providerAppointmentsBetween } from './appointment-view.ts';
import { formatClock, formatDayShort, localDate, statusWords, zoneCity } from './chat-format.ts';
import { chatMessage, MAX_ROWS } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';
import {
  LIST_CHARS,
  type PagedLine,
  pageFooter,
  pageNumber,
  pageStarts,
} from './provider-list-page.ts';
import { decisionRow } from './provider-requests.ts';

const DAYS = 7;
const BOUNDS = { items: 15, actionable: MAX_ROWS, chars: LIST_CHARS };
const MAX_LINE = 160;

type Entry = PagedLine & { readonly view: AppointmentView; readonly day: string };

/** The page of the provider's coming week that `args` asks for (a page number or nothing). */
export async function weekMessage(
  db: Database,
  providerId: string,
  now: Date,
  args: string,
): Promise<ChatMessage> {
  const asked = pageNumber(args);
  if (asked === null) return chatMessage('Send /week for your next 7 days, or /week 2 for page 2.');
  const provider = await getProvider(db, providerId);
  if (!provider.ok) return chatMessage('Your provider profile no longer exists.');
  const zone = provider.value.timezone;
  const start = DateTime.fromJSDate(now, { zone }).startOf('day');
  const end = start.plus({ days: DAYS });
  const range = `${formatDayShort(UNTHREADED_EN, start.toISODate() ?? '')} – ${formatDayShort(UNTHREADED_EN, end.minus({ days: 1 }).toISODate() ?? '')}`;
  const title = `Your week, ${range} (${zoneCity(zone)} time):`;
  const views = await providerAppointmentsBetween(db, providerId, start.toJSDate(), end.toJSDate());
  if (views.length === 0) return chatMessage(`${title}\nNothing booked.`);
  const entries = views.map((view) => entryOf(view, zone, now));
  const starts = pageStarts(entries, BOUNDS);
  const page = Math.min(asked, starts.length);
  const shown = entries.slice(starts[page - 1], starts[page]);
  const waiting = entries.filter((e) => e.actionable).length;
  const lead = waiting > 0 ? [`${waiting} waiting for your approval, marked ⏳.`] : [];
  const text = [title, ...lead, ...byDay(shown), ...pageFooter('week', page, starts.length)];
  const rows = shown.filter((e) => e.actionable).map((e) => decisionRow(e.view, label(e, zone)));
  return chatMessage(text.join('\n'), { buttons: rows });
}

function entryOf(view: AppointmentView, zone: string, now: Date): Entry {
  const { startTime, endTime, status } = view.appointment;
  const actionable = status === 'PENDING' && startTime > now;
  const span = `${formatClock(startTime, zone)}–${formatClock(endTime, zone)}`;
  const mark = actionable ? '⏳ ' : '';
  const line = `${mark}${span} ${view.serviceName}, ${view.clientName} (${statusWords(UNTHREADED_EN, status)})`;
  const text = line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
  return { view, day: localDate(startTime, zone), text, actionable };
}

/** The entries' lines under a heading for each day. */
function byDay(entries: readonly Entry[]): string[] {
  const lines: string[] = [];
  let day = '';
  for (const entry of entries) {
    if (entry.day !== day) {
      day = entry.day;
      lines.push('', `${formatDayShort(UNTHREADED_EN, day)}:`);
    }
    lines.push(entry.text);
  }
  return lines;
}

/** "Tue 1 Dec 10:00": which request a button decides. */
function label(entry: Entry, zone: string): string {
  return `${formatDayShort(UNTHREADED_EN, entry.day)} ${formatClock(entry.view.appointment.startTime, zone)}`;
}
