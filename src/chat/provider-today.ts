// /today for a linked provider: the day's appointments in their zone, with Approve and Decline on
// requests and Complete and No-show once an appointment has started.

import { DateTime } from 'luxon';
import { getProvider } from '../catalog/get-provider.ts';
import type { Database } from '../db/database.ts';
import type { Translator } from '../i18n/translator.ts';
import type { AppointmentView } from './appointment-view.ts';
import { providerAppointmentsBetween } from './appointment-view.ts';
import { appointmentData } from './button-data.ts';
import { formatClock, formatDayLong, localDate, statusWords, zoneCity } from './chat-format.ts';
import { button, chatMessage, MAX_ROWS } from './chat-message.ts';
import type { ChatButton, ChatMessage } from './chat-types.ts';
import { decisionRow } from './provider-requests.ts';

/** The provider's today at `now`, with `lead` lines (an outcome) above it. */
export async function todayMessage(
  t: Translator,
  db: Database,
  providerId: string,
  now: Date,
  lead: string[] = [],
): Promise<ChatMessage> {
  const provider = await getProvider(db, providerId);
  if (!provider.ok) {
    return chatMessage([...lead, t.t('provider.profileGone')].join('\n'));
  }
  const zone = provider.value.timezone;
  const start = DateTime.fromJSDate(now, { zone }).startOf('day');
  const views = await providerAppointmentsBetween(
    db,
    providerId,
    start.toJSDate(),
    start.plus({ days: 1 }).toJSDate(),
  );
  const day = formatDayLong(t, localDate(now, zone));
  const title = t.t('provider.todayTitle', { day, city: zoneCity(zone) });
  if (views.length === 0) {
    return chatMessage([...lead, title, t.t('provider.nothingBooked')].join('\n'));
  }
  const lines = views.map((v) => dayLine(t, v, zone));
  const rows = [...pendingRows(t, views, zone, now), ...dueRows(t, views, zone, now)];
  const footer = rows.length > MAX_ROWS ? [t.t('provider.buttonsFirst', { count: MAX_ROWS })] : [];
  const text = [...lead, title, ...lines, ...footer].join('\n');
  return chatMessage(text, { buttons: rows.slice(0, MAX_ROWS) });
}

/** '10:00–11:00 Massage, Sam (confirmed)' in `zone`. */
function dayLine(t: Translator, v: AppointmentView, zone: string): string {
  const span = `${formatClock(v.appointment.startTime, zone)}–${formatClock(v.appointment.endTime, zone)}`;
  const status = statusWords(t, v.appointment.status);
  return t.t('provider.dayLine', { span, service: v.serviceName, client: v.clientName, status });
}

/** '10:00 Sam': which appointment a button acts on. */
function who(t: Translator, v: AppointmentView, zone: string): string {
  const clock = formatClock(v.appointment.startTime, zone);
  return t.t('provider.buttonWho', { clock, client: v.clientName });
}

/** Approve and Decline for today's requests that have not started yet. */
function pendingRows(
  t: Translator,
  views: readonly AppointmentView[],
  zone: string,
  now: Date,
): ChatButton[][] {
  return views
    .filter((v) => v.appointment.status === 'PENDING' && v.appointment.startTime > now)
    .map((v) => decisionRow(t, v, who(t, v, zone)));
}

/** Complete and No-show for confirmed appointments that have started. */
function dueRows(
  t: Translator,
  views: readonly AppointmentView[],
  zone: string,
  now: Date,
): ChatButton[][] {
  return views
    .filter((v) => v.appointment.status === 'CONFIRMED' && v.appointment.startTime <= now)
    .map((v) => {
      const label = who(t, v, zone);
      const id = v.appointment.id;
      return [
        button(t.t('provider.completeLabel', { label }), appointmentData('cp', id), 'primary'),
        button(t.t('provider.noShowLabel', { label }), appointmentData('ns', id), 'danger'),
      ];
    });
}
