// /block DATE [HH:MM-HH:MM] and /unblock DATE: one-day exceptions to a provider's hours.

import { addOverride } from '../catalog/add-override.ts';
import { isCalendarDate } from '../catalog/calendar-date.ts';
import { deleteOverride } from '../catalog/delete-override.ts';
import { getProvider } from '../catalog/get-provider.ts';
import { listOverrides } from '../catalog/list-overrides.ts';
import type { Database } from '../db/database.ts';
import { LANGUAGE_CODES } from '../i18n/languages.ts';
import type { Translator } from '../i18n/translator.ts';
import { namedDay, parseDates } from './booking-words.ts';
import { formatDayLong, zoneCity } from './chat-format.ts';
import { chatMessage } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';
import { describeFailure } from './failure-reply.ts';
import { dayWordsOf } from './words/day-words.ts';

const TIME_RANGE = /\s+(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/;

/** The provider's zone, or the reply saying why there is none (the provider is gone). */
async function providerZone(
  t: Translator,
  db: Database,
  providerId: string,
): Promise<string | ChatMessage> {
  const provider = await getProvider(db, providerId);
  return provider.ok
    ? provider.value.timezone
    : chatMessage(describeFailure(t, provider, 'UTC').text);
}

/** `/block DATE [HH:MM-HH:MM]`: blocks the day, or part of it, in the provider's own zone. */
export async function blockCommand(
  t: Translator,
  db: Database,
  providerId: string,
  args: string,
  now: Date,
): Promise<ChatMessage> {
  const zone = await providerZone(t, db, providerId);
  if (typeof zone !== 'string') return zone;
  const range = TIME_RANGE.exec(` ${args.trim()}`);
  const dateText = range ? ` ${args.trim()}`.slice(0, range.index).trim() : args.trim();
  const date = readDate(t, dateText, zone, now);
  if (date === null) return chatMessage(t.t('provider.blockUsage'));
  const startTime = range?.[1] ? padClock(range[1]) : null;
  const endTime = range?.[2] ? padClock(range[2]) : null;
  const result = await addOverride(
    db,
    providerId,
    { date, startTime, endTime, isBlocked: true },
    now,
  );
  if (!result.ok) {
    if (result.code === 'VALIDATION_ERROR') {
      const usage = t.t('provider.blockUsage');
      return chatMessage(t.t('provider.blockInvalid', { problem: result.message, usage }));
    }
    return chatMessage(describeFailure(t, result, zone).text);
  }
  const day = formatDayLong(t, date);
  const where = { day, city: zoneCity(zone), date };
  return chatMessage(
    startTime && endTime
      ? t.t('provider.blockedSpan', { from: startTime, to: endTime, ...where })
      : t.t('provider.blockedDay', where),
  );
}

/** `/unblock DATE`: removes the provider's own blocks on that day (calendar blocks stay). */
export async function unblockCommand(
  t: Translator,
  db: Database,
  providerId: string,
  args: string,
  now: Date,
): Promise<ChatMessage> {
  const zone = await providerZone(t, db, providerId);
  if (typeof zone !== 'string') return zone;
  const date = readDate(t, args.trim(), zone, now);
  if (date === null) return chatMessage(t.t('provider.unblockUsage'));
  const listed = await listOverrides(
    db,
    providerId,
    { from: date, to: date },
    { limit: 100, cursor: null },
  );
  if (!listed.ok) return chatMessage(describeFailure(t, listed, zone).text);
  const blocks = listed.value.items.filter((o) => o.isBlocked && o.source === 'MANUAL');
  let removed = 0;
  for (const block of blocks) {
    const deleted = await deleteOverride(db, block.id);
    if (deleted.ok) removed += 1;
  }
  if (removed === 0)
    return chatMessage(t.t('provider.nothingBlocked', { day: formatDayLong(t, date) }));
  return chatMessage(t.t('provider.unblocked', { day: formatDayLong(t, date), count: removed }));
}

/** 'YYYY-MM-DD', or a day chrono reads in the provider's zone ('tomorrow', 'dec 24'). */
function readDate(t: Translator, text: string, zone: string, now: Date): string | null {
  if (text.length === 0 || text.length > 100) return null;
  if (isCalendarDate(text)) return text;
  const [first] = parseDates(t, text, zone, now);
  // The whole text must be the date. A language may spell it out before chrono reads it ('am 12.'
  // becomes a full date in German), so its spelt-out text counts as the whole too.
  const wholes = LANGUAGE_CODES.map((lang) => dayWordsOf(lang).prepare(text, zone, now).trim());
  if (!first || !wholes.includes(first.text.trim())) return null;
  const date = namedDay(first.start);
  return date !== null && isCalendarDate(date) ? date : null;
}

function padClock(clock: string): string {
  return clock.length === 4 ? `0${clock}` : clock;
}
