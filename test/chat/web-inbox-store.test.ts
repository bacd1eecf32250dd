// The database's web inbox store: per-user order, reads after a seq, the per-user cap and pruning.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/chat/chat-types.ts';
import { createWebInboxStore } from '../../src/chat/web-inbox-store.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const T0 = new Date('2026-11-30T08:00:00Z');
const DAY_MS = 24 * 60 * 60_000;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

function dm(text: string): ChatMessage {
  return {
    text,
    buttons: [[{ label: 'Approve', data: 'ap:1', style: 'primary' }]],
    select: null,
    replace: false,
  };
}

const texts = (items: readonly { message: ChatMessage }[]) => items.map((i) => i.message.text);

describe('createWebInboxStore', () => {
  it('numbers each user’s DMs from 1 and reads those after a seq, in order', async () => {
    const store = createWebInboxStore(t.db, () => T0);
    await store.append('u1', dm('a'));
    await store.append('u2', dm('x'));
    await store.append('u1', dm('b'));
    await store.append('u1', dm('c'));
    const all = await store.after('u1', 0, 50);
    expect(all.map((i) => i.seq)).toEqual([1, 2, 3]);
    expect(all[0]?.message).toEqual(dm('a'));
    expect(texts(await store.after('u1', 1, 50))).toEqual(['b', 'c']);
    expect(texts(await store.after('u1', 1, 1))).toEqual(['b']);
    expect(texts(await store.after('u2', 0, 50))).toEqual(['x']);
    expect(await store.after('nobody', 0, 50)).toEqual([]);
  });

  it('gives concurrent writers, as on two instances, distinct seqs with no gaps', async () => {
    const one = createWebInboxStore(t.db, () => T0);
    const two = createWebInboxStore(t.db, () => T0);
    const writes = Array.from({ length: 20 }, (_, i) =>
      (i % 2 === 0 ? one : two).append('busy', dm(`m${i}`)),
    );
    await Promise.all(writes);
    const items = await two.after('busy', 0, 50);
    expect(items.map((i) => i.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(texts(items)).size).toBe(20);
  });

  it('keeps a user’s last 50', async () => {
    const store = createWebInboxStore(t.db, () => T0);
    for (let i = 1; i <= 55; i++) await store.append('chatty', dm(`${i}`));
    const kept = await store.after('chatty', 0, 100);
    expect(kept.map((i) => i.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 6));
  });

  it('prunes DMs older than 7 days on a write, but keeps each user’s newest so seqs go on', async () => {
    let now = T0;
    const store = createWebInboxStore(t.db, () => now);
    await store.append('old', dm('o1'));
    await store.append('old', dm('o2'));
    await store.append('recent', dm('r1'));
    now = new Date(T0.getTime() + 8 * DAY_MS);
    await store.append('recent', dm('r2'));
    expect(texts(await store.after('old', 0, 50))).toEqual(['o2']);
    expect(texts(await store.after('recent', 0, 50))).toEqual(['r2']);
    await store.append('old', dm('o3'));
    expect((await store.after('old', 2, 50)).map((i) => i.seq)).toEqual([3]);
  });
});
