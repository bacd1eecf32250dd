// /mybookings: the list, cancelling with the refund consequence stated first, and rescheduling.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ChatUser } from '../../src/chat/chat-types.ts';
import { createLinkCode } from '../../src/chat/create-link-code.ts';
import { appointments } from '../../src/db/schema/appointments.ts';
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
  NOW,
  say,
  seedCatalog,
  textOf,
} from './chat-harness.ts';

let h: ChatHarness;
let c: Catalog;
const annaChat = chatUser('77', 'Anna W.', { timezone: 'Europe/Berlin' });

beforeAll(async () => {
  h = await createChatHarness();
  c = await seedCatalog(h);
  const code = await createLinkCode(h.db.db, c.anna, NOW);
  if (!code.ok) throw new Error('no code');
  await say(h, annaChat, command('link', code.value.code));
});

/** Books `service` with Anna for a Berlin client by words, at the first time of `day`. */
async function book(user: ChatUser, words: string, time: string): Promise<void> {
  const times = await say(h, user, command('book', words));
  const summary = await say(h, user, action(buttonData(times, time)));
  const booked = await say(h, user, action(buttonData(summary, 'Confirm')));
  expect(textOf(booked)).toMatch(/Booked|Requested/);
}

async function startOf(id: string) {
  const [row] = await h.db.db.select().from(appointments).where(eq(appointments.id, id));
  return row;
}

function berliner(id: string): ChatUser {
  return chatUser(id, `Client ${id}`, { timezone: 'Europe/Berlin' });
}

async function list(user: ChatUser): Promise<ChatMessage[]> {
  const replies = await say(h, user, command('mybookings'));
  expectWithinLimits(replies);
  return replies;
}

describe('/mybookings', () => {
  it('says so when there is nothing upcoming', async () => {
    const empty = await list(berliner('400'));
    expect(textOf(empty)).toContain('You have no upcoming appointments');
    // The way on is a button too, not only the words.
    expect(empty.flatMap((m) => m.buttons.flat()).map((b) => [b.label, b.data])).toEqual([
      ['Book', 'do:book'],
    ]);
  });

  it('lists upcoming bookings with Reschedule and Cancel, four to a page', async () => {
    const user = berliner('401');
    for (const [day, time] of [
      ['tuesday', '09:00'],
      ['tuesday', '11:00'],
      ['wednesday', '09:00'],
      ['wednesday', '11:00'],
      ['thursday', '09:00'],
    ] as const) {
      await book(user, `massage with anna ${day}`, time);
    }
    const first = await list(user);
    expect(first[0]?.text).toContain('1. Tue 1 Dec, 09:00: Massage with Anna Weber (confirmed)');
    expect(first[0]?.text).not.toContain('5.');
    expect(allButtons(first).map((b) => b.label)).toEqual([
      'Reschedule 1',
      'Cancel 1',
      'Reschedule 2',
      'Cancel 2',
      'Reschedule 3',
      'Cancel 3',
      'Reschedule 4',
      'Cancel 4',
      'Next ›',
    ]);
    const second = await say(h, user, action(buttonData(first, 'Next ›')));
    expect(second[0]?.text).toContain('5. Thu 3 Dec, 09:00');
    expect(allButtons(second).map((b) => b.label)).toEqual([
      'Reschedule 5',
      'Cancel 5',
      '‹ Previous',
    ]);
  });
});

describe('cancelling', () => {
  it('says nothing about money for a cancellation in time, cancels on yes and tells the provider', async () => {
    const user = berliner('410');
    await book(user, 'massage with anna friday', '10:00');
    h.messenger.take('77');
    const listed = await list(user);
    const ask = await say(h, user, action(buttonData(listed, 'Cancel 1')));
    expect(ask[0]?.replace).toBe(true);
    expect(ask[0]?.text).toContain('Cancel Massage with Anna Weber?');
    // Nothing was charged (no payments yet) and nothing is owed: no refund words.
    expect(ask[0]?.text).not.toMatch(/refund|€/i);
    const done = await say(h, user, action(buttonData(ask, 'Yes, cancel it')));
    expect(done[0]?.text).toContain('Cancelled: Massage with Anna Weber');
    expect(done[0]?.text).not.toMatch(/refund|€/i);
    const [row] = await h.db.db
      .select()
      .from(appointments)
      .where(eq(appointments.startTime, new Date('2026-12-04T09:00:00Z')));
    expect(row).toMatchObject({
      status: 'CANCELLED',
      cancelledBy: 'CLIENT',
      refundStatus: 'REFUND_DUE',
    });
    const dm = h.messenger.take('77');
    expect(dm).toHaveLength(1);
    expect(dm[0]?.text).toContain('Client 410 cancelled Massage');
  });

  it('warns that a late cancellation leaves the price due, and Keep it keeps it', async () => {
    const user = berliner('411');
    await book(user, 'massage with anna today', '15:00');
    const listed = await list(user);
    const ask = await say(h, user, action(buttonData(listed, 'Cancel 1')));
    expect(ask[0]?.text).toContain(
      'It is less than 24 hours before the start, so the €50.00 is still due.',
    );
    const kept = await say(h, user, action(buttonData(ask, 'Keep it')));
    expect(kept[0]?.text).toContain('Kept: nothing changed.');
    expect(kept[0]?.text).toContain('Mon 30 Nov, 15:00');
    const late = await say(h, user, action(buttonData(kept, 'Cancel 1')));
    const done = await say(h, user, action(buttonData(late, 'Yes, cancel it')));
    expect(done[0]?.text).toContain(
      'The €50.00 is still due (cancelled less than 24 hours before the start).',
    );
  });

  it('explains, instead of cancelling, when the appointment has started meanwhile', async () => {
    const user = berliner('412');
    await book(user, 'massage with anna today', '16:00');
    const beforeStart = new Date('2026-11-30T14:50:00Z');
    const listed = await say(h, user, command('mybookings'), beforeStart);
    const ask = await say(h, user, action(buttonData(listed, 'Cancel 1')), beforeStart);
    const afterStart = new Date('2026-11-30T15:05:00Z');
    const replies = await say(h, user, action(buttonData(ask, 'Yes, cancel it')), afterStart);
    expect(replies[0]?.text).toContain(
      'Nothing changed: the appointment has already started, so it can no longer be cancelled.',
    );
    const [row] = await h.db.db
      .select()
      .from(appointments)
      .where(eq(appointments.startTime, new Date('2026-11-30T15:00:00Z')));
    expect(row?.status).toBe('CONFIRMED');
  });
});

describe('rescheduling', () => {
  it('walks day, time and confirm, moves the appointment and tells the provider', async () => {
    const user = berliner('420');
    await book(user, 'massage with anna on dec 8', '09:00');
    h.messenger.take('77');
    const listed = await list(user);
    const days = await say(h, user, action(buttonData(listed, 'Reschedule 1')));
    expect(days[0]?.text).toContain('Currently Tue 8 Dec 2026, 09:00–10:00');
    expect(days[0]?.text).toContain('Pick a new day for Massage with Anna Weber');
    const times = await say(h, user, action(buttonData(days, 'Wed 9 Dec')));
    const summary = await say(h, user, action(buttonData(times, '14:00')));
    expect(summary[0]?.text).toContain('Move Massage with Anna Weber');
    expect(summary[0]?.text).toContain('from Tue 8 Dec 2026, 09:00–10:00');
    expect(summary[0]?.text).toContain('to Wed 9 Dec 2026, 14:00–15:00');
    const moved = await say(h, user, action(buttonData(summary, 'Confirm')));
    expect(moved[0]?.text).toContain('Moved: Massage with Anna Weber');
    const rows = await h.db.db
      .select()
      .from(appointments)
      .where(eq(appointments.startTime, new Date('2026-12-09T13:00:00Z')));
    expect(rows).toHaveLength(1);
    expect((await startOf(rows[0]?.id ?? ''))?.status).toBe('CONFIRMED');
    const dm = h.messenger.take('77');
    expect(dm[0]?.text).toContain('Client 420 moved Massage from Tue 8 Dec 2026, 09:00–10:00');
    expect(dm[0]?.text).toContain('Wed 9 Dec 2026, 14:00–15:00 (Berlin time)');
  });

  it('asks a pending booking moved to a new time for approval again', async () => {
    const user = berliner('421');
    await book(user, 'check-up with anna on dec 10', '09:00');
    h.messenger.take('77');
    const listed = await list(user);
    const days = await say(h, user, action(buttonData(listed, 'Reschedule 1')));
    const times = await say(h, user, action(buttonData(days, 'Fri 11 Dec')));
    const summary = await say(h, user, action(buttonData(times, '09:30')));
    const moved = await say(h, user, action(buttonData(summary, 'Confirm')));
    expect(moved[0]?.text).toContain('still waiting for approval');
    const dm = h.messenger.take('77');
    expect(dm[0]?.text).toContain('moved Check-up');
    expect(allButtons(dm).map((b) => b.label)).toEqual(['Approve', 'Decline']);
  });

  it('gives fresh times when the new time was taken meanwhile', async () => {
    const user = berliner('422');
    const rival = berliner('423');
    await book(user, 'massage with anna on dec 14', '09:00');
    const listed = await list(user);
    const days = await say(h, user, action(buttonData(listed, 'Reschedule 1')));
    const times = await say(h, user, action(buttonData(days, 'Thu 10 Dec')));
    const summary = await say(h, user, action(buttonData(times, '10:00')));
    await book(rival, 'massage with anna on dec 10', '10:00');
    const replies = await say(h, user, action(buttonData(summary, 'Confirm')));
    expect(replies[0]?.text).toContain('Someone was faster');
    expect(allButtons(replies).map((b) => b.label)).not.toContain('10:00');
    expect(allButtons(replies).map((b) => b.label)).toContain('11:00');
  });
});
