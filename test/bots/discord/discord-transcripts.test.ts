// The shared transcripts (test/support/transcripts.ts) on Discord: discord.js against the fake
// REST API and gateway, the real engine and database behind it. Slash commands are interactions
// in the user's DM with the bot; plain words are DM messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import {
  seedTranscriptCatalog,
  TRANSCRIPTS,
  type TranscriptCatalog,
  type TranscriptPlatform,
} from '../../support/transcripts.ts';
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

describe('discord transcripts', () => {
  it.each(TRANSCRIPTS)('$flow', async ({ run }) => {
    await run(discord, catalog, t.db);
    expect(harness.entries.filter((entry) => entry.level === 'error')).toEqual([]);
  });
});
