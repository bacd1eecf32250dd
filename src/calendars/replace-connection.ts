// Storing a newly connected calendar: whatever the provider had before is cleanly let go.
import { and, eq, gt } from 'drizzle-orm';
import { appointments } from '../db/schema/appointments.ts';
import { liftCalendarBlocks } from './apply-external-events.ts';
import type { CalendarConnectDeps } from './calendar-connect-deps.ts';
import {
  type CalendarConnection,
  type NewConnection,
  readProviderConnection,
  saveNewConnection,
} from './calendar-connections.ts';
import { closeChannelOf } from './close-channel-of.ts';

/**
 * Stores `input` as the provider's one calendar. The previous one, if any, has its push channel
 * closed (best effort), and in the same transaction as the new row goes in its row is deleted,
 * the blocks its events made are lifted, and appointments forget their event ids there (those
 * belong to the old calendar). Then the first sync is queued, and a push for every upcoming
 * confirmed appointment, so the new calendar shows what is already booked.
 */
export async function replaceConnection(
  deps: CalendarConnectDeps,
  input: NewConnection,
): Promise<CalendarConnection> {
  const previous = await readProviderConnection(deps.db, deps.key, input.providerId);
  await closeChannelOf(deps, previous);
  const connection = await deps.db.transaction(async (tx) => {
    if (previous) {
      await liftCalendarBlocks(tx, input.providerId, previous.kind);
      await tx
        .update(appointments)
        .set({ externalEventId: null })
        .where(eq(appointments.providerId, input.providerId));
    }
    return saveNewConnection(tx, deps.key, input);
  });
  await deps.requestSync(connection.id);
  const upcoming = await deps.db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.providerId, input.providerId),
        eq(appointments.status, 'CONFIRMED'),
        gt(appointments.startTime, deps.clock()),
      ),
    );
  for (const { id } of upcoming) await deps.requestPush(connection.id, id);
  return connection;
}
