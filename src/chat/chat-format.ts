// How times, days, prices and zones read in chat: one place, in the reader's language, 24-hour clock.
import { DateTime } from 'luxon';
import type { AppointmentStatus } from '../domain/appointment.ts';
import type { Translator } from '../i18n/translator.ts';
import { wallClockOf } from './zone-clock.ts';

// Machine formats (ISO dates, 'HH:mm') read the same in every language.
const LOCALE = 'en-GB';

function localDateTime(instant: Date | number, zone: string, locale = LOCALE): DateTime {
  const dt =
    typeof instant === 'number'
      ? DateTime.fromMillis(instant, { zone })
      : DateTime.fromJSDate(instant, { zone });
  return dt.setLocale(locale);
}

/** 'YYYY-MM-DD' of `instant` in `zone`. */
export function localDate(instant: Date | number, zone: string): string {
  const wall = wallClockOf(instant, zone);
  return wall
    ? wall.toISOString().slice(0, 10)
    : localDateTime(instant, zone).toFormat('yyyy-MM-dd');
}

/** '14:00' */
export function formatClock(instant: Date | number, zone: string): string {
  const wall = wallClockOf(instant, zone);
  return wall ? wall.toISOString().slice(11, 16) : localDateTime(instant, zone).toFormat('HH:mm');
}

/** 'Tue 1 Dec' ('Di., 1. Dez.') for a 'YYYY-MM-DD' date. */
export function formatDayShort(t: Translator, date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale(t.locale).toFormat(t.patterns.dayShort);
}

/** 'Tue 1 Dec 2026' ('Di., 1. Dez. 2026') for a 'YYYY-MM-DD' date. */
export function formatDayLong(t: Translator, date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale(t.locale).toFormat(t.patterns.dayLong);
}

/** The readable place of an IANA zone: 'America/New_York' gives 'New York'. */
export function zoneCity(zone: string): string {
  return (zone.split('/').at(-1) ?? zone).replaceAll('_', ' ');
}

/**
 * A start time as the client reads it, with the provider's clock added when it shows something
 * else: '14:00', or '14:00 (15:00 Berlin time)', or '23:30 (Wed 07:30 Tokyo time)'.
 */
export function dualClock(
  t: Translator,
  instant: Date | number,
  clientZone: string,
  providerZone: string,
): string {
  const mine = localDateTime(instant, clientZone, t.locale);
  const theirs = localDateTime(instant, providerZone, t.locale);
  const own = mine.toFormat('HH:mm');
  if (mine.toFormat('yyyy-MM-dd HH:mm') === theirs.toFormat('yyyy-MM-dd HH:mm')) return own;
  const sameDay = mine.toFormat('yyyy-MM-dd') === theirs.toFormat('yyyy-MM-dd');
  const other = theirs.toFormat(sameDay ? 'HH:mm' : t.patterns.weekdayClock);
  return t.t('common.clockWithProvider', { own, other, city: zoneCity(providerZone) });
}

/** 'Tue 1 Dec 2026, 14:00–15:00' in `zone`. */
export function formatSpan(t: Translator, start: Date, end: Date, zone: string): string {
  const from = localDateTime(start, zone, t.locale);
  const day = from.toFormat(t.patterns.dayLong);
  return `${day}, ${from.toFormat('HH:mm')}–${localDateTime(end, zone).toFormat('HH:mm')}`;
}

/** A price in minor units with its currency: '€50.00' ('50,00 €'), 'free' for 0. */
export function formatPrice(t: Translator, minor: number, currency: string): string {
  if (minor === 0) return t.t('common.free');
  try {
    const format = new Intl.NumberFormat(t.locale, {
      style: 'currency',
      currency: currency.trim(),
    });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(minor / 10 ** digits);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

/** '60 min', '90 min' ('60 Min.') */
export function formatDuration(t: Translator, minutes: number): string {
  return t.t('common.duration', { minutes });
}

/** A status as a reader says it: 'waiting for approval'. */
export function statusWords(t: Translator, status: AppointmentStatus): string {
  return t.t(`status.${status}`);
}
