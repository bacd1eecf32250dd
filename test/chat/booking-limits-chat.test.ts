// Booking limits in chat: a full day is refused with its reason and other days, is not offered, and a client at their limit is told why.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ChatUser } from '../../src/chat/chat-types.ts';
import { providers, services } from '../../src/db/schema/providers.ts';
import {
  action,
  allButtons,
  buttonData,
  type Catalog,
  type ChatHarness,
  chatUser,
  command,
  createChatHarness,
  expectWithinLimits,
  say,
  seedCatalog,
  text,
  textOf,
} from './chat-harness.ts';

let h: ChatHarness;
let c: Catalog;

beforeAll(async () => {
  h = await createChatHarness();
  c = await seedCatalog(h);
  await h.db.db.update(services).set({ maxBookingsPerDay: 1 }).where(eq(services.id, c.massage));
});

function londoner(id: string): ChatUser {
  return chatUser(id, `Client ${id}`, { timezone: 'Europe/London' });
}

/** /book, Anna, Massage, the day, the time: up to the summary with Confirm. */
async function walkToConfirm(user: ChatUser, day: string, time: string): Promise<ChatMessage[]> {
  let replies = await say(h, user, command('book'));
  for (const label of ['Anna Weber', 'Massage', day, time]) {
    replies = await say(h, user, action(buttonData(replies, label)));
    expectWithinLimits(replies);
  }
  expect(textOf(replies)).toContain('Please confirm');
  return replies;
}

describe('a service limit of one booking a day', () => {
  it('the second confirmation that day is refused with the reason and the other days as buttons', async () => {
    const a = londoner('500');
    const b = londoner('501');
    const summaryA = await walkToConfirm(a, 'Tue 1 Dec', '09:00 (10:00 Berlin time)');
    const summaryB = await walkToConfirm(b, 'Tue 1 Dec', '11:00 (12:00 Berlin time)');
    expect(textOf(await say(h, a, action(buttonData(summaryA, 'Confirm'))))).toContain('Booked');
    const refused = await say(h, b, action(buttonData(summaryB, 'Confirm')));
    expect(refused[0]?.text).toContain(
      'This service takes at most 1 booking a day, and Tue 1 Dec 2026 is full. Pick another day:',
    );
    const days = allButtons(refused).map((button) => button.label);
    expect(days).toContain('Wed 2 Dec');
    expect(days).not.toContain('Tue 1 Dec');
    expectWithinLimits(refused);
  });

  it('a full day is not offered to the next client', async () => {
    const user = londoner('502');
    let replies = await say(h, user, command('book'));
    replies = await say(h, user, action(buttonData(replies, 'Anna Weber')));
    replies = await say(h, user, action(buttonData(replies, 'Massage')));
    const days = allButtons(replies).map((button) => button.label);
    expect(days).toContain('Wed 2 Dec');
    expect(days).not.toContain('Tue 1 Dec');
  });

  it('typed words asking for the full day say why it is full and offer other days', async () => {
    const user = londoner('503');
    const replies = await say(h, user, text('book a massage with anna on tuesday'));
    expect(textOf(replies)).toContain(
      'This service takes at most 1 booking a day, and Tue 1 Dec 2026 is full.',
    );
    expect(allButtons(replies).map((button) => button.label)).toContain('Wed 2 Dec');
  });
});

describe("a provider's per-client limit", () => {
  it('a client at the limit is told why, with /mybookings as the way on', async () => {
    await h.db.db
      .update(providers)
      .set({ maxActiveBookingsPerClient: 1 })
      .where(eq(providers.id, c.anna));
    const user = londoner('510');
    const summary = await walkToConfirm(user, 'Thu 3 Dec', '09:00 (10:00 Berlin time)');
    expect(textOf(await say(h, user, action(buttonData(summary, 'Confirm'))))).toContain('Booked');
    let replies = await say(h, user, command('book'));
    replies = await say(h, user, action(buttonData(replies, 'Anna Weber')));
    replies = await say(h, user, action(buttonData(replies, 'Massage')));
    expect(textOf(replies)).toContain(
      'You already have 1 upcoming booking with this provider, the most allowed. ' +
        'Send /mybookings to see them or cancel one, then book again.',
    );
    // Another provider is not limited by it.
    replies = await say(h, user, command('book'));
    replies = await say(h, user, action(buttonData(replies, 'Bob Stone')));
    expect(allButtons(replies).length).toBeGreaterThan(0);
  });
});
