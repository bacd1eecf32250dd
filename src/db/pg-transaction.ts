// Plain pg transactions for the booking hot path, where named prepared statements pay off.
import type pg from 'pg';

/** What the hot-path statements need: a pool or a checked-out client. */
export type SqlClient = Pick<pg.PoolClient, 'query'>;

/**
 * Runs `work` inside BEGIN ... COMMIT on one pooled connection, rolling back when it throws.
 * The connection goes back to the pool either way; one whose rollback failed is discarded.
 */
export async function withPgTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('begin');
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
