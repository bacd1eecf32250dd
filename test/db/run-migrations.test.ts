// Migrations: safe when several instances start at once, idempotent, and a clear fault otherwise.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { MigrationError, runMigrations } from '../../src/db/run-migrations.ts';
import { withAdmin, withDatabase } from '../support/global-setup.ts';

const server = inject('testServerUrl');
const name = `slotline_m${randomBytes(4).toString('hex')}_${inject('templateDatabase').split('_').at(-1)}`;

afterAll(async () => {
  await withAdmin(server, (c) => c.query(`drop database if exists ${name} with (force)`));
});

describe('runMigrations', () => {
  it('brings an empty database up to date when five instances start together', async () => {
    await withAdmin(server, (c) => c.query(`create database ${name}`));
    const url = withDatabase(server, name);
    await Promise.all(Array.from({ length: 5 }, () => runMigrations(url)));
    await runMigrations(url);
    const tables = await withAdmin(url, async (c) => {
      const { rows } = await c.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = 'public' order by 1`,
      );
      return rows.map((r) => r.table_name);
    });
    expect(tables).toEqual([
      'appointment_events',
      'appointment_series',
      'appointments',
      'availability',
      'availability_overrides',
      'calendar_syncs',
      'chat_conversations',
      'chat_identities',
      'chat_processed_updates',
      'clients',
      'idempotency_keys',
      'outbox_cursor',
      'payment_webhook_events',
      'payments',
      'provider_link_codes',
      'providers',
      'refunds',
      'sent_requests',
      'services',
      'used_oauth_states',
      'waitlist_entries',
      'waitlist_offers',
      'web_inbox_messages',
    ]);
    const applied = await withAdmin(url, (c) =>
      c.query('select count(*)::int as n from drizzle.__drizzle_migrations'),
    );
    // Counted from the journal, so adding a migration does not mean editing this test.
    const journal = new URL('../../migrations/meta/_journal.json', import.meta.url);
    const { entries } = JSON.parse(await readFile(journal, 'utf8')) as { entries: unknown[] };
    expect(applied.rows[0]?.n).toBe(entries.length);
  });

  it('throws MigrationError with the cause when the server cannot be reached', async () => {
    const error = await runMigrations('postgres://nobody@127.0.0.1:1/none').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).cause).toBeDefined();
  });
});
