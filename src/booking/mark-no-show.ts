// The provider records that the client did not come; the no-show policy applies.
import { eq, sql } from 'drizzle-orm';
import { clients } from '../db/schema/clients.ts';
import { ok } from '../domain/outcome.ts';
import { DAY_MS } from '../slots/time-units.ts';
import {
  invalidTransition,
  type StatusRequest,
  statusAction,
} from './change-appointment-status.ts';

/**
 * CONFIRMED -> NO_SHOW once the start has passed: NO_REFUND, the client's no_show_count goes up
 * by one and they are locked out of same-day booking until now + lockoutDays, all in one
 * transaction.
 */
export const markNoShow = statusAction<StatusRequest & { lockoutDays: number }>((input, now) => {
  const lockoutUntil = new Date(now.getTime() + input.lockoutDays * DAY_MS);
  return {
    action: 'no-show',
    allowedFrom: ['CONFIRMED'],
    eventType: 'NO_SHOW',
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
  };
});
