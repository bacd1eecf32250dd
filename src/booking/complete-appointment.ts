// The provider marks a confirmed appointment as having taken place.
import { ok } from '../domain/outcome.ts';
import {
  invalidTransition,
  type StatusRequest,
  statusAction,
} from './change-appointment-status.ts';

/** CONFIRMED -> COMPLETED, only once the start has passed. */
export const completeAppointment = statusAction<StatusRequest>((_, now) => ({
  action: 'complete',
  allowedFrom: ['CONFIRMED'],
  eventType: 'COMPLETED',
  payload: {},
  plan: (current) =>
    current.startTime > now
      ? invalidTransition('complete', current.status, 'the appointment has not started yet')
      : ok({ status: 'COMPLETED' }),
}));
