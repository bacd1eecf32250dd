// /block DATE [HH:MM-HH:MM] and /unblock DATE: one-day exceptions to a provider's hours.

import { addOverride } from '../catalog/add-override.ts';
import { isCalendarDate } from '../catalog/calendar-date.ts';
import { deleteOverride } from '../catalog/delete-override.ts';
import { getProvider } from '../catalog/get-provider.ts';
import { listOverrides } from '../catalog/list-overrides.ts';
import type { Database } from '../db/database.ts';
import { UNTHREADED_EN } from '../i18n/translator.ts';
import { namedDay, parseDates } from './booking-words.ts';
import { formatDayLong, zoneCity } from './chat-format.ts';
import { chatMessage } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';
import { describeFailure } from './failure-reply.ts';

const BLOCK_USAGE =
  'Usage: /block DATE [HH:MM-HH:MM], e.g. /block 2026-12-24 or /block tomorrow 12:00-14:00 ' +
  '(your time zone). Without times the whole day is blocked.';
const UNBLOCK_USAGE = 'Usage: /unblock DATE, e.g. /unblock 2026-12-24.';

const TIME_RANGE = /\s+(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/;

/** The provider's zone, or the reply saying why there is none (the provider is gone). */
async function providerZone(db: Database, providerId: string): Promise<string | ChatMessage> {
  const provider = await getProvider(db, providerId);
  return provider.ok ? provider.value.timezone : chatMessage(describeFailure(provider, 'UTC').text);
}

/** `/block DATE [HH:MM-HH:MM]`: blocks the day, or part of it, in the provider's own zone. */
export async function blockCommand(
  db: Database,
  providerId: string,
  args: string,
  now: Date,
): Promise<ChatMessage> {
  const zone = await providerZone(db, providerId);
  if (typeof zone !== 'string') return zone;
  const range = TIME_RANGE.exec(` ${args.trim()}`);
  const dateText = range ? ` ${args.trim()}`.slice(0, range.index).trim() : args.trim();
  const date = readDate(dateText, zone, now);
  if (date === null) return chatMessage(BLOCK_USAGE);
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
      return chatMessage(`I couldn't block that: ${result.message}.\n${BLOCK_USAGE}`);
    }
    return chatMessage(describeFailure(result, zone).text);
  }
  const what = startTime && endTime ? `${startTime}–${endTime}` : 'the whole day';
  return chatMessage(
    `Blocked ${what} on ${formatDayLong(UNTHREADED_EN, date)} (${zoneCity(zone)} time). ` +
      'Bookings already made then stay as they are. Undo with /unblock ' +
      `${date}.`,
  );
}

/** `/unblock DATE`: removes the provider's own blocks on that day (calendar blocks stay). */
export async function unblockCommand(
  db: Database,
  providerId: string,
  args: string,
  now: Date,
): Promise<ChatMessage> {
  const zone = await providerZone(db, providerId);
  if (typeof zone !== 'string') return zone;
  const date = readDate(args.trim(), zone, now);
  if (date === null) return chatMessage(UNBLOCK_USAGE);
  const listed = await listOverrides(
    db,
    providerId,
    { from: date, to: date },
    { limit: 100, cursor: null },
  );
  if (!listed.ok) return chatMessage(describeFailure(listed, zone).text);
  const blocks = listed.value.items.filter((o) => o.isBlocked && o.source === 'MANUAL');
  let removed = 0;
  for (const block of blocks) {
    const deleted = await deleteOverride(db, block.id);
    if (deleted.ok) removed += 1;
  }
  if (removed === 0)
    return chatMessage(`Nothing was blocked on ${formatDayLong(UNTHREADED_EN, date)}.`);
  const plural = removed === 1 ? 'block' : 'blocks';
  return chatMessage(
    `Unblocked ${formatDayLong(UNTHREADED_EN, date)}: removed ${removed} ${plural}; your usual hours apply again.`,
  );
}

/** 'YYYY-MM-DD', or a day chrono reads in the provider's zone ('tomorrow', 'dec 24'). */
function readDate(text: string, zone: string, now: Date): string | null {
  if (text.length === 0 || text.length > 100) return null;
  if (isCalendarDate(text)) return text;
  const [first] = parseDates(text, zone, now);
  if (!first || first.text.trim() !== text.trim()) return null;
  const date = namedDay(first.start);
  return date !== null && isCalendarDate(date) ? date : null;
}

function padClock(clock: string): string {
  return clock.length === 4 ? `0${clock}` : clock;
}
