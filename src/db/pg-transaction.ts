// Plain pg transactions for the booking hot path, where named prepared statements pay off.
import type pg from 'pg';

/** What the hot-path statements need: a pool or a checked-out client. */
export type SqlClient = Pick<pg.PoolClient, 'query'>;

/**
 * Runs `work` inside BEGIN ... COMMIT on one pooled connection, rolling back when it throws.
 * The connection goes back to the pool either way; one whose rollback failed is discarded.
 */
export function withPgTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return runTransaction(
    pool,
    async (client) => {
      await client.query('begin');
    },
    work,
  );
}

/** How many of the two locks withPgTransactionTryingLocks got: none, the first, or both. */
export type LocksHeld = 0 | 1 | 2;

/**
 * withPgTransaction that first tries two advisory locks (each name hashed with
 * hashtextextended) without waiting: the second only once the first is held, so a caller that
 * then waits for the rest keeps the same order. `work` learns how many it holds. BEGIN and the
 * tries go in one round trip: a simple-protocol statement pair with the names escaped as
 * literals, since it cannot carry parameters. Whatever is held is released at commit or rollback.
 */
export function withPgTransactionTryingLocks<T>(
  pool: pg.Pool,
  first: string,
  second: string,
  work: (client: pg.PoolClient, held: LocksHeld) => Promise<T>,
): Promise<T> {
  let held: LocksHeld = 0;
  const begin = async (client: pg.PoolClient) => {
    const lock = (name: string) =>
      `pg_try_advisory_xact_lock(hashtextextended(${client.escapeLiteral(name)}, 0))`;
    const results = (await client.query(
      `begin; with a as (select ${lock(first)} as got)
        select got as first, case when got then ${lock(second)} else false end as second from a`,
    )) as unknown as pg.QueryResult<{ first: boolean; second: boolean }>[];
    const row = results[1]?.rows[0];
    held = row?.first ? (row.second ? 2 : 1) : 0;
  };
  return runTransaction(pool, begin, (client) => work(client, held));
}

async function runTransaction<T>(
  pool: pg.Pool,
  begin: (client: pg.PoolClient) => Promise<void>,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await begin(client);
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
