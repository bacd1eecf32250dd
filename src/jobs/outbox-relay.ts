// The outbox relay: turns committed appointment events into jobs, exactly once per job.
import { asc, eq, gt, sql } from 'drizzle-orm';
import { fromDrizzle, type PgBoss } from 'pg-boss';
import type { Database, Tx } from '../db/database.ts';
import { appointmentEvents, appointments } from '../db/schema/appointments.ts';
import { outboxCursor } from '../db/schema/jobs.ts';
import { isAppointmentEventType } from '../domain/appointment-event-types.ts';
import { applyReminderPlan } from './apply-reminder-plan.ts';
import { planCalendarPush } from './calendar-push-plan.ts';
import { planChangeMail } from './change-mail-plan.ts';
import { planChangeNotices, planRequestEdit } from './change-notice-plan.ts';
import { createJobBatch, type JobBatch } from './job-batch.ts';
import { planPaymentJobs } from './payment-plan.ts';
import type { RelayedEvent } from './relayed-event.ts';
import { planReminders } from './reminder-plan.ts';
import { settledBound } from './settled-bound.ts';
import { planWaitlistJobs } from './waitlist-plan.ts';

/** @internal Exported for tests too. */
export const CURSOR_NAME = 'appointment-events';
const BATCH = 100;
/** Batches per call: a backlog is drained in rounds of this many, so stopping never waits long. */
const MAX_BATCHES = 20;

/**
 * Relays the events committed before the call (and any gap known to be final), in id order, in
 * batches of 100, up to MAX_BATCHES of them; returns how many events it relayed (a caller that got
 * a full round calls again for the rest). Each batch's jobs go out in one insert per queue.
 * Instances serialise on the cursor row (FOR
 * UPDATE), so a concurrent call waits and then continues where the other stopped. Jobs are
 * inserted in the same transaction that moves the cursor, so they commit together; their ids are
 * derived from the events all the same, so pg-boss refuses a duplicate. Throws RelayError on a
 * database or pg-boss fault.
 */
export async function relayOnce(db: Database, boss: PgBoss): Promise<number> {
  try {
    await db.insert(outboxCursor).values({ name: CURSOR_NAME }).onConflictDoNothing();
    let total = 0;
    for (let round = 0; round < MAX_BATCHES; round++) {
      let relayed = await relayBatch(db, boss, undefined);
      // A gap: learn how far the log is final outside the cursor's transaction (never a second
      // connection while holding the cursor lock), then relay up to there.
      if (relayed.gap) relayed = await relayBatch(db, boss, await settledBound(db));
      total += relayed.count;
      if (!relayed.more) return total;
    }
    return total;
  } catch (error) {
    throw new RelayError('outbox relay failed', { cause: error });
  }
}

/**
 * One batch under the cursor lock. With `bound` undefined (not asked yet), a gap in the ids stops
 * it before anything is sent ({ gap: true }). With a bound, events up to it are relayed; with
 * null (it could not be known quickly), only those before the gap.
 */
async function relayBatch(
  db: Database,
  boss: PgBoss,
  bound: number | null | undefined,
): Promise<{ count: number; more: boolean; gap: boolean }> {
  return db.transaction(async (tx) => {
    const [cursor] = await tx
      .select()
      .from(outboxCursor)
      .where(eq(outboxCursor.name, CURSOR_NAME))
      .for('update');
    const after = cursor?.lastEventId ?? 0;
    let events = await readEvents(tx, after);
    const ready = contiguous(events, after);
    if (ready.length < events.length) {
      // A gap: an id drawn by a transaction still running, or by one rolled back for good.
      if (bound === undefined) return { count: 0, more: false, gap: true };
      events = bound === null ? ready : events.filter((e) => e.id <= bound);
    }
    // The jobs go in through the relay's own transaction: they commit with the cursor, and the
    // cursor's row lock never waits for a connection of pg-boss's pool.
    const batch = createJobBatch(boss, { db: fromDrizzle(tx, sql) });
    for (const event of events) await relayEvent(batch, event);
    await batch.flush();
    const last = events.at(-1);
    if (!last) return { count: 0, more: false, gap: false };
    await tx
      .update(outboxCursor)
      .set({ lastEventId: last.id })
      .where(eq(outboxCursor.name, CURSOR_NAME));
    return { count: events.length, more: events.length === BATCH, gap: false };
  });
}

/**
 * The event's reminders, notices, mails, calendar push, refund, hold release and waitlist walk; each idempotent
 * under its job id.
 * Notices and mails about one appointment go out in the order of its events ("booked" before
 * "cancelled"): grouped by appointment, which their workers run one at a time, and ranked by
 * event id, since one insert gives a batch's jobs the same creation time.
 */
async function relayEvent(batch: JobBatch, event: RelayedEvent): Promise<void> {
  await applyReminderPlan(batch, planReminders(event));
  const mail = planChangeMail(event);
  const ordered = { priority: -(event.id % 2_147_483_647), group: event.appointmentId };
  const edit = planRequestEdit(event);
  for (const job of [...planChangeNotices(event), edit, mail.client, mail.provider]) {
    if (job) batch.add({ ...job, ...ordered });
  }
  // One push per provider at a time: a calendar that hangs holds one worker, not all of them.
  const push = planCalendarPush(event);
  if (push) batch.add({ ...push, group: event.providerId });
  for (const job of planPaymentJobs(event)) batch.add(job);
  // Freed time: the provider's waitlist gets a walk.
  for (const job of planWaitlistJobs(event)) batch.add(job);
}

/**
 * Up to `limit` events after id `after`, in id order, as the relay plans from them. A type not in
 * APPOINTMENT_EVENT_TYPES throws UnknownEventTypeError: the CHECK constraint rules it out, so it
 * means code older than the database (a rollback). Skipping it would drop its notices for good;
 * throwing holds the cursor there, and the relay loop logs and retries until the code catches up.
 * @internal Exported for tests too.
 */
export async function readEvents(
  tx: Tx | Database,
  after: number,
  limit = BATCH,
): Promise<RelayedEvent[]> {
  const rows = await tx
    .select({
      id: appointmentEvents.id,
      appointmentId: appointmentEvents.appointmentId,
      providerId: appointments.providerId,
      type: appointmentEvents.type,
      actor: appointmentEvents.actor,
      fromStatus: appointmentEvents.fromStatus,
      toStatus: appointmentEvents.toStatus,
      payload: sql<Record<string, unknown>>`${appointmentEvents.payload}`,
      createdAt: appointmentEvents.createdAt,
      currentStart: appointments.startTime,
    })
    .from(appointmentEvents)
    .innerJoin(appointments, eq(appointments.id, appointmentEvents.appointmentId))
    .where(gt(appointmentEvents.id, after))
    .orderBy(asc(appointmentEvents.id))
    .limit(limit);
  return rows.map(({ type, ...row }) => {
    if (!isAppointmentEventType(type)) throw new UnknownEventTypeError(row.id, type);
    return { ...row, type };
  });
}

/** The leading events whose ids follow `after` with no hole. */
function contiguous(events: readonly RelayedEvent[], after: number): RelayedEvent[] {
  const ready: RelayedEvent[] = [];
  for (const event of events) {
    if (event.id !== after + ready.length + 1) break;
    ready.push(event);
  }
  return ready;
}

class RelayError extends Error {
  override name = 'RelayError';
}

/** A stored event type this code does not know; the relay stops at it rather than skip it. */
class UnknownEventTypeError extends Error {
  override name = 'UnknownEventTypeError';

  constructor(eventId: number, type: string) {
    super(`appointment event ${eventId} has unknown type ${JSON.stringify(type.slice(0, 40))}`);
  }
}
