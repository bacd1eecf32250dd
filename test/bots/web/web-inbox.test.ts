// The inbox over the in-memory store: cursors acknowledge, long polls wake on a push, limits bound memory.
import { describe, expect, it } from 'vitest';
import { createMemoryInboxStore } from '../../../bots/web/memory-inbox-store.ts';
import { createWebInbox, isInboxCursor, memoryBackend } from '../../../bots/web/web-inbox.ts';
import type { ChatMessage } from '../../../src/chat/chat-types.ts';

function message(text: string): ChatMessage {
  return { text, buttons: [], select: null, replace: false };
}

const texts = (page: { items: readonly { message: ChatMessage }[] }) =>
  page.items.map((item) => item.message.text);

describe('createWebInbox', () => {
  it('keeps items per user and returns only those after the cursor', async () => {
    const inbox = createWebInbox();
    inbox.push('a', message('a1'));
    inbox.push('b', message('b1'));
    inbox.push('a', message('a2'));
    const first = await inbox.read('a', null, 0);
    expect(texts(first)).toEqual(['a1', 'a2']);
    expect(isInboxCursor(first.cursor)).toBe(true);
    expect(texts(await inbox.read('a', first.cursor, 0))).toEqual([]);
    inbox.push('a', message('a3'));
    expect(texts(await inbox.read('a', first.cursor, 0))).toEqual(['a3']);
    // Reading does not consume: an abandoned poll loses nothing.
    expect(texts(await inbox.read('a', null, 0))).toEqual(['a1', 'a2', 'a3']);
    expect(texts(await inbox.read('b', null, 0))).toEqual(['b1']);
  });

  it('keeps the cursor where it was when nothing arrived', async () => {
    const inbox = createWebInbox();
    inbox.push('a', message('a1'));
    const first = await inbox.read('a', null, 0);
    const empty = await inbox.read('a', first.cursor, 0);
    expect(empty.cursor).toBe(first.cursor);
    const none = await inbox.read('nobody', null, 0);
    expect(none.items).toEqual([]);
  });

  it('reads a cursor from another inbox (a restarted server) as the start', async () => {
    const old = createWebInbox();
    old.push('a', message('old'));
    const stale = (await old.read('a', null, 0)).cursor;
    const inbox = createWebInbox();
    inbox.push('a', message('new'));
    expect(texts(await inbox.read('a', stale, 0))).toEqual(['new']);
  });

  it('wakes a waiting read when a message for that user arrives', async () => {
    const inbox = createWebInbox();
    const started = Date.now();
    const pending = inbox.read('a', null, 10_000);
    inbox.push('b', message('other'));
    setTimeout(() => inbox.push('a', message('hello')), 20);
    expect(texts(await pending)).toEqual(['hello']);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('ends a wait at its timeout, on abort and on close', async () => {
    const inbox = createWebInbox();
    expect(texts(await inbox.read('a', null, 30))).toEqual([]);
    const controller = new AbortController();
    const aborted = inbox.read('a', null, 60_000, controller.signal);
    controller.abort();
    expect(texts(await aborted)).toEqual([]);
    const closed = inbox.read('a', null, 60_000);
    inbox.close();
    expect(texts(await closed)).toEqual([]);
  });

  it('drops the oldest items and the least recently written users beyond its limits', async () => {
    const inbox = createWebInbox(
      memoryBackend(createMemoryInboxStore({ maxPerUser: 2, maxUsers: 2 })),
    );
    for (const text of ['1', '2', '3']) inbox.push('a', message(text));
    expect(texts(await inbox.read('a', null, 0))).toEqual(['2', '3']);
    inbox.push('b', message('b'));
    inbox.push('a', message('4'));
    inbox.push('c', message('c'));
    expect(texts(await inbox.read('b', null, 0))).toEqual([]);
    expect(texts(await inbox.read('a', null, 0))).toEqual(['3', '4']);
    expect(texts(await inbox.read('c', null, 0))).toEqual(['c']);
  });
});

describe('isInboxCursor', () => {
  it('accepts only the epoch.seq shape', () => {
    expect(isInboxCursor('0123456789abcdef.12')).toBe(true);
    expect(isInboxCursor('db.12')).toBe(true);
    for (const bad of [
      '',
      '12',
      'zzzzzzzzzzzzzzzz.1',
      '0123456789abcdef.',
      '0123456789abcdef.-1',
    ]) {
      expect(isInboxCursor(bad)).toBe(false);
    }
  });
});
