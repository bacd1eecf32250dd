// Permanent delivery failures go on the appointment's event log, without personal data.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import type { AppointmentEventType } from '../domain/appointment-event-types.ts';
import type { AppointmentMailKind } from '../mail/appointment-mail-view.ts';
import type { ProviderMailKind } from '../mail/provider-mail.ts';
import type { ChangeNoticeKind, Channel, Party, ReminderKind } from './job-payloads.ts';

/** Typed against the union, so renaming the type there breaks this file rather than the relay. */
const DELIVERY_FAILED: AppointmentEventType = 'DELIVERY_FAILED';

export type DeliveryFailure = {
  readonly appointmentId: string;
  /** 'meeting' when no join link could be made for the appointment. */
  readonly channel: Channel | 'meeting';
  readonly kind: ReminderKind | AppointmentMailKind | ChangeNoticeKind | ProviderMailKind;
  readonly party: Party;
  /** The job whose delivery failed: a retry of it records the same failure only once. */
  readonly jobId: string;
  readonly error: unknown;
  readonly at: Date;
};

/**
 * Appends DELIVERY_FAILED with to_status = the appointment's current status (the column is not
 * null) and payload {channel, kind, party, job_id, reason}. The reason is the error's name and
 * message with addresses and long numbers (chat ids) masked. Every plan maps this type to
 * no jobs. Recorded once per job id and reason, so a retried job does not repeat it.
 */
export async function recordDeliveryFailure(
  db: Queryable,
  failure: DeliveryFailure,
): Promise<void> {
  const payload = {
    channel: failure.channel,
    kind: failure.kind,
    party: failure.party,
    job_id: failure.jobId,
    reason: reasonOf(failure.error),
  };
  await db.execute(sql`
    insert into appointment_events (appointment_id, type, actor, from_status, to_status, payload, created_at)
    select a.id, ${DELIVERY_FAILED}, 'system:jobs', a.status, a.status, ${JSON.stringify(payload)}::jsonb, ${failure.at}
    from appointments a
    where a.id = ${failure.appointmentId}
      and not exists (
        select 1 from appointment_events e
        where e.appointment_id = a.id and e.type = ${DELIVERY_FAILED}
          and e.payload @> ${JSON.stringify({ job_id: failure.jobId, reason: payload.reason })}::jsonb
      )`);
}

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text
    .replace(/[^\s<>@]+@[^\s<>@]+/g, '<address>')
    .replace(/\d{6,}/g, '<number>')
    .slice(0, 200);
}
