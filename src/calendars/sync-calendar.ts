// One inbound sync of a provider's calendar: channel kept open, changes pulled, overrides updated.
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { providers } from '../db/schema/providers.ts';
import { applyExternalEvents, type CalendarConflict } from './apply-external-events.ts';
import { CalendarAuthError } from './calendar-client.ts';
import {
  type CalendarConnection,
  markConnectionBroken,
  readConnection,
  saveCursor,
} from './calendar-connections.ts';
import type { CalendarDeps, OpenedCalendar } from './calendar-deps.ts';
import { closeReplaced, ensureChannel } from './ensure-channel.ts';
import { tellBroken, tellConflicts } from './tell-provider.ts';

/** External events are read this far ahead: past the furthest anyone can book. */
const HORIZON_DAYS = 400;
const DAY_MS = 86_400_000;
/** A complete pull this often moves the window forward and repairs anything a delta missed. */
const FULL_PULL_EVERY_MS = 7 * DAY_MS;

export type SyncOutcome = 'synced' | 'gone' | 'broken';

/**
 * Syncs connection `connectionId`: renews its push channel if due, pulls changes since its
 * cursor (a full pull over yesterday to the horizon when it has none, the server dropped it, or
 * the last full pull is a week old),
 * applies them to the provider's blocked overrides and stores the new cursor, all in one
 * transaction under a per-connection advisory lock, so concurrent syncs of one calendar run one
 * after the other and a failed one changes nothing. Afterwards the provider hears of conflicts.
 * A CalendarAuthError marks the connection BROKEN and tells the provider how to reconnect;
 * other errors are thrown for the job to retry.
 */
export async function syncCalendar(deps: CalendarDeps, connectionId: string): Promise<SyncOutcome> {
  const pass = await deps.db.transaction((tx) => syncPass(deps, tx, connectionId));
  if (pass.outcome === 'broken' && pass.connection) {
    await breakConnection(deps, pass.connection);
  }
  await pass.afterCommit();
  if (pass.connection && pass.conflicts.length > 0) {
    await tellConflicts(deps, pass.connection.kind, pass.conflicts);
  }
  return pass.outcome;
}

type Pass = {
  readonly outcome: SyncOutcome;
  readonly connection: Pick<CalendarConnection, 'id' | 'providerId' | 'kind'> | null;
  readonly conflicts: CalendarConflict[];
  /** Closes the channel this pass replaced, once the new one is committed. */
  readonly afterCommit: () => Promise<void>;
};

const nothing = async () => {};

async function syncPass(deps: CalendarDeps, tx: Tx, connectionId: string): Promise<Pass> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`calendar-sync:${connectionId}`}))`);
  const connection = await readConnection(tx, deps.key, connectionId);
  if (connection?.status !== 'ACTIVE') {
    return { outcome: 'gone', connection: null, conflicts: [], afterCommit: nothing };
  }
  const calendar = await deps.openCalendar(connection);
  try {
    const replaced = await ensureChannel(deps, tx, connection, calendar);
    const conflicts = await pullInto(deps, tx, connection, calendar);
    const afterCommit = () => closeReplaced(deps, calendar, replaced);
    return { outcome: 'synced', connection, conflicts, afterCommit };
  } catch (error) {
    if (!(error instanceof CalendarAuthError)) throw error;
    return { outcome: 'broken', connection, conflicts: [], afterCommit: nothing };
  }
}

/** Pulls since the cursor, applies the events to the overrides and stores the new cursor. */
async function pullInto(
  deps: CalendarDeps,
  tx: Tx,
  connection: CalendarConnection,
  calendar: OpenedCalendar,
): Promise<CalendarConflict[]> {
  const now = deps.clock();
  const window = {
    from: new Date(now.getTime() - DAY_MS),
    to: new Date(now.getTime() + HORIZON_DAYS * DAY_MS),
  };
  const fullDue =
    connection.fullSyncedAt === null ||
    now.getTime() - connection.fullSyncedAt.getTime() > FULL_PULL_EVERY_MS;
  const pulled = await calendar.pullEvents(fullDue ? null : connection.cursor, window);
  const [provider] = await tx
    .select({ zone: providers.timezone })
    .from(providers)
    .where(eq(providers.id, connection.providerId));
  if (!provider) return [];
  const conflicts = await applyExternalEvents(tx, {
    providerId: connection.providerId,
    source: connection.kind,
    zone: provider.zone,
    pulled,
  });
  await saveCursor(tx, connection.id, pulled, now);
  return conflicts;
}

/** Outside the sync's transaction (which rolled back nothing it needs): mark and tell once. */
async function breakConnection(
  deps: CalendarDeps,
  broken: Pick<CalendarConnection, 'id' | 'providerId' | 'kind'>,
): Promise<void> {
  if (await markConnectionBroken(deps.db, broken.id)) {
    deps.logger.warn({ kind: broken.kind }, 'calendar connection broken: credentials refused');
    await tellBroken(deps, broken.providerId, broken.kind);
  }
}
