// The mails a client gets about one appointment: short plain text, the invite where it belongs.
import type { Translator } from '../i18n/translator.ts';
import { draftOf, optional } from './appointment-mail-drafts.ts';
import type { AppointmentMailKind, AppointmentMailView } from './appointment-mail-view.ts';
import { buildAppointmentInvite } from './build-appointment-invite.ts';
import { formatMailWhen } from './mail-time.ts';
import type { MailMessage } from './mail-types.ts';

function inviteFor(
  view: AppointmentMailView,
  method: 'REQUEST' | 'CANCEL',
  summary: string,
  description: string,
) {
  return buildAppointmentInvite({
    uid: `${view.appointmentId}@slotline`,
    sequence: view.sequence,
    method,
    start: view.start,
    end: view.end,
    summary,
    description,
    location: null,
    meetingUrl: view.meetingLink,
    organizer: view.organizer,
    attendee: { name: view.client.name, email: view.client.email },
    timezone: view.client.timezone,
    now: view.now,
  });
}

/** Paragraphs of lines as a mail body: blank lines between them, the signature last. */
export function mailBody(t: Translator, paragraphs: readonly (readonly string[])[]): string {
  const body = paragraphs
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
  return `${body}\n\n${t.t('mail.signature')}\n`;
}

/**
 * The mail of `kind` to the client in the client's language (`t`), with the time in the
 * client's zone. confirmation, approved and rescheduled carry a REQUEST invite, declined and
 * cancelled a CANCEL with the same UID (`<appointmentId>@slotline`); the caller must pass a
 * higher `sequence` for each change. Throws on an unknown time zone or an end not after the start.
 */
export function appointmentMail(
  t: Translator,
  kind: AppointmentMailKind,
  view: AppointmentMailView,
): MailMessage {
  const draft = draftOf(t, kind, view);
  const what = t.t('mail.what', { service: view.serviceName, provider: view.providerName });
  const details = [
    what,
    formatMailWhen(t, view.start, view.end, view.client.timezone),
    ...optional(view.meetingLink, (link) => t.t('mail.join', { link })),
  ];
  const closing = draft.invite === 'REQUEST' ? [t.t('mail.inviteAttached')] : [];
  const text = mailBody(t, [
    [t.t('mail.greeting', { name: view.client.name })],
    draft.lead,
    details,
    [...draft.tail, ...closing],
  ]);
  const invite = draft.invite ? inviteFor(view, draft.invite, what, details.join('\n')) : null;
  return { to: view.client.email, subject: draft.subject, text, invite };
}
