// Weekly series on the web chat (test/bots/series-walks.ts), through its HTTP routes: POST
// /webchat/events for what a person types or presses, GET /webchat/inbox for DMs; the browser's
// zone is the hint.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import {
  seedTranscriptCatalog,
  type TranscriptCatalog,
  type TranscriptPlatform,
} from '../../support/transcripts.ts';
import { SERIES_WALKS } from '../series-walks.ts';
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

describe('weekly series on the web chat', () => {
  it.each(SERIES_WALKS)('$flow', async ({ run }) => {
    await run(web, catalog, t.db);
    expect(errors).toEqual([]);
  });
});
