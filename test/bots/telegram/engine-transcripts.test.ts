// The shared transcripts (test/support/transcripts.ts) on Telegram: grammY against the fake Bot
// API, the real engine and database behind it.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createLinkCode } from '../../../src/chat/create-link-code.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import {
  type Shown,
  seedTranscriptCatalog,
  TRANSCRIPTS,
  type TranscriptCatalog,
  type TranscriptPlatform,
  type TranscriptUser,
} from '../../support/transcripts.ts';
import { expectAllCallsAccepted, NOW, person, startEngineHarness } from './engine-harness.ts';
import { converse } from './telegram-conversation.ts';
import type { WebhookHarness } from './telegram-harness.ts';

let t: TestDatabase;
let h: WebhookHarness;
let catalog: TranscriptCatalog;
let nextId = 9_000;

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
  const screen = (): Shown[] =>
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
    screen: async () => screen(),
  };
}

// Telegram tells no time zone: a client with a hint is asked all the same.
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

describe('telegram transcripts', () => {
  it.each(TRANSCRIPTS)('$flow', async ({ run }) => {
    await run(telegram, catalog, t.db);
    expectAllCallsAccepted(h);
  });
});
