// Keeps a push channel open on calendars that have them: opened once, replaced before it expires.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import { isPushCalendarKind } from '../domain/calendar-kinds.ts';
import type { PushChannel } from './calendar-client.ts';
import type { CalendarConnection } from './calendar-connections.ts';
import { replaceChannel } from './calendar-connections.ts';
import type { CalendarDeps, OpenedCalendar } from './calendar-deps.ts';
import { calendarWebhookPath } from './calendar-paths.ts';

/** A channel this close to its expiry is replaced (Google: at most a week; Graph: about 3 days). */
const RENEW_BEFORE_MS = 24 * 3_600_000;

/**
 * Opens a channel when the calendar can push and has none, or when its channel expires within a
 * day, and then stores it (with only a hash of its fresh random secret) in one statement that
 * holds no lock across the call. Returns the channel it replaced, for the caller to close. When
 * another sync stored a channel first, ours is closed again and null is returned. Polled kinds
 * (Apple) are left alone. Throws what the calendar throws.
 */
export async function ensureChannel(
  deps: CalendarDeps,
  db: Queryable,
  connection: CalendarConnection,
  calendar: OpenedCalendar,
): Promise<PushChannel | null> {
  const { kind } = connection;
  if (!isPushCalendarKind(kind) || !calendar.openChannel) return null;
  const old = connection.channel;
  if (old && old.expiresAt.getTime() - deps.clock().getTime() > RENEW_BEFORE_MS) return null;
  const secret = randomBytes(32).toString('base64url');
  const url = `${deps.publicUrl.replace(/\/$/, '')}${calendarWebhookPath(kind)}`;
  const channel = await calendar.openChannel(url, secret);
  if (await replaceChannel(db, connection.id, old, channel, secret)) return old;
  await closeReplaced(deps, calendar, channel);
  return null;
}

/** Closes a replaced channel; best effort, since an unclosed one expires and matches nothing. */
export async function closeReplaced(
  deps: CalendarDeps,
  calendar: OpenedCalendar,
  replaced: PushChannel | null,
): Promise<void> {
  if (!replaced || !calendar.closeChannel) return;
  await calendar.closeChannel(replaced).catch((error: unknown) => {
    deps.logger.warn(
      { error: error instanceof Error ? error.name : 'unknown' },
      'old calendar channel not closed',
    );
  });
}
