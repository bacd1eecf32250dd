// Which mail an appointment event sends the client, as a job with a deterministic id.
import { deterministicJobId } from './job-ids.ts';
import type { ChangeMailKind, ChangeMailPayload } from './job-payloads.ts';
import { QUEUES } from './queues.ts';
import type { RelayedEvent } from './reminder-plan.ts';

export type ChangeMailJob = {
  readonly queue: string;
  readonly id: string;
  readonly data: ChangeMailPayload;
};

const KIND_OF_TYPE: Readonly<Record<string, ChangeMailKind>> = {
  APPROVED: 'approved',
  DECLINED: 'declined',
  CANCELLED: 'cancelled',
  RESCHEDULED: 'rescheduled',
};

function kindOf(event: RelayedEvent): ChangeMailKind | null {
  if (event.type === 'BOOKED') {
    if (event.toStatus === 'CONFIRMED') return 'confirmation';
    return event.toStatus === 'PENDING' ? 'request-received' : null;
  }
  return KIND_OF_TYPE[event.type] ?? null;
}

/**
 * The client's mail for `event`, or null when the event type mails nobody (DELIVERY_FAILED,
 * NO_SHOW, COMPLETED, ...). BOOKED gives confirmation (CONFIRMED) or request-received (PENDING);
 * APPROVED, DECLINED, CANCELLED and RESCHEDULED give the mail of that name. The id comes from
 * the event id and the kind, so relaying the event again cannot mail twice.
 */
export function planChangeMail(event: RelayedEvent): ChangeMailJob | null {
  const kind = kindOf(event);
  if (kind === null) return null;
  const start = isoOf(event.payload.start_time) ?? event.currentStart.toISOString();
  return {
    queue: QUEUES.changeMail,
    id: deterministicJobId(['change-mail', String(event.id), kind]),
    data: {
      appointmentId: event.appointmentId,
      eventId: event.id,
      kind,
      startTime: start,
      previousStartTime: isoOf(event.payload.previous_start_time),
      reason: typeof event.payload.reason === 'string' ? event.payload.reason : null,
    },
  };
}

function isoOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
