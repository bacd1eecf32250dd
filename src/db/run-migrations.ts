// Applies migrations/ under a session advisory lock so instances starting together are safe.
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { poolTimeoutSettings, STARTUP_TIMEOUTS } from './database-timeouts.ts';

const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));
// Any fixed 64-bit number works; it only has to be the same for every instance.
const MIGRATION_LOCK_KEY = 4_117_301_973;

/**
 * Brings the database at `url` to the latest schema. Idempotent; concurrent callers wait for the
 * lock and then find nothing left to do. Throws MigrationError when the database is unreachable or
 * a migration fails (the failing migration's transaction is rolled back).
 */
export async function runMigrations(url: string): Promise<void> {
  const client = new pg.Client({
    connectionString: url,
    ...poolTimeoutSettings(STARTUP_TIMEOUTS),
  });
  try {
    await client.connect();
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrate(drizzle({ client }), { migrationsFolder, migrationsSchema: 'drizzle' });
  } catch (error) {
    throw new MigrationError('database migration failed', { cause: error });
  } finally {
    await client.end().catch(() => {});
  }
}

/** @internal Exported for tests too. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}
