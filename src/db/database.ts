// Opens a connection pool and its drizzle handle; the composition root owns and closes them.
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import {
  type DatabaseTimeouts,
  poolTimeoutSettings,
  REQUEST_TIMEOUTS,
} from './database-timeouts.ts';

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

export type PoolOptions = {
  /** Overrides the pool size of `timeouts`. */
  readonly max?: number;
  readonly timeouts?: DatabaseTimeouts;
  /** Shown in pg_stat_activity, so an operator (or a fault test) can tell the pools apart. */
  readonly name?: string;
};

/**
 * Opens a pool on `url` whose every wait is bounded by `timeouts` (request bounds by default):
 * checkout, statement, lock, idle-in-transaction and an unanswered query. Never throws for an
 * unreachable server: the first query does. A connection lost at any moment, idle or checked
 * out, fails only the work on it; the pool replaces it, and the process never crashes.
 */
export function openDatabase(url: string, options: PoolOptions = {}): DatabaseHandle {
  const t = options.timeouts ?? REQUEST_TIMEOUTS;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? t.poolSize,
    ...poolTimeoutSettings(t),
    application_name: options.name ?? 'slotline',
  });
  // pg-pool listens for errors only on idle clients. A checked-out client whose connection dies
  // (a failover, pg_terminate_backend) emits 'error' too; unheard, that would end the process.
  // The query in flight fails on its own, and the broken client is discarded on release.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  pool.on('error', () => {});
  const db = drizzle({ client: pool, casing: 'snake_case' });
  return { db, pool, close: () => pool.end() };
}
