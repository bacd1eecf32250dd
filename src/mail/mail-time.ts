// How an appointment's time reads in a mail: the recipient's own zone, named, 24-hour clock.
import { DateTime } from 'luxon';

const LOCALE = 'en-GB';

function local(instant: Date, zone: string): DateTime {
  return DateTime.fromJSDate(instant, { zone }).setLocale(LOCALE);
}

/** 'America/New_York' gives 'New York'. */
function zoneCity(zone: string): string {
  return (zone.split('/').at(-1) ?? zone).replaceAll('_', ' ');
}

/**
 * 'Tue 1 Dec 2026, 14:00–15:00 (London time)' in `zone`; the end carries its own date when
 * it falls on another local day. Throws on an unknown zone rather than print a wrong time.
 */
export function formatMailWhen(start: Date, end: Date, zone: string): string {
  const from = local(start, zone);
  const to = local(end, zone);
  if (!from.isValid || !to.isValid) throw new Error(`unknown time zone ${zone}`);
  const sameDay = from.hasSame(to, 'day');
  const until = to.toFormat(sameDay ? 'HH:mm' : 'ccc d LLL yyyy, HH:mm');
  return `${from.toFormat('ccc d LLL yyyy, HH:mm')}–${until} (${zoneCity(zone)} time)`;
}

/** 'Tue 1 Dec, 14:00' in `zone`, short enough for a subject line. */
export function formatMailShort(start: Date, zone: string): string {
  return local(start, zone).toFormat('ccc d LLL, HH:mm');
}

/** '14 Dec 2026' in `zone`: a day, for dates like the end of a lockout. */
export function formatMailDate(instant: Date, zone: string): string {
  return local(instant, zone).toFormat('d LLL yyyy');
}
