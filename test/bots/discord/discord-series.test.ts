// Weekly series on Discord (test/bots/series-walks.ts): discord.js against the fake REST API and
// gateway, the real engine and database behind it; slash commands and buttons are interactions
// in the user's DM, plain words DM messages. Discord tells no time zone, so every client is asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import {
  seedTranscriptCatalog,
  type TranscriptCatalog,
  type TranscriptPlatform,
} from '../../support/transcripts.ts';
import { SERIES_WALKS } from '../series-walks.ts';
import type { Harness } from './discord-harness.ts';
import { startDiscordTranscripts } from './discord-transcript-user.ts';

let t: TestDatabase;
let harness: Harness;
let catalog: TranscriptCatalog;
let discord: TranscriptPlatform;

beforeAll(async () => {
  t = await createTestDatabase();
  catalog = await seedTranscriptCatalog(t.db);
  ({ harness, platform: discord } = await startDiscordTranscripts(t.db));
});
afterAll(() => harness.close());

describe('weekly series on Discord', () => {
  it.each(SERIES_WALKS)('$flow', async ({ run }) => {
    await run(discord, catalog, t.db);
    expect(harness.entries.filter((entry) => entry.level === 'error')).toEqual([]);
  });
});
