// The shared transcripts (test/support/transcripts.ts) on Slack: Bolt against the fake Web API,
// the real engine and database behind it.
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import {
  seedTranscriptCatalog,
  TRANSCRIPTS,
  type TranscriptCatalog,
  type TranscriptPlatform,
} from '../../support/transcripts.ts';
import type { SlackHarness } from './slack-harness.ts';
import { expectSlackClean, startSlackTranscripts } from './slack-transcript-user.ts';

let t: TestDatabase;
let harness: SlackHarness;
let catalog: TranscriptCatalog;
let slack: TranscriptPlatform;

beforeAll(async () => {
  t = await createTestDatabase();
  catalog = await seedTranscriptCatalog(t.db);
  ({ harness, platform: slack } = await startSlackTranscripts(t.db));
});
afterAll(() => harness.close());
afterEach(() => expectSlackClean(harness));

describe('slack transcripts', () => {
  it.each(TRANSCRIPTS)('$flow', async ({ run }) => {
    await run(slack, catalog, t.db);
  });
});
