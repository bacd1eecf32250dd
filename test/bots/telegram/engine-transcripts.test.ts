// The shared transcripts (test/support/transcripts.ts) on Telegram: grammY against the fake Bot
// API, the real engine and database behind it.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import {
  seedTranscriptCatalog,
  TRANSCRIPTS,
  type TranscriptCatalog,
  type TranscriptPlatform,
} from '../../support/transcripts.ts';
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

describe('telegram transcripts', () => {
  it.each(TRANSCRIPTS)('$flow', async ({ run }) => {
    await run(telegram, catalog, t.db);
    expectAllCallsAccepted(h);
  });
});
