// Weekly series on Telegram (test/bots/series-walks.ts): grammY against the fake Bot API, the real
// engine and database behind it. Telegram tells no time zone, so every client is asked.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import {
  seedTranscriptCatalog,
  type TranscriptCatalog,
  type TranscriptPlatform,
} from '../../support/transcripts.ts';
import { SERIES_WALKS } from '../series-walks.ts';
import { expectAllCallsAccepted, startEngineHarness } from './engine-harness.ts';
import type { WebhookHarness } from './telegram-harness.ts';
import { telegramTranscripts } from './telegram-transcript-user.ts';

let t: TestDatabase;
let h: WebhookHarness;
let catalog: TranscriptCatalog;
let telegram: TranscriptPlatform;

beforeAll(async () => {
  t = await createTestDatabase();
  catalog = await seedTranscriptCatalog(t.db);
  h = await startEngineHarness(t.db);
  telegram = telegramTranscripts(h, t.db);
});
afterAll(() => h.close());

describe('weekly series on Telegram', () => {
  it.each(SERIES_WALKS)('$flow', async ({ run }) => {
    await run(telegram, catalog, t.db);
    expectAllCallsAccepted(h);
  });
});
