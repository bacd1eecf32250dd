// Decides where the database lives: DATABASE_URL, or an embedded PostgreSQL under the data dir.
import { join } from 'node:path';
import pg from 'pg';
import { poolTimeoutSettings, STARTUP_TIMEOUTS } from './database-timeouts.ts';

export type PreparedDatabase = {
  readonly url: string;
  /** 'external' for DATABASE_URL, 'embedded' for the bundled server. */
  readonly kind: 'external' | 'embedded';
  stop(): Promise<void>;
};

const EMBEDDED_DATABASE = 'slotline';

/**
 * Returns `databaseUrl` as is when set. Otherwise starts the embedded server with its data in
 * `dataDir/postgres` and makes sure the `slotline` database exists. Throws EmbeddedPostgresError
 * when the embedded server cannot start.
 */
export async function prepareDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPort: number;
}): Promise<PreparedDatabase> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, kind: 'external', stop: async () => {} };
  }
  // Loaded only when needed: containers run without the embedded binaries.
  const { startEmbeddedPostgres } = await import('./start-embedded-postgres.ts');
  const server = await startEmbeddedPostgres({
    dataDir: join(options.dataDir, 'postgres'),
    port: options.embeddedPort,
  });
  const admin = new pg.Client({
    connectionString: server.url,
    ...poolTimeoutSettings(STARTUP_TIMEOUTS),
  });
  try {
    await admin.connect();
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [
      EMBEDDED_DATABASE,
    ]);
    if (rowCount === 0) await admin.query(`create database ${EMBEDDED_DATABASE}`);
  } finally {
    await admin.end().catch(() => {});
  }
  const url = new URL(server.url);
  url.pathname = `/${EMBEDDED_DATABASE}`;
  return { url: url.toString(), kind: 'embedded', stop: () => server.stop() };
}
