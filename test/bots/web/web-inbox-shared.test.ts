// Web DMs in the database: written on one app instance, read through another's inbox route, kept
// across a restart, in order and once per cursor.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWebChatAdapter } from '../../../bots/web/create-web-chat-adapter.ts';
import type { ChatMessage } from '../../../src/chat/chat-types.ts';
import { createProviderDirectory } from '../../../src/chat/provider-directory.ts';
import { createWebInboxStore } from '../../../src/chat/web-inbox-store.ts';
import { MONDAY_MORNING } from '../../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

type Inbox = { messages: ChatMessage[]; cursor: string };
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const dm = (text: string): ChatMessage => ({ text, buttons: [], select: null, replace: false });

/** One app instance: its own adapter and store over the shared test database. */
function instance() {
  const clock = () => MONDAY_MORNING;
  const adapter = createWebChatAdapter({
    providers: createProviderDirectory(t.db, clock),
    handle: async () => [],
    logger: quiet,
    clock,
    inboxStore: createWebInboxStore(t.db, clock),
  });
  const app = new Hono();
  adapter.mount(app);
  const send = (user: string, text: string) =>
    adapter.messenger.send({ platform: 'web', platformUserId: user, dmAddress: null }, dm(text));
  const read = async (user: string, query = ''): Promise<Inbox> =>
    (await (await app.request(`/webchat/inbox?user=${user}${query}`)).json()) as Inbox;
  return { adapter, send, read };
}

const texts = (inbox: Inbox) => inbox.messages.map((m) => m.text);

describe('web inbox in the database', () => {
  it('delivers a DM written on one instance through another, in order, once per cursor', async () => {
    const a = instance();
    const b = instance();
    const guest = `guest-${randomUUID()}`;
    for (const text of ['one', 'two', 'three']) await a.send(guest, text);
    const first = await b.read(guest);
    expect(texts(first)).toEqual(['one', 'two', 'three']);
    expect(texts(await b.read(guest, `&cursor=${first.cursor}`))).toEqual([]);
    await b.send(guest, 'four');
    expect(texts(await a.read(guest, `&cursor=${first.cursor}`))).toEqual(['four']);
  });

  it('wakes a long poll on one instance when another writes', async () => {
    const a = instance();
    const b = instance();
    const guest = `guest-${randomUUID()}`;
    const cursor = (await b.read(guest)).cursor;
    const started = Date.now();
    const waiting = b.read(guest, `&cursor=${cursor}&wait=20`);
    setTimeout(() => void a.send(guest, 'from a'), 100);
    expect(texts(await waiting)).toEqual(['from a']);
    expect(Date.now() - started).toBeLessThan(5000);
    await a.adapter.stop();
    await b.adapter.stop();
  });

  it('keeps undelivered DMs across a restart, and a cursor from before it', async () => {
    const before = instance();
    const guest = `guest-${randomUUID()}`;
    await before.send(guest, 'seen');
    const cursor = (await before.read(guest)).cursor;
    await before.send(guest, 'waiting');
    await before.adapter.stop();
    const after = instance();
    expect(texts(await after.read(guest, `&cursor=${cursor}`))).toEqual(['waiting']);
    expect(texts(await after.read(guest))).toEqual(['seen', 'waiting']);
  });
});
