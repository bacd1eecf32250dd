// Which mails an appointment event sends, to the client and to the provider, as jobs with ids.
import type { AppointmentMailKind } from '../mail/appointment-mail-view.ts';
import type { ProviderMailKind } from '../mail/provider-mail.ts';
import { actorParty, type ChangeJob, changeFactsOf } from './change-job.ts';
import { isHoldGivenUp } from './change-notice-plan.ts';
import { deterministicJobId } from './job-ids.ts';
import type { ChangeMailPayload, ProviderMailPayload } from './job-payloads.ts';
import { QUEUES } from './queues.ts';
import type { RelayedEvent } from './relayed-event.ts';

type ChangeMailJobs = {
  readonly client: ChangeJob<ChangeMailPayload> | null;
  readonly provider: ChangeJob<ProviderMailPayload> | null;
};

/** Every type is named in both switches, so a new one fails to compile until it is decided. */
function clientKindOf(event: RelayedEvent): AppointmentMailKind | null {
  const type = event.type;
  switch (type) {
    case 'BOOKED':
    case 'PAID':
      if (event.toStatus === 'CONFIRMED') return 'confirmation';
      return event.toStatus === 'PENDING' ? 'request-received' : null;
    case 'APPROVED':
      return 'approved';
    case 'DECLINED':
      return 'declined';
    case 'CANCELLED':
      // A hold the client gave up was never confirmed (no invite to cancel): nothing to mail.
      return isHoldGivenUp(event) ? null : 'cancelled';
    case 'RESCHEDULED':
      return 'rescheduled';
    case 'NO_SHOW':
      return 'no-show';
    case 'HOLD_EXPIRED':
      return 'hold-expired';
    case 'REFUNDED':
      return 'refunded';
    case 'REFUND_FAILED':
      return 'refund-failed';
    // A late payment mails nobody: the refund's mail follows.
    case 'COMPLETED':
    case 'DELIVERY_FAILED':
    case 'LATE_PAYMENT':
      return null;
    default:
      return unreachable(type);
  }
}

/** Where `type` is never, every event type has its case; a new one stops compilation here. */
function unreachable(type: never): never {
  return type;
}

/** The provider hears of what others did: never of their own cancel or move. */
function providerKindOf(event: RelayedEvent): ProviderMailKind | null {
  const type = event.type;
  switch (type) {
    // The provider hears of a paid service's booking once it is paid.
    case 'BOOKED':
    case 'PAID':
      if (event.toStatus === 'AWAITING_PAYMENT') return null;
      return event.toStatus === 'PENDING' ? 'approval-request' : 'new-booking';
    case 'CANCELLED':
      if (isHoldGivenUp(event)) return null;
      return event.payload.by === 'CLIENT' ? 'cancelled-by-client' : null;
    case 'RESCHEDULED':
      return actorParty(event.actor) === 'provider' ? null : 'rescheduled';
    // Decisions the provider (or an admin) makes, and records that tell nobody.
    case 'APPROVED':
    case 'DECLINED':
    case 'NO_SHOW':
    case 'COMPLETED':
    case 'DELIVERY_FAILED':
    case 'HOLD_EXPIRED':
    case 'LATE_PAYMENT':
    case 'REFUNDED':
    case 'REFUND_FAILED':
      return null;
    default:
      return unreachable(type);
  }
}

/**
 * The client's and the provider's mail for `event` (either may be null: DELIVERY_FAILED and
 * COMPLETED mail nobody). The client gets every change, even one they made in chat, because
 * the mail carries the calendar invite; the provider gets bookings, approval requests, client
 * cancellations and moves they did not make. Ids come from the event id, party and kind, so
 * relaying the event again cannot mail twice.
 */
export function planChangeMail(event: RelayedEvent): ChangeMailJobs {
  const facts = changeFactsOf(event);
  const clientKind = clientKindOf(event);
  const providerKind = providerKindOf(event);
  return {
    client: clientKind && {
      queue: QUEUES.changeMail,
      id: deterministicJobId(['change-mail', String(event.id), clientKind]),
      data: { ...facts, kind: clientKind },
    },
    provider: providerKind && {
      queue: QUEUES.providerMail,
      id: deterministicJobId(['provider-mail', String(event.id), providerKind]),
      data: { ...facts, kind: providerKind },
    },
  };
}
