// /today for a linked provider: the day's appointments in their zone, with Approve and Decline on
// requests and Complete and No-show once an appointment has started.

import { DateTime } from 'luxon';
import { getProvider } from '../catalog/get-provider.ts';
import type { Database } from '../db/database.ts';
import { UNTHREADED_EN } from '../i18n/translator.ts';
import type { AppointmentView } from './appointment-view.ts';
import { providerAppointmentsBetween } from './appointment-view.ts';
import { appointmentData } from './button-data.ts';
import { formatClock, formatDayLong, localDate, statusWords, zoneCity } from './chat-format.ts';
import { button, chatMessage, MAX_ROWS } from './chat-message.ts';
import type { ChatButton, ChatMessage } from './chat-types.ts';
import { decisionRow } from './provider-requests.ts';

/** The provider's today at `now`, with `lead` lines (an outcome) above it. */
export async function todayMessage(
  db: Database,
  providerId: string,
  now: Date,
  lead: string[] = [],
): Promise<ChatMessage> {
  const provider = await getProvider(db, providerId);
  if (!provider.ok) {
    return chatMessage([...lead, 'Your provider profile no longer exists.'].join('\n'));
  }
  const zone = provider.value.timezone;
  const start = DateTime.fromJSDate(now, { zone }).startOf('day');
  const views = await providerAppointmentsBetween(
    db,
    providerId,
    start.toJSDate(),
    start.plus({ days: 1 }).toJSDate(),
  );
  const title = `Today, ${formatDayLong(UNTHREADED_EN, localDate(now, zone))} (${zoneCity(zone)} time):`;
  if (views.length === 0) return chatMessage([...lead, title, 'Nothing booked.'].join('\n'));
  const lines = views.map((v) => {
    const span = `${formatClock(v.appointment.startTime, zone)}–${formatClock(v.appointment.endTime, zone)}`;
    return `${span} ${v.serviceName}, ${v.clientName} (${statusWords(UNTHREADED_EN, v.appointment.status)})`;
  });
  const rows = [...pendingRows(views, zone, now), ...dueRows(views, zone, now)];
  const footer =
    rows.length > MAX_ROWS
      ? [`(Buttons for the first ${MAX_ROWS}; send /today again for the rest, or /requests.)`]
      : [];
  const text = [...lead, title, ...lines, ...footer].join('\n');
  return chatMessage(text, { buttons: rows.slice(0, MAX_ROWS) });
}

/** Approve and Decline for today's requests that have not started yet. */
function pendingRows(views: readonly AppointmentView[], zone: string, now: Date): ChatButton[][] {
  return views
    .filter((v) => v.appointment.status === 'PENDING' && v.appointment.startTime > now)
    .map((v) => decisionRow(v, `${formatClock(v.appointment.startTime, zone)} ${v.clientName}`));
}

/** Complete and No-show for confirmed appointments that have started. */
function dueRows(views: readonly AppointmentView[], zone: string, now: Date): ChatButton[][] {
  return views
    .filter((v) => v.appointment.status === 'CONFIRMED' && v.appointment.startTime <= now)
    .map((v) => {
      const label = `${formatClock(v.appointment.startTime, zone)} ${v.clientName}`;
      return [
        button(`Complete ${label}`, appointmentData('cp', v.appointment.id), 'primary'),
        button(`No-show ${label}`, appointmentData('ns', v.appointment.id), 'danger'),
      ];
    });
}
