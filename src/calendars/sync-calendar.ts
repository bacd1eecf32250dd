// One inbound sync of a provider's calendar: channel kept open, changes pulled, overrides updated.
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { calendarSyncs } from '../db/schema/infrastructure.ts';
import { providers } from '../db/schema/providers.ts';
import { applyExternalEvents, type CalendarConflict } from './apply-external-events.ts';
import { CalendarAuthError, type PullResult } from './calendar-client.ts';
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

/** Concurrent syncs that keep moving the cursor under us: this many fresh starts, then stop. */
const MAX_ROUNDS = 3;

/**
 * Syncs connection `connectionId`: renews its push channel if due, pulls changes since its
 * cursor (a full pull over yesterday to the horizon when it has none, the server dropped it, or
 * the last full pull is a week old), then applies them to the provider's blocked overrides and
 * stores the new cursor in one short transaction. No transaction or lock is held while the
 * calendar (or its OAuth server, refreshing a token) is called: the apply compares the cursor it
 * started from (compare-and-set), so of two concurrent syncs one applies and the other starts
 * again from the new cursor. Afterwards the provider hears of conflicts. A CalendarAuthError
 * marks the connection BROKEN and tells the provider how to reconnect; other errors are thrown
 * for the job to retry, with nothing applied.
 */
export async function syncCalendar(deps: CalendarDeps, connectionId: string): Promise<SyncOutcome> {
  for (let round = 1; ; round += 1) {
    const pass = await syncPass(deps, connectionId);
    if (pass.outcome === 'stale' && round < MAX_ROUNDS) continue;
    if (pass.outcome === 'broken' && pass.connection) await breakConnection(deps, pass.connection);
    if (pass.connection && pass.conflicts.length > 0) {
      await tellConflicts(deps, pass.connection.kind, pass.conflicts);
    }
    // A pass that stayed stale lost to syncs that applied newer pulls: the calendar is synced.
    return pass.outcome === 'stale' ? 'synced' : pass.outcome;
  }
}

type Pass = {
  readonly outcome: SyncOutcome | 'stale';
  readonly connection: Pick<CalendarConnection, 'id' | 'providerId' | 'kind'> | null;
  readonly conflicts: CalendarConflict[];
};

async function syncPass(deps: CalendarDeps, connectionId: string): Promise<Pass> {
  const connection = await readConnection(deps.db, deps.key, connectionId);
  if (connection?.status !== 'ACTIVE') return { outcome: 'gone', connection: null, conflicts: [] };
  const calendar = await deps.openCalendar(connection);
  try {
    const replaced = await ensureChannel(deps, deps.db, connection, calendar);
    await closeReplaced(deps, calendar, replaced);
    const now = deps.clock();
    const pulled = await pullSince(connection, calendar, now);
    const conflicts = await deps.db.transaction((tx) => applyPull(tx, connection, pulled, now));
    if (conflicts === 'stale') return { outcome: 'stale', connection, conflicts: [] };
    return { outcome: 'synced', connection, conflicts };
  } catch (error) {
    if (!(error instanceof CalendarAuthError)) throw error;
    return { outcome: 'broken', connection, conflicts: [] };
  }
}

/** The calendar's changes since the connection's cursor, or everything when a full pull is due. */
function pullSince(connection: CalendarConnection, calendar: OpenedCalendar, now: Date) {
  const window = {
    from: new Date(now.getTime() - DAY_MS),
    to: new Date(now.getTime() + HORIZON_DAYS * DAY_MS),
  };
  const fullDue =
    connection.fullSyncedAt === null ||
    now.getTime() - connection.fullSyncedAt.getTime() > FULL_PULL_EVERY_MS;
  return calendar.pullEvents(fullDue ? null : connection.cursor, window);
}

/**
 * Applies `pulled` and stores its cursor, if the connection's cursor is still the one the pull
 * started from (else 'stale', changing nothing). Only database work: no call goes out from here.
 */
async function applyPull(
  tx: Tx,
  connection: CalendarConnection,
  pulled: PullResult,
  now: Date,
): Promise<CalendarConflict[] | 'stale'> {
  if (!(await holdCursor(tx, connection))) return 'stale';
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

/** Row-locks the connection (until commit) and says whether its cursor is still `connection`'s. */
async function holdCursor(tx: Tx, connection: CalendarConnection): Promise<boolean> {
  const [row] = await tx
    .select({
      status: calendarSyncs.status,
      cursor: calendarSyncs.syncToken,
      fullSyncedAt: calendarSyncs.fullSyncedAt,
    })
    .from(calendarSyncs)
    .where(eq(calendarSyncs.id, connection.id))
    .for('update');
  return (
    row !== undefined &&
    row.status === 'ACTIVE' &&
    row.cursor === connection.cursor &&
    (row.fullSyncedAt?.getTime() ?? null) === (connection.fullSyncedAt?.getTime() ?? null)
  );
}

/** Marks the connection BROKEN and tells the provider, once. */
async function breakConnection(
  deps: CalendarDeps,
  broken: Pick<CalendarConnection, 'id' | 'providerId' | 'kind'>,
): Promise<void> {
  if (await markConnectionBroken(deps.db, broken.id)) {
    deps.logger.warn({ kind: broken.kind }, 'calendar connection broken: credentials refused');
    await tellBroken(deps, broken.providerId, broken.kind);
  }
}
