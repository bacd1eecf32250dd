// Turns pulled external events into blocked availability overrides, and finds the ones that land on appointments.
import { and, eq, gt, inArray, lt, notInArray, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Queryable, Tx } from '../db/database.ts';
import { appointments } from '../db/schema/appointments.ts';
import { availabilityOverrides } from '../db/schema/availability.ts';
import type { CalendarKind } from '../domain/calendar-kinds.ts';
import type { EventTiming, ExternalEvent, PullResult } from './calendar-client.ts';
import { blocksOf, type DayBlock } from './external-blocks.ts';

/** A busy external event that overlaps an active appointment: the provider must hear of it. */
export type CalendarConflict = { readonly appointmentId: string; readonly externalEventId: string };

export type ExternalEventsInput = {
  readonly providerId: string;
  readonly source: CalendarKind;
  /** The provider's zone: blocks are local days and times. */
  readonly zone: string;
  readonly pulled: PullResult;
};

/**
 * Makes the provider's overrides of `source` match the pulled events: a busy event blocks each
 * local day it covers (see blocksOf); a removed, free, cancelled or Slotline-made one blocks
 * nothing. A complete pull also clears blocks of events it no longer lists. Returns the
 * changed busy events that overlap a PENDING or CONFIRMED appointment; nothing is cancelled.
 * Runs in the caller's transaction.
 */
export async function applyExternalEvents(
  tx: Tx,
  input: ExternalEventsInput,
): Promise<CalendarConflict[]> {
  const conflicts: CalendarConflict[] = [];
  for (const event of input.pulled.events) {
    const changed = await replaceBlocks(tx, input, event);
    if (changed && !event.removed && event.busy) {
      conflicts.push(...(await overlapping(tx, input, event.externalEventId, event.timing)));
    }
  }
  if (input.pulled.complete) await clearUnlisted(tx, input);
  return conflicts;
}

/** Replaces the event's blocks when they differ; true when they did. */
async function replaceBlocks(tx: Tx, input: ExternalEventsInput, event: ExternalEvent) {
  const mine = and(
    eq(availabilityOverrides.providerId, input.providerId),
    eq(availabilityOverrides.source, input.source),
    eq(availabilityOverrides.externalEventId, event.externalEventId),
  );
  const stored = await tx
    .select({
      date: availabilityOverrides.date,
      startTime: availabilityOverrides.startTime,
      endTime: availabilityOverrides.endTime,
    })
    .from(availabilityOverrides)
    .where(mine);
  const wanted = event.removed || !event.busy ? [] : blocksOf(event.timing, input.zone);
  if (sameBlocks(stored, wanted)) return false;
  await tx.delete(availabilityOverrides).where(mine);
  if (wanted.length > 0) {
    await tx.insert(availabilityOverrides).values(
      wanted.map((block) => ({
        providerId: input.providerId,
        source: input.source,
        externalEventId: event.externalEventId,
        isBlocked: true,
        ...block,
      })),
    );
  }
  return true;
}

/** Lifts every block `source` made for the provider: its events are no longer known. */
export async function liftCalendarBlocks(
  tx: Queryable,
  providerId: string,
  source: CalendarKind,
): Promise<void> {
  await tx
    .delete(availabilityOverrides)
    .where(
      and(
        eq(availabilityOverrides.providerId, providerId),
        eq(availabilityOverrides.source, source),
      ),
    );
}

function sameBlocks(stored: readonly DayBlock[], wanted: readonly DayBlock[]): boolean {
  const key = (b: DayBlock) => `${b.date} ${b.startTime?.slice(0, 5)} ${b.endTime?.slice(0, 5)}`;
  const a = stored.map(key).sort();
  const b = wanted.map(key).sort();
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

async function clearUnlisted(tx: Tx, input: ExternalEventsInput): Promise<void> {
  const listed = input.pulled.events.map((e) => e.externalEventId);
  await tx
    .delete(availabilityOverrides)
    .where(
      and(
        eq(availabilityOverrides.providerId, input.providerId),
        eq(availabilityOverrides.source, input.source),
        listed.length > 0 ? notInArray(availabilityOverrides.externalEventId, listed) : undefined,
      ),
    );
}

async function overlapping(
  tx: Tx,
  input: ExternalEventsInput,
  externalEventId: string,
  timing: EventTiming,
): Promise<CalendarConflict[]> {
  const [from, to] = instants(timing, input.zone);
  const rows = await tx
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.providerId, input.providerId),
        inArray(appointments.status, ['PENDING', 'CONFIRMED']),
        lt(appointments.startTime, to),
        gt(appointments.endTime, from),
        // Slotline's own event for this appointment is never a conflict with it.
        sql`${appointments.externalEventId} is distinct from ${externalEventId}`,
      ),
    );
  return rows.map((row) => ({ appointmentId: row.id, externalEventId }));
}

/** The instants an event spans; all-day dates are the provider's local days. */
function instants(timing: EventTiming, zone: string): [Date, Date] {
  if (timing.kind === 'timed') return [timing.start, timing.end];
  const day = (date: string) => DateTime.fromISO(date, { zone }).startOf('day').toJSDate();
  return [day(timing.startDate), day(timing.endDate)];
}
