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

/** A statement to run right after some locks, in the same round trip (simple protocol). */
export type FollowingRead = (client: pg.PoolClient) => Promise<string>;

/**
 * withPgTransaction that first tries two advisory locks (each name hashed with
 * hashtextextended) without waiting: the second only once the first is held, so a caller that
 * then waits for the rest keeps the same order. Then it runs the statement `read` returns, and
 * `work` learns how many locks it holds and the rows that statement read. BEGIN, the tries and
 * the read go in one round trip: a simple-protocol batch with the names escaped as literals,
 * since it cannot carry parameters. The read is its own statement, so under READ COMMITTED it
 * sees everything committed before the locks were granted. Whatever is held is released at
 * commit or rollback.
 */
export function withPgTransactionTryingLocks<T>(
  pool: pg.Pool,
  locks: readonly [first: string, second: string],
  read: FollowingRead,
  work: (client: pg.PoolClient, held: LocksHeld, rows: unknown[]) => Promise<T>,
): Promise<T> {
  let held: LocksHeld = 0;
  let rows: unknown[] = [];
  const begin = async (client: pg.PoolClient) => {
    const [first, second] = locks.map((name) =>
      lockExpression(client, 'pg_try_advisory_xact_lock', name),
    );
    const statement = await read(client);
    const results = (await client.query(
      `begin; with a as (select ${first} as got)
        select got as first, case when got then ${second} else false end as second from a;
        ${statement}`,
    )) as unknown as pg.QueryResult[];
    const row = results[1]?.rows[0] as { first: boolean; second: boolean } | undefined;
    held = row?.first ? (row.second ? 2 : 1) : 0;
    rows = results[2]?.rows ?? [];
  };
  return runTransaction(pool, begin, (client) => work(client, held, rows));
}

/**
 * Inside a transaction: waits for the advisory locks `names`, in order, then runs the statement
 * `read` returns, in one round trip; resolves that statement's rows, read after every lock was
 * granted. The locks are released at commit or rollback.
 */
export async function takeLocksThenRead(
  client: pg.PoolClient,
  names: readonly string[],
  read: FollowingRead,
): Promise<unknown[]> {
  const locks = names.map((name) => lockExpression(client, 'pg_advisory_xact_lock', name));
  const statement = await read(client);
  const results = (await client.query(
    `select ${locks.join(', ')}; ${statement}`,
  )) as unknown as pg.QueryResult[];
  return results[1]?.rows ?? [];
}

function lockExpression(client: pg.PoolClient, fn: string, name: string): string {
  return `${fn}(hashtextextended(${client.escapeLiteral(name)}, 0))`;
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
