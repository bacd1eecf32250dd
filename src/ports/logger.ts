// The one logger port every part of src/ and bots/ takes; a pino logger fits as it is.

/**
 * A pino-style log call: structured fields first, then a message. Fields carry kinds, ids and
 * codes only: never a token, a name, an email address or a message text (see safe-log-options).
 */
type LogFn = (fields: Record<string, unknown>, message?: string) => void;

/** The subset of pino's logger Slotline uses. */
export type Logger = { readonly info: LogFn; readonly warn: LogFn; readonly error: LogFn };
