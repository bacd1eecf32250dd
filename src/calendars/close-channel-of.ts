// Stops a connection's push channel before the connection goes away; best effort.
import type { CalendarConnection } from './calendar-connections.ts';
import type { CalendarDeps } from './calendar-deps.ts';

/**
 * Closes `connection`'s push channel, if it has one. Never throws: a channel that cannot be
 * closed (revoked tokens, service down) expires on its own, and its notifications no longer
 * match any stored channel, so they are refused.
 */
export async function closeChannelOf(
  deps: CalendarDeps,
  connection: CalendarConnection | null,
): Promise<void> {
  if (!connection?.channel || connection.status !== 'ACTIVE') return;
  try {
    const calendar = await deps.openCalendar(connection);
    await calendar.closeChannel?.(connection.channel);
  } catch (error) {
    deps.logger.warn(
      { kind: connection.kind, error: error instanceof Error ? error.name : 'unknown' },
      'calendar channel not closed; it will expire',
    );
  }
}
