// /week for a linked provider: the next 7 days by day in their zone, requests marked and actionable.

import { DateTime } from 'luxon';
import { getProvider } from '../catalog/get-provider.ts';
import type { Database } from '../db/database.ts';
import type { Translator } from '../i18n/translator.ts';
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
  t: Translator,
  db: Database,
  providerId: string,
  now: Date,
  args: string,
): Promise<ChatMessage> {
  const asked = pageNumber(args);
  if (asked === null) return chatMessage(t.t('provider.weekUsage'));
  const provider = await getProvider(db, providerId);
  if (!provider.ok) return chatMessage(t.t('provider.profileGone'));
  const zone = provider.value.timezone;
  const start = DateTime.fromJSDate(now, { zone }).startOf('day');
  const end = start.plus({ days: DAYS });
  const title = t.t('provider.weekTitle', {
    from: formatDayShort(t, start.toISODate() ?? ''),
    to: formatDayShort(t, end.minus({ days: 1 }).toISODate() ?? ''),
    city: zoneCity(zone),
  });
  const views = await providerAppointmentsBetween(db, providerId, start.toJSDate(), end.toJSDate());
  if (views.length === 0) return chatMessage(`${title}\n${t.t('provider.nothingBooked')}`);
  const entries = views.map((view) => entryOf(t, view, zone, now));
  const starts = pageStarts(entries, BOUNDS);
  const page = Math.min(asked, starts.length);
  const shown = entries.slice(starts[page - 1], starts[page]);
  const waiting = entries.filter((e) => e.actionable).length;
  const lead = waiting > 0 ? [t.t('provider.weekWaiting', { count: waiting })] : [];
  const footer = pageFooter(t, 'week', page, starts.length);
  const text = [title, ...lead, ...byDay(t, shown), ...footer];
  const rows = shown
    .filter((e) => e.actionable)
    .map((e) => decisionRow(t, e.view, label(t, e, zone)));
  return chatMessage(text.join('\n'), { buttons: rows });
}

function entryOf(t: Translator, view: AppointmentView, zone: string, now: Date): Entry {
  const { startTime, endTime, status } = view.appointment;
  const actionable = status === 'PENDING' && startTime > now;
  const values = {
    span: `${formatClock(startTime, zone)}–${formatClock(endTime, zone)}`,
    service: view.serviceName,
    client: view.clientName,
    status: statusWords(t, status),
  };
  const line = t.t(actionable ? 'provider.dayLineWaiting' : 'provider.dayLine', values);
  const text = line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
  return { view, day: localDate(startTime, zone), text, actionable };
}

/** The entries' lines under a heading for each day. */
function byDay(t: Translator, entries: readonly Entry[]): string[] {
  const lines: string[] = [];
  let day = '';
  for (const entry of entries) {
    if (entry.day !== day) {
      day = entry.day;
      lines.push('', t.t('provider.weekDay', { day: formatDayShort(t, day) }));
    }
    lines.push(entry.text);
  }
  return lines;
}

/** "Tue 1 Dec 10:00": which request a button decides. */
function label(t: Translator, entry: Entry, zone: string): string {
  const clock = formatClock(entry.view.appointment.startTime, zone);
  return t.t('provider.weekButtonWhen', { day: formatDayShort(t, entry.day), clock });
}
