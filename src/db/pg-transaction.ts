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
  return runTransaction(pool, () => 'begin', work);
}

/**
 * withPgTransaction that holds the advisory locks named by `lockKeys` (in that order, each
 * hashed with hashtextextended) before `work` runs. BEGIN and the locks go in one round trip:
 * a simple-protocol statement pair with the keys escaped as literals, since it cannot carry
 * parameters. Blocks until every lock is free; they are released at commit or rollback.
 */
export function withLockedPgTransaction<T>(
  pool: pg.Pool,
  lockKeys: readonly string[],
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const begin = (client: pg.PoolClient) => {
    const locks = lockKeys.map(
      (key) => `pg_advisory_xact_lock(hashtextextended(${client.escapeLiteral(key)}, 0))`,
    );
    return `begin; select ${locks.join(', ')}`;
  };
  return runTransaction(pool, begin, work);
}

async function runTransaction<T>(
  pool: pg.Pool,
  begin: (client: pg.PoolClient) => string,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(begin(client));
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
