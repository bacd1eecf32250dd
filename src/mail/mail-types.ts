// The mail port: what the jobs send and what a mailer (SMTP or the local outbox) accepts.

export type CalendarInvite = {
  /** REQUEST for a new or moved appointment, CANCEL for a cancelled one (same UID). */
  readonly method: 'REQUEST' | 'CANCEL';
  /** The .ics text (VCALENDAR). */
  readonly content: string;
};

/** The appointment as every change mail shows it: what, when, where to join and why. */
export type MailedChange = {
  readonly serviceName: string;
  readonly start: Date;
  readonly end: Date;
  /** The start before a move; only 'rescheduled' shows it. */
  readonly previousStart: Date | null;
  readonly meetingLink: string | null;
  /** Why it was declined or cancelled, as the other party wrote it. */
  readonly reason: string | null;
};

/** What a mail is about, in ids and kinds only: all a log line about it may say. */
type MailAbout = {
  /** The mail's kind, e.g. 'confirmation', 'new-booking', 'reminder-48h'. */
  readonly kind: string;
  readonly party: 'client' | 'provider';
  readonly appointmentId: string;
};

export type MailMessage = {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly invite: CalendarInvite | null;
  /** Set by the jobs; the mailers log it instead of the address or subject. */
  readonly about?: MailAbout;
  /**
   * The same for every attempt to send this one message (the jobs derive it from the job id):
   * the Message-ID header, by which receivers drop a repeat, and the outbox's file name.
   */
  readonly deliveryKey?: string;
};

/** Sends one message; rejects with MailRejectedError (for good) or MailUnavailableError (retry). */
export type Mailer = {
  send(message: MailMessage): Promise<void>;
};

/** The server refused the message for good (SMTP 5xx, bad address): do not retry. */
export class MailRejectedError extends Error {
  override name = 'MailRejectedError';
}

/** The server could not be reached or answered 4xx: retry later. */
export class MailUnavailableError extends Error {
  override name = 'MailUnavailableError';
}
