// Weekly series on Telegram (test/bots/series-walks.ts): grammY against the fake Bot API, the real
// engine and database behind it. Telegram tells no time zone, so every client is asked.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createLinkCode } from '../../../src/chat/create-link-code.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import {
  type Shown,
  seedTranscriptCatalog,
  type TranscriptCatalog,
  type TranscriptPlatform,
  type TranscriptUser,
} from '../../support/transcripts.ts';
import { SERIES_WALKS } from '../series-walks.ts';
import { expectAllCallsAccepted, NOW, person, startEngineHarness } from './engine-harness.ts';
import { converse } from './telegram-conversation.ts';
import type { WebhookHarness } from './telegram-harness.ts';

let t: TestDatabase;
let h: WebhookHarness;
let catalog: TranscriptCatalog;
let nextId = 19_000;

beforeAll(async () => {
  t = await createTestDatabase();
  catalog = await seedTranscriptCatalog(t.db);
  h = await startEngineHarness(t.db);
});
afterAll(() => h.close());

/** A Telegram user; each step answers with the messages it sent or edited. */
function telegramUser(name: string): TranscriptUser {
  nextId += 1;
  const chat = converse(h, person(nextId, name));
  const shown = (): Shown[] =>
    chat.shown().map((m) => ({ text: m.text, buttons: m.buttons.map((b) => b.text) }));
  const answered = async (act: Promise<void>): Promise<Shown[]> => {
    const before = new Map(chat.shown().map((m) => [m.messageId, JSON.stringify(m)]));
    await act;
    return chat
      .shown()
      .filter((m) => before.get(m.messageId) !== JSON.stringify(m))
      .map((m) => ({ text: m.text, buttons: m.buttons.map((b) => b.text) }));
  };
  return {
    name,
    say: (text) => answered(chat.say(text)),
    press: (label) => answered(chat.press(label)),
    screen: async () => shown(),
  };
}

const telegram: TranscriptPlatform = {
  client: async (name) => telegramUser(name),
  async provider(name, providerId) {
    const user = telegramUser(name);
    const code = await createLinkCode(t.db, providerId, NOW);
    if (!code.ok) throw new Error('no link code');
    await user.say(`/link ${code.value.code}`);
    return user;
  },
};

describe('weekly series on Telegram', () => {
  it.each(SERIES_WALKS)('$flow', async ({ run }) => {
    await run(telegram, catalog, t.db);
    expectAllCallsAccepted(h);
  });
});
