// The provider records that the client did not come; the no-show policy applies.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { clients } from '../db/schema/clients.ts';
import { ok } from '../domain/outcome.ts';
import {
  changeAppointmentStatus,
  invalidTransition,
  type StatusChangeResult,
} from './change-appointment-status.ts';

const DAY = 86_400_000;

/**
 * CONFIRMED -> NO_SHOW once the start has passed: NO_REFUND, the client's no_show_count goes up
 * by one and they are locked out of same-day booking until now + lockoutDays, all in one
 * transaction.
 */
export function markNoShow(
  db: Database,
  input: { appointmentId: string; actor: string; lockoutDays: number },
  now: Date,
): Promise<StatusChangeResult> {
  const lockoutUntil = new Date(now.getTime() + input.lockoutDays * DAY);
  return changeAppointmentStatus(
    db,
    input.appointmentId,
    {
      action: 'no-show',
      allowedFrom: ['CONFIRMED'],
      eventType: 'NO_SHOW',
      actor: input.actor,
      payload: { lockout_until: lockoutUntil.toISOString() },
      plan: (current) =>
        current.startTime > now
          ? invalidTransition('no-show', current.status, 'the appointment has not started yet')
          : ok({ status: 'NO_SHOW', refundStatus: 'NO_REFUND' }),
      after: async (tx, updated) => {
        await tx
          .update(clients)
          .set({
            noShowCount: sql`${clients.noShowCount} + 1`,
            noShowLockoutUntil: sql`greatest(${clients.noShowLockoutUntil}, ${lockoutUntil.toISOString()}::timestamptz)`,
          })
          .where(eq(clients.id, updated.clientId));
      },
    },
    now,
  );
}
