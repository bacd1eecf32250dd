// A turn's first round trip: claims the update once, keeps the identity current, reads client and conversation.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { becomeClient } from '../../src/chat/chat-identity.ts';
import type { ChatUser } from '../../src/chat/chat-types.ts';
import { saveConversation } from '../../src/chat/conversation-state.ts';
import { openTurn } from '../../src/chat/open-turn.ts';
import type { Logger } from '../../src/ports/logger.ts';
import { createTestDatabase } from '../support/test-database.ts';

const t = await createTestDatabase();
const now = new Date('2026-11-30T08:00:00Z');
const warnings: string[] = [];
const logger: Logger = { info: () => {}, warn: (_f, m) => warnings.push(m ?? ''), error: () => {} };

function user(over: Partial<ChatUser> = {}): ChatUser {
  return {
    platform: 'telegram',
    platformUserId: randomUUID(),
    displayName: 'Sam',
    timezone: null,
    dmAddress: null,
    ...over,
  };
}

const identities = async (u: ChatUser) =>
  (
    await t.pool.query(
      'select * from chat_identities where platform = $1 and platform_user_id = $2',
      [u.platform, u.platformUserId],
    )
  ).rows;

describe('openTurn', () => {
  it('creates the identity on first contact, with no client and no conversation', async () => {
    const u = user({ dmAddress: 'chat-9' });
    const opened = await openTurn(t.db, u, `${u.platformUserId}:u1`, now, logger);
    expect(opened?.identity).toMatchObject({
      platform: 'telegram',
      platformUserId: u.platformUserId,
      displayName: 'Sam',
      dmAddress: 'chat-9',
      clientId: null,
    });
    expect(opened?.identity.createdAt).toBeInstanceOf(Date);
    expect(opened?.client).toBeNull();
    expect(opened?.state).toBeNull();
  });

  it('returns null for a second delivery of the same update and writes nothing', async () => {
    const u = user();
    expect(await openTurn(t.db, u, `${u.platformUserId}:same`, now, logger)).not.toBeNull();
    const again = await openTurn(
      t.db,
      { ...u, displayName: 'Renamed' },
      `${u.platformUserId}:same`,
      now,
      logger,
    );
    expect(again).toBeNull();
    expect((await identities(u)).map((r) => r.display_name)).toEqual(['Sam']);
  });

  it('follows the platform name, and keeps the DM address when the platform gives none', async () => {
    const u = user({ dmAddress: 'chat-1' });
    await openTurn(t.db, u, `${u.platformUserId}:a`, now, logger);
    const later = await openTurn(
      t.db,
      { ...u, displayName: 'Sam B', dmAddress: null },
      'b',
      now,
      logger,
    );
    expect(later?.identity).toMatchObject({ displayName: 'Sam B', dmAddress: 'chat-1' });
  });

  it("reads the identity's client and the live conversation", async () => {
    const u = user();
    const first = await openTurn(t.db, u, `${u.platformUserId}:a`, now, logger);
    if (!first) throw new Error('not opened');
    const client = await becomeClient(
      t.db,
      first.identity,
      { timezone: 'Europe/Berlin', source: 'user' },
      now,
    );
    const state = { kind: 'timezone', nonce: 'abcd1234', pending: null } as const;
    await saveConversation(t.db, u, state, now);
    const next = await openTurn(
      t.db,
      u,
      `${u.platformUserId}:b`,
      new Date(now.getTime() + 60_000),
      logger,
    );
    expect(next?.client).toEqual(client);
    expect(next?.state).toEqual(state);
  });

  it('drops a lapsed conversation and one of unknown shape, telling the log only of the latter', async () => {
    const u = user();
    await saveConversation(t.db, u, { kind: 'timezone', nonce: 'abcd1234', pending: null }, now);
    const lapsed = await openTurn(
      t.db,
      u,
      `${u.platformUserId}:a`,
      new Date(now.getTime() + 31 * 60_000),
      logger,
    );
    expect(lapsed?.state).toBeNull();
    expect(warnings).toEqual([]);
    await t.pool.query(
      `update chat_conversations set state = '{"kind":"mystery"}' where platform_user_id = $1`,
      [u.platformUserId],
    );
    const unknown = await openTurn(t.db, u, `${u.platformUserId}:b`, now, logger);
    expect(unknown?.state).toBeNull();
    expect(warnings).toEqual(['dropped a conversation state of unknown shape']);
  });

  it('gives 20 simultaneous first messages one identity, and each update one claim', async () => {
    const u = user();
    const ids = Array.from({ length: 20 }, (_, i) => `m${i % 10}`);
    const opened = await Promise.all(
      ids.map((id) => openTurn(t.db, u, `${u.platformUserId}:${id}`, now, logger)),
    );
    expect(opened.filter((o) => o !== null)).toHaveLength(10);
    expect(new Set(opened.map((o) => o?.identity.id).filter(Boolean)).size).toBe(1);
    expect(await identities(u)).toHaveLength(1);
  });
});
