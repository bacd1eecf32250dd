// Disconnecting: the push channel stopped, the tokens deleted, the calendar's blocks lifted.
import type { CalendarKind } from '../domain/calendar-kinds.ts';
import { type Ok, ok } from '../domain/outcome.ts';
import { liftCalendarBlocks } from './apply-external-events.ts';
import { type CalendarConnectFailure, connectFailure } from './calendar-connect-deps.ts';
import { deleteConnection, readProviderConnection } from './calendar-connections.ts';
import type { CalendarDeps } from './calendar-deps.ts';
import { closeChannelOf } from './close-channel-of.ts';

/**
 * Stops the provider's push channel (best effort), deletes the connection with its sealed
 * secrets, and removes the blocked overrides its events made, since nothing keeps them current
 * any more. Events Slotline put on the calendar stay there. NOT_CONNECTED when there is none.
 */
export async function disconnectCalendar(
  deps: CalendarDeps,
  providerId: string,
): Promise<Ok<{ kind: CalendarKind }> | CalendarConnectFailure> {
  const connection = await readProviderConnection(deps.db, deps.key, providerId);
  if (!connection) return connectFailure('NOT_CONNECTED');
  await closeChannelOf(deps, connection);
  await deps.db.transaction(async (tx) => {
    await deleteConnection(tx, providerId);
    await liftCalendarBlocks(tx, providerId, connection.kind);
  });
  return ok({ kind: connection.kind });
}
