// What a job hands the mail texts: the kinds of change mail and the facts they show.
import { LATER_CHANGE_KINDS } from '../domain/appointment.ts';
import type { InviteParty } from './build-appointment-invite.ts';
import type { MailedChange } from './mail-types.ts';

/** The mails a change of an appointment sends its client (reminders have their own jobs). */
export const APPOINTMENT_MAIL_KINDS = [
  'confirmation',
  'request-received',
  ...LATER_CHANGE_KINDS,
  // Money news: the hold ran out unpaid, a refund was made, a refund could not be made.
  'hold-expired',
  'refunded',
  'refund-failed',
] as const;
export type AppointmentMailKind = (typeof APPOINTMENT_MAIL_KINDS)[number];

/** What a job knows about the appointment when it mails the client. */
export type AppointmentMailView = MailedChange & {
  readonly appointmentId: string;
  /** The invite's SEQUENCE: grows with every change, or calendars keep the old version. */
  readonly sequence: number;
  readonly client: { readonly name: string; readonly email: string; readonly timezone: string };
  readonly providerName: string;
  /** ORGANIZER of the invite; best the From address, so replies reach someone. */
  readonly organizer: InviteParty;
  /** E.g. 'You will get a full refund.', in the client's language; only 'cancelled' shows it. */
  readonly refundWords: string | null;
  /** The amount a money mail is about, formatted for the client ('€50.00'); money kinds only. */
  readonly money?: string;
  /** What the change means for the client beyond the refund; only 'no-show' shows them. */
  readonly consequences: readonly string[];
  /** The invite's DTSTAMP. */
  readonly now: Date;
};
