// Keeps a push channel open on calendars that have them: opened once, replaced before it expires.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import type { CalendarConnection } from './calendar-connections.ts';
import { saveChannel } from './calendar-connections.ts';
import type { CalendarDeps, OpenedCalendar } from './calendar-deps.ts';

/** A channel this close to its expiry is replaced (Google: at most a week; Graph: about 3 days). */
const RENEW_BEFORE_MS = 24 * 3_600_000;

const WEBHOOK_PATHS = {
  GOOGLE: '/webhooks/google/calendar',
  OUTLOOK: '/webhooks/outlook/calendar',
};

/**
 * Opens a channel when the calendar can push and has none, or when its channel expires within a
 * day: the new one is stored (with only a hash of its fresh random secret) before the old one
 * is closed, so no notification window is lost. Apple (no push) is left alone. Throws what the
 * calendar throws; closing the old channel is best effort.
 */
export async function ensureChannel(
  deps: CalendarDeps,
  db: Queryable,
  connection: CalendarConnection,
  calendar: OpenedCalendar,
): Promise<void> {
  if (connection.kind === 'APPLE' || !calendar.openChannel) return;
  const old = connection.channel;
  if (old && old.expiresAt.getTime() - deps.clock().getTime() > RENEW_BEFORE_MS) return;
  const secret = randomBytes(32).toString('base64url');
  const url = `${deps.publicUrl.replace(/\/$/, '')}${WEBHOOK_PATHS[connection.kind]}`;
  const channel = await calendar.openChannel(url, secret);
  await saveChannel(db, connection.id, channel, secret);
  if (old && calendar.closeChannel) {
    await calendar.closeChannel(old).catch((error: unknown) => {
      deps.logger.warn(
        { error: error instanceof Error ? error.name : 'unknown' },
        'old calendar channel not closed',
      );
    });
  }
}
