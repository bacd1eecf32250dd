// The provider accepts a PENDING request.
import { ok } from '../domain/outcome.ts';
import { type StatusRequest, statusAction } from './change-appointment-status.ts';

/** PENDING -> CONFIRMED; the slot was already held, so no availability check. */
export const approveAppointment = statusAction<StatusRequest>(() => ({
  action: 'approve',
  allowedFrom: ['PENDING'],
  eventType: 'APPROVED',
  payload: {},
  plan: () => ok({ status: 'CONFIRMED' }),
}));
