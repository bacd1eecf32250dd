// The mails a client gets about one appointment: short plain text, the invite where it belongs.
import { draftOf, optional } from './appointment-mail-drafts.ts';
import type { AppointmentMailKind, AppointmentMailView } from './appointment-mail-view.ts';
import { buildAppointmentInvite } from './build-appointment-invite.ts';
import { formatMailWhen } from './mail-time.ts';
import type { MailMessage } from './mail-types.ts';

function inviteFor(view: AppointmentMailView, method: 'REQUEST' | 'CANCEL', description: string) {
  return buildAppointmentInvite({
    uid: `${view.appointmentId}@slotline`,
    sequence: view.sequence,
    method,
    start: view.start,
    end: view.end,
    summary: `${view.serviceName} with ${view.providerName}`,
    description,
    location: null,
    meetingUrl: view.meetingLink,
    organizer: view.organizer,
    attendee: { name: view.client.name, email: view.client.email },
    timezone: view.client.timezone,
    now: view.now,
  });
}

/**
 * The mail of `kind` to the client, with the time in the client's zone. confirmation,
 * approved and rescheduled carry a REQUEST invite, declined and cancelled a CANCEL with the
 * same UID (`<appointmentId>@slotline`); the caller must pass a higher `sequence` for each
 * change. Throws on an unknown time zone or an end not after the start.
 */
export function appointmentMail(kind: AppointmentMailKind, view: AppointmentMailView): MailMessage {
  const draft = draftOf(kind, view);
  const details = [
    `${view.serviceName} with ${view.providerName}`,
    formatMailWhen(view.start, view.end, view.client.timezone),
    ...optional('Join: ', view.meetingLink),
  ];
  const closing = draft.invite === 'REQUEST' ? ['The calendar invite is attached.'] : [];
  const paragraphs = [
    [`Hi ${view.client.name},`],
    draft.lead,
    details,
    [...draft.tail, ...closing],
  ];
  const text = `${paragraphs
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n\n— Slotline\n`;
  const invite = draft.invite ? inviteFor(view, draft.invite, details.join('\n')) : null;
  return { to: view.client.email, subject: draft.subject, text, invite };
}
