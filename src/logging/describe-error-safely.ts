// The one redaction rule for logged errors: names, codes and stack frames stay; messages and data go.

/** What of an error may be logged. Every field is optional except `name`. */
export type SafeError = {
  /** error.name ('DrizzleQueryError', 'DiscordAPIError[50007]'), or 'string', 'object'... */
  readonly name: string;
  /** The class, when it differs from the name (pg's DatabaseError is named 'error'). */
  readonly type?: string;
  /** SQLSTATE ('23505'), errno code ('ECONNREFUSED'), nodemailer/Slack/Discord/gaxios code. */
  readonly code?: string | number;
  /** HTTP status (Discord, gaxios, Slack's HTTP errors) or the Bot API's error_code. */
  readonly status?: number;
  /** SMTP reply code (nodemailer's responseCode). */
  readonly smtpCode?: number;
  /** Slack's platform error, e.g. 'channel_not_found'. */
  readonly platformError?: string;
  /** A Telegram description of the fixed kind, e.g. 'Forbidden: bot was blocked by the user'. */
  readonly description?: string;
  /** The API method or HTTP verb that failed ('sendMessage', 'POST'). */
  readonly method?: string;
  /** The SMTP command that failed ('RCPT TO'). */
  readonly command?: string;
  readonly syscall?: string;
  readonly errno?: number;
  /** pg's names of the schema objects involved; never the values. */
  readonly constraint?: string;
  readonly table?: string;
  readonly column?: string;
  /** Seconds to wait (Slack's rate limit, Telegram's parameters.retry_after). */
  readonly retryAfter?: number;
  /** pg-boss's queue and worker id on the errors its workers emit. */
  readonly queue?: string;
  readonly worker?: string;
  /** Stack frames ('at fn (file:line:col)') of the outermost error only, without its message. */
  readonly frames?: readonly string[];
  /** The inner errors of an AggregateError (a failed connect to every address of a host). */
  readonly errors?: readonly SafeError[];
  readonly cause?: SafeError;
};

const MAX_DEPTH = 5;
const MAX_FRAMES = 8;
const MAX_INNER = 3;
/** Identifiers: codes, names, methods. No '@', '+', spaces or a leading digit (phones, tokens). */
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_.:[\]-]{0,63}$/;
/** SQLSTATE: five digits or capitals ('42P01', '23505'). */
const SQLSTATE = /^[0-9A-Z]{5}$/;
/** A UUID (pg-boss's worker ids). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An SMTP command: capitals and at most one space ('RCPT TO', 'AUTH PLAIN'). */
const SMTP_COMMAND = /^[A-Z]{2,12}( [A-Z]{2,12})?$/;
/**
 * A Bot API description: its status phrase, then lower-case words or an UPPER_SNAKE code
 * ('Forbidden: bot was blocked by the user', 'Bad Request: BUTTON_DATA_INVALID'). No digits,
 * dots, '@', quotes or capitalised words, so no address, number, token, quoted input or name.
 */
const BOT_API_DESCRIPTION =
  /^(Bad Request|Unauthorized|Forbidden|Not Found|Conflict|Too Many Requests|Internal Server Error|Bad Gateway)(: ([a-z][a-z _']{0,99}|[A-Z][A-Z_]{0,63}))?$/;
/** Numeric codes are small (errno, HTTP, Discord's 5 digits); longer numbers may be phone numbers. */
const MAX_NUMERIC_CODE = 999_999;

const described = new WeakSet<object>();

/**
 * Reduces anything thrown to the fields that may be logged. Invariants: the result never holds
 * an error's message, its SQL or query parameters, pg's `detail`, a request URL, body, payload,
 * header or config, a response body or any object reference (connections, clients); only the
 * whitelisted fields of SafeError, each checked against a strict pattern (strings that could hold
 * an address, a phone number or a token are dropped), along the cause chain up to 5 deep.
 * Anything that is not an Error or object gives just its type as `name`. Describing a result
 * again returns it unchanged, so a logger serializer may run on already described errors.
 */
export function describeErrorSafely(error: unknown): SafeError {
  try {
    return describe(error, 0, true);
  } catch {
    // A getter or proxy that throws: a log line must never fail.
    return remember({ name: 'unreadable' });
  }
}

function describe(value: unknown, depth: number, outermost: boolean): SafeError {
  if (typeof value !== 'object' || value === null) {
    return remember({ name: value === null ? 'null' : typeof value });
  }
  if (described.has(value)) return value as SafeError;
  const fields = value as Record<string, unknown>;
  const safe: Record<string, unknown> = { name: nameOf(value) };
  const type = value.constructor?.name;
  if (typeof type === 'string' && type !== safe.name && type !== 'Object' && IDENTIFIER.test(type))
    safe.type = type;
  copyCodes(fields, safe);
  if (outermost && value instanceof Error) {
    const frames = framesOf(value);
    if (frames.length > 0) safe.frames = frames;
  }
  if (depth < MAX_DEPTH) {
    if (Array.isArray(fields.errors)) {
      safe.errors = fields.errors.slice(0, MAX_INNER).map((e) => describe(e, depth + 1, false));
    }
    const inner = innerOf(fields);
    if (inner !== undefined) safe.cause = describe(inner, depth + 1, false);
  }
  return remember(safe as SafeError);
}

function remember(safe: SafeError): SafeError {
  Object.freeze(safe);
  described.add(safe);
  return safe;
}

function nameOf(value: object): string {
  const name = (value as { name?: unknown }).name;
  if (value instanceof Error)
    return typeof name === 'string' && IDENTIFIER.test(name) ? name : 'Error';
  // Plain objects (pg-boss spreads errors into them) keep a name only when it reads like an error's.
  return typeof name === 'string' && /^[A-Za-z]*(Error|Exception)(\[\d+\])?$/.test(name)
    ? name
    : 'object';
}

/** Copies the codes each library puts on its errors, under the names of SafeError. */
function copyCodes(fields: Record<string, unknown>, safe: Record<string, unknown>): void {
  const code = fields.code;
  if (isSafeCode(code)) safe.code = code;
  const status = firstNumber(fields.status, fields.statusCode, fields.error_code);
  if (status !== undefined) safe.status = status;
  if (isSmallInteger(fields.responseCode)) safe.smtpCode = fields.responseCode;
  const data = fields.data;
  if (typeof data === 'object' && data !== null) {
    const platform = (data as { error?: unknown }).error;
    if (typeof platform === 'string' && /^[a-z][a-z0-9_]{0,63}$/.test(platform))
      safe.platformError = platform;
  }
  // Telegram's description, only on a Bot API error (it has error_code), and only a fixed kind.
  if (isSmallInteger(fields.error_code) && typeof fields.description === 'string') {
    if (BOT_API_DESCRIPTION.test(fields.description)) safe.description = fields.description;
  }
  copyIf(fields, safe, 'method', IDENTIFIER);
  copyIf(fields, safe, 'command', SMTP_COMMAND);
  copyIf(fields, safe, 'syscall', IDENTIFIER);
  copyIf(fields, safe, 'constraint', IDENTIFIER);
  copyIf(fields, safe, 'table', IDENTIFIER);
  copyIf(fields, safe, 'column', IDENTIFIER);
  copyIf(fields, safe, 'queue', IDENTIFIER);
  copyIf(fields, safe, 'worker', UUID);
  if (isSmallInteger(fields.errno)) safe.errno = fields.errno;
  const parameters = fields.parameters as { retry_after?: unknown } | undefined;
  const retryAfter = firstNumber(fields.retryAfter, parameters?.retry_after);
  if (retryAfter !== undefined) safe.retryAfter = retryAfter;
}

function copyIf(
  fields: Record<string, unknown>,
  safe: Record<string, unknown>,
  key: string,
  pattern: RegExp,
): void {
  const value = fields[key];
  if (typeof value === 'string' && pattern.test(value)) safe[key] = value;
}

function isSafeCode(code: unknown): code is string | number {
  if (typeof code === 'number') return isSmallInteger(code);
  return typeof code === 'string' && (IDENTIFIER.test(code) || SQLSTATE.test(code));
}

function isSmallInteger(value: unknown): value is number {
  return Number.isInteger(value) && Math.abs(value as number) <= MAX_NUMERIC_CODE;
}

function firstNumber(...values: unknown[]): number | undefined {
  return values.find(isSmallInteger) as number | undefined;
}

/** `cause`, else Slack's `original` or grammY's HttpError `error`, when that is an error. */
function innerOf(fields: Record<string, unknown>): unknown {
  if (fields.cause !== undefined && fields.cause !== null) return fields.cause;
  for (const inner of [fields.original, fields.error]) {
    if (inner instanceof Error) return inner;
  }
  return undefined;
}

/**
 * The 'at ...' lines after the message: a message may span lines (drizzle's 'params:' line), and
 * a parameter could itself contain '\n    at ', so the message's text is skipped first. A stack
 * that does not hold the message (it was changed after the throw) gives no frames.
 */
function framesOf(error: Error): string[] {
  const stack = typeof error.stack === 'string' ? error.stack : '';
  const message = typeof error.message === 'string' ? error.message : '';
  const at = stack.indexOf(message);
  if (at === -1) return [];
  return stack
    .slice(at + message.length)
    .split('\n')
    .filter((line) => /^\s+at \S/.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => line.trim().slice(0, 200));
}
