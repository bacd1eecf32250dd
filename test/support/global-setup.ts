// Once per test run: a PostgreSQL server (TEST_DATABASE_URL or embedded) with a migrated template.
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { runMigrations } from '../../src/db/run-migrations.ts';
import { startEmbeddedPostgres } from '../../src/db/start-embedded-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin connection string of the test server. */
    testServerUrl: string;
    /** Name of the migrated template database each test file copies. */
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_URL;
  const dataDir = join(tmpdir(), `slotline-test-pg-${process.pid}`);
  const server = external
    ? { url: external, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir, port: 0 });
  const template = `slotline_template_${process.pid}`;
  await withAdmin(server.url, (c) => c.query(`create database ${template}`));
  await runMigrations(withDatabase(server.url, template));
  project.provide('testServerUrl', server.url);
  project.provide('templateDatabase', template);
  return async () => {
    await withAdmin(server.url, async (c) => {
      const { rows } = await c.query<{ datname: string }>(
        `select datname from pg_database where datname like $1`,
        [`slotline_%_${process.pid}%`],
      );
      for (const { datname } of rows)
        await c.query(`drop database if exists ${datname} with (force)`);
    });
    await server.stop();
    if (!external) await rm(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function withAdmin<T>(
  url: string,
  run: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
