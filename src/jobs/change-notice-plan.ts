// Which chat notices an appointment event sends, to whom, as jobs with deterministic ids.
import type { AppointmentStatus } from '../domain/appointment.ts';
import type { AppointmentEventType } from '../domain/appointment-event-types.ts';
import { actorParty, type ChangeJob, changeFactsOf } from './change-job.ts';
import type { RequestEditPayload } from './edit-sent-requests.ts';
import { deterministicJobId } from './job-ids.ts';
import type { ChangeNoticeKind, ChangeNoticePayload, Party } from './job-payloads.ts';
import { QUEUES } from './queues.ts';
import type { RelayedEvent } from './relayed-event.ts';

/** Every type, so a new one fails to compile until it says which notice it sends (or null). */
const KIND_OF_TYPE: { readonly [T in AppointmentEventType]: ChangeNoticeKind | null } = {
  BOOKED: 'booked',
  APPROVED: 'approved',
  DECLINED: 'declined',
  CANCELLED: 'cancelled',
  RESCHEDULED: 'rescheduled',
  NO_SHOW: 'no-show',
  // Paid: told like a booking (the client paid on the processor's page, not in chat).
  PAID: 'booked',
  COMPLETED: null,
  DELIVERY_FAILED: null,
  // Money news goes to the client only; a late payment tells nobody (its refund notice follows).
  HOLD_EXPIRED: 'hold-expired',
  LATE_PAYMENT: null,
  REFUNDED: 'refunded',
  REFUND_FAILED: 'refund-failed',
};

/** Who should hear of the change at all, before leaving out the one who made it. */
function audienceOf(event: RelayedEvent, kind: ChangeNoticeKind): Party[] {
  switch (kind) {
    case 'booked':
    case 'rescheduled':
      return ['provider', 'client'];
    case 'approved':
    case 'declined':
    case 'no-show':
    case 'hold-expired':
    case 'refunded':
    case 'refund-failed':
      return ['client'];
    case 'cancelled':
      return [event.payload.by === 'CLIENT' ? 'provider' : 'client'];
  }
}

/**
 * The chat notices for `event`: one job per party told. The party who made the change through
 * chat already saw the outcome there, so only the others (both, for an admin's change) get a
 * DM. Event types that tell nobody (DELIVERY_FAILED, COMPLETED) give none. Ids come from the
 * event id and the party, so relaying the event again cannot notify twice.
 */
export function planChangeNotices(event: RelayedEvent): ChangeJob<ChangeNoticePayload>[] {
  const kind = KIND_OF_TYPE[event.type];
  // An unpaid hold tells nobody yet: the client has the payment link, the provider waits for PAID;
  // and a hold the client gave up is news to nobody (the provider never heard of it).
  if (!kind || event.toStatus === 'AWAITING_PAYMENT' || isHoldGivenUp(event)) return [];
  const actor = actorParty(event.actor);
  const facts = changeFactsOf(event);
  const bookedAs = kind === 'booked' ? bookedStatus(event.toStatus) : null;
  return audienceOf(event, kind)
    .filter((party) => party !== actor)
    .map((party) => ({
      queue: QUEUES.changeNotice,
      id: deterministicJobId(['change-notice', String(event.id), party]),
      data: { ...facts, kind, party, bookedAs, actorParty: actor },
    }));
}

/** The client cancelled a hold they had not paid (CANCELLED from AWAITING_PAYMENT). */
export function isHoldGivenUp(event: RelayedEvent): boolean {
  return event.type === 'CANCELLED' && event.fromStatus === 'AWAITING_PAYMENT';
}

function bookedStatus(status: AppointmentStatus): 'PENDING' | 'CONFIRMED' | null {
  return status === 'PENDING' || status === 'CONFIRMED' ? status : null;
}

/** The events that decide a waiting request (a CANCELLED one of a confirmed booking finds none). */
const DECIDING = new Set<AppointmentEventType>(['APPROVED', 'DECLINED', 'CANCELLED']);

/**
 * The job that edits every kept copy of the appointment's approval request to its outcome,
 * whoever decided it and wherever: one per deciding event, its id from the event id.
 */
export function planRequestEdit(event: RelayedEvent): ChangeJob<RequestEditPayload> | null {
  if (!DECIDING.has(event.type)) return null;
  return {
    queue: QUEUES.requestEdit,
    id: deterministicJobId(['request-edit', String(event.id)]),
    data: { appointmentId: event.appointmentId },
  };
}
