// The shared transcripts (test/support/transcripts.ts) on the web chat, through its HTTP routes:
// POST /webchat/events for what a person types or presses, GET /webchat/inbox for DMs, with the
// real engine and database behind them.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import {
  seedTranscriptCatalog,
  TRANSCRIPTS,
  type TranscriptCatalog,
  type TranscriptPlatform,
} from '../../support/transcripts.ts';
import { startWebTranscripts } from './web-transcript-user.ts';

let t: TestDatabase;
let catalog: TranscriptCatalog;
let web: TranscriptPlatform;
let errors: unknown[];

beforeAll(async () => {
  t = await createTestDatabase();
  catalog = await seedTranscriptCatalog(t.db);
  ({ platform: web, errors } = startWebTranscripts(t.db));
});

describe('web chat transcripts', () => {
  it.each(TRANSCRIPTS)('$flow', async ({ run }) => {
    await run(web, catalog, t.db);
    expect(errors).toEqual([]);
  });
});
