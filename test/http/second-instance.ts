// A second app instance on the harness's database: its own app and its own pool, as a second server would have.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { openDatabase } from '../../src/db/database.ts';
import { createApp } from '../../src/http/create-app.ts';
import { type Harness, NOW, TOKEN } from './app-harness.ts';

/** Opens a second instance beside `h` (same token, clock and database); `close` ends its pool. */
export function openSecondInstance(h: Harness): { app: OpenAPIHono; close: () => Promise<void> } {
  const other = openDatabase(h.db.url);
  const quiet = { info: () => {}, warn: () => {}, error: () => {} };
  const app = createApp({
    db: other.db,
    adminToken: TOKEN,
    clock: () => NOW,
    noShowLockoutDays: 30,
    logger: quiet,
    relayChanges: async () => {},
  });
  return { app, close: () => other.close() };
}
