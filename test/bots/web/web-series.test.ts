// Weekly series on the web chat (test/bots/series-walks.ts), through its HTTP routes: POST
// /webchat/events for what a person types or presses, GET /webchat/inbox for DMs; the browser's
// zone is the hint.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWebChatAdapter } from '../../../bots/web/create-web-chat-adapter.ts';
import type { ChatMessage } from '../../../src/chat/chat-types.ts';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { createProviderDirectory } from '../../../src/chat/provider-directory.ts';
import { createRoutingMessenger } from '../../../src/chat/routing-messenger.ts';
import { testChatDeps } from '../../support/deliver-changes.ts';
import { MONDAY_MORNING } from '../../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import {
  type Shown,
  seedTranscriptCatalog,
  type TranscriptCatalog,
  type TranscriptPlatform,
  type TranscriptUser,
} from '../../support/transcripts.ts';
import { SERIES_WALKS } from '../series-walks.ts';

let t: TestDatabase;
let app: Hono;
let catalog: TranscriptCatalog;
const errors: unknown[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  catalog = await seedTranscriptCatalog(t.db);
  const messenger = createRoutingMessenger();
  const logger = { info() {}, warn() {}, error: (fields: unknown) => errors.push(fields) };
  const deps = testChatDeps(t.db, messenger, logger);
  const adapter = createWebChatAdapter({
    providers: createProviderDirectory(t.db, () => MONDAY_MORNING),
    handle: (event) => handleChatEvent(deps, event, MONDAY_MORNING),
    logger,
    clock: () => MONDAY_MORNING,
  });
  messenger.register('web', adapter.messenger);
  app = new Hono();
  adapter.mount(app);
});

const toShown = (m: ChatMessage): Shown => ({
  text: m.text,
  buttons: m.buttons.flat().map((b) => b.label),
});

/** A web persona; `timezone` is what its browser reports (null: none the engine knows). */
function webUser(id: string, name: string, timezone: string | null): TranscriptUser {
  /** Every message this persona was shown, oldest first: answers and DMs. */
  const seen: ChatMessage[] = [];
  let cursor: string | null = null;
  async function catchUp(): Promise<void> {
    const query = new URLSearchParams({ user: id, ...(cursor ? { cursor } : {}) });
    const res = await app.request(`/webchat/inbox?${query}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as { messages: ChatMessage[]; cursor: string };
    seen.push(...page.messages);
    cursor = page.cursor;
  }
  async function send(input: unknown): Promise<Shown[]> {
    await catchUp();
    const res = await app.request('/webchat/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: id, timezone, updateId: randomUUID(), input }),
    });
    expect(res.status).toBe(200);
    const { messages } = (await res.json()) as { messages: ChatMessage[] };
    seen.push(...messages);
    return messages.map(toShown);
  }
  return {
    name,
    say: (text) => send({ kind: 'line', text }),
    async press(label) {
      await catchUp();
      for (const message of [...seen].reverse()) {
        const button = message.buttons.flat().find((b) => label.test(b.label));
        if (button) return send({ kind: 'action', data: button.data, text: null });
      }
      throw new Error(`no button matching ${label} for ${id}`);
    },
    async screen() {
      await catchUp();
      return seen.map(toShown);
    },
  };
}

const web: TranscriptPlatform = {
  // Guests go by "Guest <first id digits>", whatever their name.
  async client(_name, hint) {
    const id = `guest-${randomUUID()}`;
    return webUser(id, `Guest ${id.slice(6, 10)}`, hint ? 'Europe/Berlin' : null);
  },
  // A provider persona is linked on its first use, through /link like a person, and goes by the
  // provider's name.
  async provider(_name, providerId) {
    const row = await createProviderDirectory(t.db, () => MONDAY_MORNING).findActive(providerId);
    if (!row) throw new Error('no provider');
    return webUser(`provider-${providerId}`, row.name, 'Europe/Berlin');
  },
};

describe('weekly series on the web chat', () => {
  it.each(SERIES_WALKS)('$flow', async ({ run }) => {
    await run(web, catalog, t.db);
    expect(errors).toEqual([]);
  });
});
