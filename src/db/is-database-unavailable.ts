// Tells a database that is away or too slow (retry later) from a fault in our own code.

/** SQLSTATEs that mean "not now": timeouts, shutdowns, lost or refused connections, deadlocks. */
const UNAVAILABLE_CODES = new Set([
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
  '25P03', // idle_in_transaction_session_timeout
  '57P01', // admin_shutdown: pg_terminate_backend, a failover
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
  '40P01', // deadlock_detected: the other side went through; a retry will too
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// node-postgres reports its own timeouts and lost connections with plain messages and no code.
const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /^Query read timeout$/i,
  /^Connection terminated/i,
  /connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /Cannot use a pool after calling end on the pool/i,
];

/**
 * True when `error`, or anything in its cause chain (AggregateError's errors included), says the
 * database is unreachable, shutting down, or did not answer in time: the request may be retried.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 20) {
    const e = queue.shift();
    if (!(e instanceof Error) || seen.has(e)) continue;
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) {
      return true;
    }
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(e.message))) return true;
    queue.push(e.cause, ...((e as { errors?: unknown[] }).errors ?? []));
  }
  return false;
}
