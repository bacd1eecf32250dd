// Turns whatever stopped startup into one line that names the cause and the fix, never a stack.

/** What the message may name: the settings a person would change. */
export type StartupContext = {
  readonly port: number;
  readonly dataDir: string;
  /** DATABASE_URL when set; only its host and port are ever shown. */
  readonly databaseUrl: string | undefined;
};

/** Errors whose message was written for the person starting Slotline, shown as they are. */
const PLAIN_ERRORS = new Set(['ConfigError', 'EncryptionKeyError', 'EmbeddedPostgresError']);

const DATABASE_UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
]);

const FOLDER_DENIED = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOSPC']);

/**
 * One line (no newline, no stack) for `error`, found by walking its `cause` chain: a message
 * written for people wins, then known system and PostgreSQL codes. Never shows a password.
 */
export function describeStartupFailure(error: unknown, context: StartupContext): string {
  const chain = causeChain(error);
  const plain = chain.find((e) => PLAIN_ERRORS.has(e.name));
  if (plain) return oneLine(plain.message);
  for (const e of chain) {
    const found = describeCode(e, context);
    if (found) return found;
  }
  const first = chain[0];
  return first
    ? `unexpected ${first.name}: ${oneLine(first.message)} (please report this)`
    : `unexpected failure: ${oneLine(String(error))} (please report this)`;
}

function describeCode(e: CodedError, context: StartupContext): string | null {
  const where = databaseHost(context.databaseUrl);
  if (e.code === 'EADDRINUSE') {
    return `port ${e.port ?? context.port} is already in use (another Slotline, perhaps); stop it or set PORT to a free port`;
  }
  if (e.code && FOLDER_DENIED.has(e.code) && e.path) {
    return `cannot write ${e.path} (${e.code}); make DATA_DIR (${context.dataDir}) a folder this user may write`;
  }
  if (!where) return null;
  if ((e.code && DATABASE_UNREACHABLE.has(e.code)) || /timeout|terminated/i.test(e.message)) {
    return `cannot reach the database at ${where} (${e.code ?? 'no answer'}); check DATABASE_URL and that PostgreSQL runs there, or unset DATABASE_URL to use the embedded one`;
  }
  if (e.code === '28P01' || e.code === '28000') {
    return `the database at ${where} refused the login (${e.code}); check the user and password in DATABASE_URL`;
  }
  if (e.code === '3D000') {
    return `the database named in DATABASE_URL does not exist at ${where}; create it (createdb) or fix the URL`;
  }
  return null;
}

type CodedError = {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly path?: string;
  readonly port?: number;
};

function causeChain(error: unknown): CodedError[] {
  const chain: CodedError[] = [];
  let current: unknown = error;
  // AggregateError (a refused connection to both IPv4 and IPv6) carries its causes in `errors`.
  while (current instanceof Error && chain.length < 10) {
    chain.push(current as CodedError);
    const inner: unknown = (current as { errors?: unknown[] }).errors?.[0];
    current = current.cause ?? inner;
  }
  return chain;
}

function databaseHost(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`;
  } catch {
    return 'DATABASE_URL (not a valid URL)';
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, '; ').trim();
}
