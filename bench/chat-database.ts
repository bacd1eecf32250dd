// The chat bench's database: its own, migrated, seeded with providers to book, dropped afterwards.
import { type DatabaseHandle, openDatabase } from '../src/db/database.ts';
import { runMigrations } from '../src/db/run-migrations.ts';
import { addService, createFixture } from '../test/support/fixtures.ts';
import { runAdminStatement, withDatabase } from './bench-database.ts';

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
  await runAdminStatement(serverUrl, `drop database if exists ${name} with (force)`);
  await runAdminStatement(serverUrl, `create database ${name}`);
  const url = withDatabase(serverUrl, name);
  await runMigrations(url);
  const handle = openDatabase(url);
  for (let i = 0; i < BENCH_PROVIDERS; i += 1) {
    const { providerId } = await createFixture(handle.db);
    await addService(handle.db, providerId, { name: 'Long session', durationMinutes: 90 });
  }
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      await runAdminStatement(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
