// How times, days, prices and zones read in chat: one place, English, 24-hour clock.
import { DateTime } from 'luxon';
import type { AppointmentStatus } from '../domain/appointment.ts';
import { wallClockOf } from './zone-clock.ts';

const LOCALE = 'en-GB';

function localDateTime(instant: Date | number, zone: string): DateTime {
  const dt =
    typeof instant === 'number'
      ? DateTime.fromMillis(instant, { zone })
      : DateTime.fromJSDate(instant, { zone });
  return dt.setLocale(LOCALE);
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

/** 'Tue 1 Dec' for a 'YYYY-MM-DD' date. */
export function formatDayShort(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale(LOCALE).toFormat('ccc d LLL');
}

/** 'Tue 1 Dec 2026' for a 'YYYY-MM-DD' date. */
export function formatDayLong(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale(LOCALE).toFormat('ccc d LLL yyyy');
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
  instant: Date | number,
  clientZone: string,
  providerZone: string,
): string {
  const mine = localDateTime(instant, clientZone);
  const theirs = localDateTime(instant, providerZone);
  const own = mine.toFormat('HH:mm');
  if (mine.toFormat('yyyy-MM-dd HH:mm') === theirs.toFormat('yyyy-MM-dd HH:mm')) return own;
  const sameDay = mine.toFormat('yyyy-MM-dd') === theirs.toFormat('yyyy-MM-dd');
  const other = theirs.toFormat(sameDay ? 'HH:mm' : 'ccc HH:mm');
  return `${own} (${other} ${zoneCity(providerZone)} time)`;
}

/** 'Tue 1 Dec 2026, 14:00–15:00' in `zone`. */
export function formatSpan(start: Date, end: Date, zone: string): string {
  const from = localDateTime(start, zone);
  return `${from.toFormat('ccc d LLL yyyy, HH:mm')}–${localDateTime(end, zone).toFormat('HH:mm')}`;
}

/** A price in minor units with its currency: '€50.00', 'free' for 0. */
export function formatPrice(minor: number, currency: string): string {
  if (minor === 0) return 'free';
  try {
    const format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: currency.trim() });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(minor / 10 ** digits);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

/** '60 min', '90 min' */
export function formatDuration(minutes: number): string {
  return `${minutes} min`;
}

const STATUS_WORDS: Record<AppointmentStatus, string> = {
  AWAITING_PAYMENT: 'held until paid',
  PENDING: 'waiting for approval',
  CONFIRMED: 'confirmed',
  CANCELLED: 'cancelled',
  COMPLETED: 'completed',
  NO_SHOW: 'marked as a no-show',
};

export function statusWords(status: AppointmentStatus): string {
  return STATUS_WORDS[status];
}
