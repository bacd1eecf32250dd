// Weekly series on Slack (test/bots/series-walks.ts): Bolt against the fake Web API, the real
// engine and database behind it; the profile's zone is the hint, an empty one makes the engine ask.
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import {
  seedTranscriptCatalog,
  type TranscriptCatalog,
  type TranscriptPlatform,
} from '../../support/transcripts.ts';
import { SERIES_WALKS } from '../series-walks.ts';
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

describe('weekly series on Slack', () => {
  it.each(SERIES_WALKS)('$flow', async ({ run }) => {
    await run(slack, catalog, t.db);
  });
});
