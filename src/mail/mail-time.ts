// How an appointment's time reads in a mail: the recipient's own zone and language, 24-hour clock.
import { DateTime } from 'luxon';
import { zoneCity } from '../chat/chat-format.ts';
import type { Translator } from '../i18n/translator.ts';

function local(t: Translator, instant: Date, zone: string): DateTime {
  return DateTime.fromJSDate(instant, { zone }).setLocale(t.locale);
}

/**
 * 'Tue 1 Dec 2026, 14:00–15:00 (London time)' ('Di., 1. Dez. 2026, 14:00–15:00 (Zeit London)')
 * in `zone`; the end carries its own date when it falls on another local day. Throws on an
 * unknown zone rather than print a wrong time.
 */
export function formatMailWhen(t: Translator, start: Date, end: Date, zone: string): string {
  const from = local(t, start, zone);
  const to = local(t, end, zone);
  if (!from.isValid || !to.isValid) throw new Error(`unknown time zone ${zone}`);
  const dayAndClock = `${t.patterns.dayLong}, HH:mm`;
  const until = to.toFormat(from.hasSame(to, 'day') ? 'HH:mm' : dayAndClock);
  return t.t('mail.when', { from: from.toFormat(dayAndClock), until, city: zoneCity(zone) });
}

/** 'Tue 1 Dec, 14:00' ('Di., 1. Dez., 14:00') in `zone`, short enough for a subject line. */
export function formatMailShort(t: Translator, start: Date, zone: string): string {
  return local(t, start, zone).toFormat(`${t.patterns.dayShort}, HH:mm`);
}

/** '14 Dec 2026' ('14. Dez. 2026') in `zone`: a day, for dates like the end of a lockout. */
export function formatMailDate(t: Translator, instant: Date, zone: string): string {
  return local(t, instant, zone).toLocaleString(DateTime.DATE_MED);
}
