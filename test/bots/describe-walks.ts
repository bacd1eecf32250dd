// Runs transcript or series walks on one adapter: a database of its own, the catalog, the adapter.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import {
  seedTranscriptCatalog,
  type TRANSCRIPTS,
  type TranscriptCatalog,
  type TranscriptPlatform,
} from '../support/transcripts.ts';

/** An adapter started for the walks: its platform, a check after each walk, and its shutdown. */
export type WalkedAdapter = {
  readonly platform: TranscriptPlatform;
  /** Fails the walk when the adapter saw a fault (an error logged, a call refused). */
  afterWalk(): void;
  close(): Promise<void> | void;
};

/** Walks `walks` under `title` on the adapter `start` builds over the file's database. */
export function describeWalks(
  title: string,
  walks: typeof TRANSCRIPTS,
  start: (db: Database) => Promise<WalkedAdapter>,
): void {
  let t: TestDatabase;
  let catalog: TranscriptCatalog;
  let adapter: WalkedAdapter;

  beforeAll(async () => {
    t = await createTestDatabase();
    catalog = await seedTranscriptCatalog(t.db);
    adapter = await start(t.db);
  });
  afterAll(() => adapter.close());

  describe(title, () => {
    it.each(walks)('$flow', async ({ run }) => {
      await run(adapter.platform, catalog, t.db);
      adapter.afterWalk();
    });
  });
}
