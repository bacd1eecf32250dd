// A database of its own for one bench, on the bench's PostgreSQL server, so benches do not share tables or job queues.
import pg from 'pg';

/** `url` with its database replaced by `database`. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Runs one statement on the server at `url` (CREATE DATABASE cannot run in a transaction). */
export async function runAdminStatement(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates `slotline_<label>_<pid>` on the server at `serverUrl`; resolves its URL (not migrated). */
export async function createBenchDatabase(serverUrl: string, label: string): Promise<string> {
  const name = `slotline_${label}_${process.pid}`;
  await runAdminStatement(serverUrl, `drop database if exists ${name}`);
  await runAdminStatement(serverUrl, `create database ${name}`);
  return withDatabase(serverUrl, name);
}
