// The chat bench's database: its own, migrated, seeded with providers to book, dropped afterwards.
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../src/db/database.ts';
import { runMigrations } from '../src/db/run-migrations.ts';
import { addService, createFixture } from '../test/support/fixtures.ts';

/** Providers in the directory (one page of the list); users spread over them and their slots. */
export const BENCH_PROVIDERS = 4;

export type ChatBenchDatabase = DatabaseHandle & { drop(): Promise<void> };

/**
 * Creates database `name` on the server of `serverUrl`, migrates it and seeds BENCH_PROVIDERS
 * providers, each working Mon-Fri 09:00-17:00 in Berlin with two services (so the flow asks for
 * the provider and the service). drop() closes the pool and drops the database.
 */
export async function createChatBenchDatabase(
  serverUrl: string,
  name: string,
): Promise<ChatBenchDatabase> {
  await admin(serverUrl, `drop database if exists ${name} with (force)`);
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  const handle = openDatabase(url.toString());
  for (let i = 0; i < BENCH_PROVIDERS; i += 1) {
    const { providerId } = await createFixture(handle.db);
    await addService(handle.db, providerId, { name: 'Long session', durationMinutes: 90 });
  }
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      await admin(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
