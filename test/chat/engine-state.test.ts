// Conversation state in PostgreSQL: shared by instances, lapsing after 30 minutes, pruned; and
// faults that throw without losing the platform's retry.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatDeps } from '../../src/chat/chat-deps.ts';
import { handleChatEvent } from '../../src/chat/handle-chat-event.ts';
import { pruneChatState } from '../../src/chat/processed-updates.ts';
import { openDatabase } from '../../src/db/database.ts';
import {
  chatConversations,
  chatIdentities,
  chatProcessedUpdates,
} from '../../src/db/schema/chat.ts';
import {
  action,
  buttonData,
  type ChatHarness,
  chatUser,
  command,
  createChatHarness,
  NOW,
  say,
  seedCatalog,
  textOf,
} from './chat-harness.ts';

let h: ChatHarness;
beforeAll(async () => {
  h = await createChatHarness();
  await seedCatalog(h);
});

describe('conversation state', () => {
  it('continues a flow on another instance (another pool) of the app', async () => {
    const user = chatUser('600', 'Ann', { timezone: 'Europe/Berlin' });
    const start = await say(h, user, command('book'));
    const other = openDatabase(h.db.url, { max: 2 });
    try {
      const deps: ChatDeps = { ...h.deps, db: other.db };
      const next = await handleChatEvent(
        deps,
        { user, input: action(buttonData(start, 'Anna Weber')), updateId: 'other-1' },
        new Date(NOW.getTime() + 60_000),
      );
      expect(textOf(next)).toContain('What would you like to book with Anna Weber?');
    } finally {
      await other.close();
    }
  });

  it('keeps a flow alive while the user is active and lets it lapse after 30 idle minutes', async () => {
    const user = chatUser('601', 'Ben', { timezone: 'Europe/Berlin' });
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
    const start = await say(h, user, command('book'), at(0));
    const services = await say(h, user, action(buttonData(start, 'Anna Weber')), at(25));
    const days = await say(h, user, action(buttonData(services, 'Massage')), at(50));
    expect(textOf(days)).toContain('Which day?');
    const lapsed = await say(h, user, action(buttonData(days, /^Tue/)), at(81));
    expect(textOf(lapsed)).toContain('That menu has expired');
  });

  it('prunes lapsed conversations and old update ids', async () => {
    const later = new Date(NOW.getTime() + 4 * 86_400_000);
    const pruned = await pruneChatState(h.db.db, later);
    expect(pruned.conversations).toBeGreaterThan(0);
    expect(pruned.updates).toBeGreaterThan(0);
    expect(await h.db.db.select().from(chatConversations)).toEqual([]);
    expect(await h.db.db.select().from(chatProcessedUpdates)).toEqual([]);
  });
});

describe('faults', () => {
  it('throws an Error when the database is down', async () => {
    const down = openDatabase('postgres://nobody@127.0.0.1:1/none', { max: 1 });
    try {
      const deps: ChatDeps = { ...h.deps, db: down.db };
      const event = { user: chatUser('602', 'Cy'), input: command('help'), updateId: 'd1' };
      await expect(handleChatEvent(deps, event, NOW)).rejects.toBeInstanceOf(Error);
    } finally {
      await down.close();
    }
  });

  it('gives a claimed update back after a fault, so the retry does the work', async () => {
    const broken = new Proxy(h.db.db, {
      get(target, property, receiver) {
        if (property === 'transaction') return () => Promise.reject(new Error('connection lost'));
        return Reflect.get(target, property, receiver);
      },
    });
    const user = chatUser('U603', 'Dee', { platform: 'slack', timezone: 'Europe/Paris' });
    const event = { user, input: command('book'), updateId: 'slack-evt-1' };
    await expect(handleChatEvent({ ...h.deps, db: broken }, event, NOW)).rejects.toThrow(
      'connection lost',
    );
    const retry = await handleChatEvent(h.deps, event, NOW);
    expect(textOf(retry)).toContain('Who would you like to book?');
    const [identity] = await h.db.db
      .select()
      .from(chatIdentities)
      .where(eq(chatIdentities.platformUserId, 'U603'));
    expect(identity?.clientId).not.toBeNull();
  });
});
