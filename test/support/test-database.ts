// Per test file: a fresh database copied from the migrated template, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { withAdmin, withDatabase } from './global-setup.ts';

export type TestDatabase = DatabaseHandle & { readonly url: string };

/**
 * Creates a database of its own for the calling test file and registers its cleanup.
 * Call at module level or in beforeAll.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('testServerUrl');
  const template = inject('templateDatabase');
  const pid = template.split('_').at(-1);
  const name = `slotline_t${randomBytes(5).toString('hex')}_${pid}`;
  await withAdmin(serverUrl, (c) => c.query(`create database ${name} template ${template}`));
  const url = withDatabase(serverUrl, name);
  const handle = openDatabase(url);
  afterAll(async () => {
    await handle.close();
    await withAdmin(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
  });
  return { ...handle, url };
}
