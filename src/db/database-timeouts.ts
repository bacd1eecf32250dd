// Every database wait is bounded; the bounds for each path are chosen here and nowhere else.

/** Bounds for one pool's connections: how long anything may wait before it gives up. */
export type DatabaseTimeouts = {
  /** Waiting for a pool connection (a free one or a new one) before giving up. */
  readonly checkoutMs: number;
  /** One statement on the server (statement_timeout). */
  readonly statementMs: number;
  /** Waiting for a row or advisory lock (lock_timeout). */
  readonly lockMs: number;
  /** A transaction left open with nothing running (idle_in_transaction_session_timeout). */
  readonly idleInTransactionMs: number;
  /** Client side: a query with no answer at all (a dead network), a little above statementMs. */
  readonly queryMs: number;
  readonly poolSize: number;
};

/**
 * Requests (HTTP and chat) answer a person who is waiting: a booking holds the provider lock for
 * a few milliseconds, so 200 bookings of one slot queue well under these bounds, while a database
 * that is gone turns into a 503 within seconds instead of a hang.
 */
export const REQUEST_TIMEOUTS: DatabaseTimeouts = {
  checkoutMs: 5_000,
  statementMs: 10_000,
  lockMs: 8_000,
  idleInTransactionMs: 15_000,
  queryMs: 12_000,
  poolSize: 20,
};

/**
 * Background work (jobs, calendar sync) has nobody waiting, and calendar sync still holds a
 * transaction across the calendar's HTTP call (up to 30 s), so its bounds are looser.
 */
export const BACKGROUND_TIMEOUTS: DatabaseTimeouts = {
  checkoutMs: 15_000,
  statementMs: 30_000,
  lockMs: 30_000,
  idleInTransactionMs: 60_000,
  queryMs: 35_000,
  poolSize: 10,
};

/**
 * Startup (migrations, creating the embedded database): a silent server must not hang the start.
 * A migration may rewrite a big table, so a statement gets minutes; waiting that long for another
 * instance's migration lock means that instance is stuck, and this one stops saying so.
 */
export const STARTUP_TIMEOUTS: DatabaseTimeouts = {
  checkoutMs: 10_000,
  statementMs: 10 * 60_000,
  lockMs: 5 * 60_000,
  idleInTransactionMs: 60_000,
  queryMs: 11 * 60_000,
  poolSize: 1,
};

/** What a request that gave up on the database tells its caller to wait before retrying. */
export const RETRY_AFTER_SECONDS = 2;

/** The node-postgres settings that apply `t` to every connection of a pool (ours or pg-boss's). */
export function poolTimeoutSettings(t: DatabaseTimeouts) {
  return {
    connectionTimeoutMillis: t.checkoutMs,
    statement_timeout: t.statementMs,
    lock_timeout: t.lockMs,
    idle_in_transaction_session_timeout: t.idleInTransactionMs,
    query_timeout: t.queryMs,
  };
}
