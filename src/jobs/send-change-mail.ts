// A change mail to the client: the event's text and invite, with a join link where one belongs.

import { appointmentMail } from '../mail/appointment-mail.ts';
import type { AppointmentMailView } from '../mail/appointment-mail-view.ts';
import { MailRejectedError } from '../mail/mail-types.ts';
import { type ChangeMailFacts, inviteSequence, readChangeMailFacts } from './change-mail-facts.ts';
import { ensureMeetingLink } from './ensure-meeting-link.ts';
import type { ChangeMailKind, ChangeMailPayload } from './job-payloads.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { recordDeliveryFailure } from './record-delivery-failure.ts';

/** The mails that confirm an appointment; a virtual one gets its join link before them. */
const CONFIRMING = new Set<ChangeMailKind>(['confirmation', 'approved']);

/**
 * Mails the client about one event (no address or appointment gone: nothing to do). For a
 * confirming mail of a virtual service the join link is made and stored first, so the mail
 * carries it. A MailRejectedError (permanent) is recorded as DELIVERY_FAILED; any other error
 * is thrown so pg-boss retries the job (the link, once stored, is not made again).
 */
export async function sendChangeMail(
  deps: JobsDeps,
  jobId: string,
  payload: ChangeMailPayload,
): Promise<void> {
  const facts = await readChangeMailFacts(deps.db, payload.appointmentId);
  if (!facts) return;
  const meetingLink = CONFIRMING.has(payload.kind)
    ? await ensureMeetingLink(deps, { facts, kind: payload.kind, jobId })
    : facts.meetingLink;
  const email = facts.clientEmail;
  if (!email) return;
  const sequence = await inviteSequence(deps.db, payload.appointmentId, payload.eventId);
  const view = mailView(facts, payload, { email, sequence, meetingLink, now: deps.clock() });
  try {
    await deps.mailer.send(appointmentMail(payload.kind, view));
  } catch (error) {
    if (!(error instanceof MailRejectedError)) throw error;
    await recordDeliveryFailure(deps.db, {
      appointmentId: payload.appointmentId,
      channel: 'email',
      kind: payload.kind,
      party: 'client',
      jobId,
      error,
      at: deps.clock(),
    });
  }
}

type MailExtras = {
  readonly email: string;
  readonly sequence: number;
  readonly meetingLink: string | null;
  readonly now: Date;
};

/** The mail view at the start the event set, keeping the appointment's length. */
function mailView(
  facts: ChangeMailFacts,
  payload: ChangeMailPayload,
  extras: MailExtras,
): AppointmentMailView {
  const start = new Date(payload.startTime);
  const length = facts.endTime.getTime() - facts.startTime.getTime();
  return {
    appointmentId: facts.appointmentId,
    sequence: extras.sequence,
    client: { name: facts.clientName, email: extras.email, timezone: facts.clientTimezone },
    providerName: facts.providerName,
    organizer: { name: facts.providerName, email: facts.providerEmail },
    serviceName: facts.serviceName,
    start,
    end: new Date(start.getTime() + length),
    previousStart: payload.previousStartTime ? new Date(payload.previousStartTime) : null,
    meetingLink: extras.meetingLink,
    reason: payload.reason,
    refundWords: null,
    now: extras.now,
  };
}
