// What a job hands the mail texts: the kinds of change mail and the facts they show.
import type { InviteParty } from './build-appointment-invite.ts';

export const APPOINTMENT_MAIL_KINDS = [
  'confirmation',
  'request-received',
  'approved',
  'declined',
  'cancelled',
  'rescheduled',
  'no-show',
] as const;
export type AppointmentMailKind = (typeof APPOINTMENT_MAIL_KINDS)[number];

/** What a job knows about the appointment when it mails the client. */
export type AppointmentMailView = {
  readonly appointmentId: string;
  /** The invite's SEQUENCE: grows with every change, or calendars keep the old version. */
  readonly sequence: number;
  readonly client: { readonly name: string; readonly email: string; readonly timezone: string };
  readonly providerName: string;
  /** ORGANIZER of the invite; best the From address, so replies reach someone. */
  readonly organizer: InviteParty;
  readonly serviceName: string;
  readonly start: Date;
  readonly end: Date;
  /** The start before a move; only 'rescheduled' shows it. */
  readonly previousStart: Date | null;
  readonly meetingLink: string | null;
  /** Why it was declined or cancelled, as the other party wrote it. */
  readonly reason: string | null;
  /** E.g. 'You will get a full refund.'; only 'cancelled' shows it. */
  readonly refundWords: string | null;
  /** What the change means for the client beyond the refund; only 'no-show' shows them. */
  readonly consequences: readonly string[];
  /** The invite's DTSTAMP. */
  readonly now: Date;
};
