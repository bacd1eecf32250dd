// The one log call the mailers make; a pino logger fits as it is.

/** Structured fields first, then a message. Never pass full addresses: mask them first. */
export type MailLogger = {
  info(fields: Record<string, unknown>, message?: string): void;
};
