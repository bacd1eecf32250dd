// Opens the connection pool and the drizzle handle; the composition root owns and closes it.
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';

/** The drizzle handle; `$client` is its pg pool, for the few hot statements prepared by name. */
export type Database = NodePgDatabase & { readonly $client: pg.Pool };
/** A drizzle transaction handle, as passed to db.transaction callbacks. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Either the database or a transaction: queries that can run inside or outside one. */
export type Queryable = Database | Tx;

export type DatabaseHandle = {
  readonly db: Database;
  readonly pool: pg.Pool;
  close(): Promise<void>;
};

/**
 * Opens a pool on `url`. Never throws for an unreachable server: the first query does.
 */
export function openDatabase(url: string, options: { max?: number } = {}): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 20 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzle({ client: pool, casing: 'snake_case' });
  return { db, pool, close: () => pool.end() };
}
