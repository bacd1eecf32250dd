// Shared by the change-mail tests: reading invites back and the appointment's DELIVERY_FAILED rows.
import { and, eq } from 'drizzle-orm';
import { appointmentEvents } from '../../src/db/schema/appointments.ts';
import type { MailMessage } from '../../src/mail/mail-types.ts';
import { readInvite } from '../mail/mail-fixtures.ts';
import type { TestDatabase } from '../support/test-database.ts';

/** The invite of `mail` as a calendar reads it: method, UID, start and SEQUENCE. */
export function inviteOf(mail: MailMessage | undefined) {
  if (!mail?.invite) throw new Error('mail without an invite');
  const { event, method } = readInvite(mail.invite.content);
  return {
    method,
    uid: event.uid,
    start: event.start.toISOString(),
    sequence: Number(event.sequence),
  };
}

/** The DELIVERY_FAILED events of one appointment, oldest first. */
export function deliveryFailures(db: TestDatabase, appointmentId: string) {
  return db.db
    .select()
    .from(appointmentEvents)
    .where(
      and(
        eq(appointmentEvents.appointmentId, appointmentId),
        eq(appointmentEvents.type, 'DELIVERY_FAILED'),
      ),
    )
    .orderBy(appointmentEvents.id);
}
