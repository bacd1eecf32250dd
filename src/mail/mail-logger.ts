// The one log call the mailers make; a pino logger fits as it is.

/**
 * Structured fields first, then a message. Only kinds and ids (MailAbout): never an address,
 * a subject (it names the client) or any other part of the mail.
 */
export type MailLogger = {
  info(fields: Record<string, unknown>, message?: string): void;
};
