// One inbound sync of a provider's calendar: channel kept open, changes pulled, overrides updated.
import { eq, sql } from 'drizzle-orm';
import { providers } from '../db/schema/providers.ts';
import { applyExternalEvents, type CalendarConflict } from './apply-external-events.ts';
import { CalendarAuthError, type CalendarKind } from './calendar-client.ts';
import { markConnectionBroken, readConnection, saveCursor } from './calendar-connections.ts';
import type { CalendarDeps } from './calendar-deps.ts';
import { ensureChannel } from './ensure-channel.ts';
import { tellBroken, tellConflicts } from './tell-provider.ts';

/** External events are read this far ahead: past the furthest anyone can book. */
const HORIZON_DAYS = 400;
const DAY_MS = 86_400_000;

export type SyncOutcome = 'synced' | 'gone' | 'broken';

/**
 * Syncs connection `connectionId`: renews its push channel if due, pulls changes since its
 * cursor (a full pull over yesterday to the horizon when it has none or the server dropped it),
 * applies them to the provider's blocked overrides and stores the new cursor, all in one
 * transaction under a per-connection advisory lock, so concurrent syncs of one calendar run one
 * after the other and a failed one changes nothing. Afterwards the provider hears of conflicts.
 * A CalendarAuthError marks the connection BROKEN and tells the provider how to reconnect;
 * other errors are thrown for the job to retry.
 */
export async function syncCalendar(deps: CalendarDeps, connectionId: string): Promise<SyncOutcome> {
  let broken: { providerId: string; kind: CalendarKind } | null = null;
  let conflicts: CalendarConflict[] = [];
  let kind: CalendarKind = 'GOOGLE';
  const outcome = await deps.db.transaction(async (tx): Promise<SyncOutcome> => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`calendar-sync:${connectionId}`}))`,
    );
    const connection = await readConnection(tx, deps.key, connectionId);
    if (connection?.status !== 'ACTIVE') return 'gone';
    kind = connection.kind;
    const calendar = await deps.openCalendar(connection);
    const now = deps.clock();
    try {
      await ensureChannel(deps, tx, connection, calendar);
      const window = {
        from: new Date(now.getTime() - DAY_MS),
        to: new Date(now.getTime() + HORIZON_DAYS * DAY_MS),
      };
      const pulled = await calendar.pullEvents(connection.cursor, window);
      const [provider] = await tx
        .select({ zone: providers.timezone })
        .from(providers)
        .where(eq(providers.id, connection.providerId));
      if (!provider) return 'gone';
      conflicts = await applyExternalEvents(tx, {
        providerId: connection.providerId,
        source: connection.kind,
        zone: provider.zone,
        pulled,
      });
      await saveCursor(tx, connection.id, pulled.cursor, now);
      return 'synced';
    } catch (error) {
      if (!(error instanceof CalendarAuthError)) throw error;
      broken = { providerId: connection.providerId, kind: connection.kind };
      return 'broken';
    }
  });
  if (outcome === 'broken' && broken) await breakConnection(deps, connectionId, broken);
  if (conflicts.length > 0) await tellConflicts(deps, kind, conflicts);
  return outcome;
}

/** Outside the sync's transaction (which rolled back nothing it needs): mark and tell once. */
async function breakConnection(
  deps: CalendarDeps,
  connectionId: string,
  broken: { providerId: string; kind: CalendarKind },
): Promise<void> {
  if (await markConnectionBroken(deps.db, connectionId)) {
    deps.logger.warn({ kind: broken.kind }, 'calendar connection broken: credentials refused');
    await tellBroken(deps, broken.providerId, broken.kind);
  }
}
