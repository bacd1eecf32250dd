// Joining the waitlist in chat: by words, by the booking flow's "Tell me if a time opens" button,
// before the time zone is known, and /waitlist listing and removing, on a real database.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ChatUser } from '../../src/chat/chat-types.ts';
import { availability } from '../../src/db/schema/availability.ts';
import { clients } from '../../src/db/schema/clients.ts';
import { providers, services } from '../../src/db/schema/providers.ts';
import { waitlistEntries } from '../../src/db/schema/waitlist.ts';
import {
  action,
  allButtons,
  buttonData,
  type ChatHarness,
  chatUser,
  command,
  createChatHarness,
  expectWithinLimits,
  NOW,
  say,
  seedCatalog,
  text,
  textOf,
} from './chat-harness.ts';

let h: ChatHarness;
let cleo: string;
let facial: string;

/** Cleo Park (Berlin) works Fridays 11:00-12:00 only: one Facial a week. */
beforeAll(async () => {
  h = await createChatHarness();
  await seedCatalog(h);
  const db = h.db.db;
  const [p] = await db
    .insert(providers)
    .values({ name: 'Cleo Park', type: 'THERAPIST', timezone: 'Europe/Berlin' })
    .returning();
  if (!p) throw new Error('no provider');
  cleo = p.id;
  const [s] = await db
    .insert(services)
    .values({ providerId: cleo, name: 'Facial', durationMinutes: 60, price: 0, currency: 'EUR' })
    .returning();
  if (!s) throw new Error('no service');
  facial = s.id;
  await db
    .insert(availability)
    .values({ providerId: cleo, dayOfWeek: 4, startTime: '11:00', endTime: '12:00' });
  // Client 1 takes the only Friday slot.
  const first = berliner('wl-1');
  const times = await say(h, first, command('book', 'facial with cleo friday'));
  const summary = await say(h, first, action(buttonData(times, '11:00')));
  expect(textOf(await say(h, first, action(buttonData(summary, 'Confirm'))))).toMatch(/Booked/);
});

/** NOW plus `minutes`: entries made later stand later in line. */
function later(minutes: number): Date {
  return new Date(NOW.getTime() + minutes * 60_000);
}

function berliner(id: string): ChatUser {
  return chatUser(id, `Client ${id}`, { timezone: 'Europe/Berlin' });
}

/** Every reply keeps the limits and ends or offers a way on (a button or a command named). */
function expectWayOn(replies: readonly ChatMessage[]): void {
  expectWithinLimits(replies);
  const last = replies.at(-1);
  expect(last).toBeDefined();
  const onward = (last?.buttons.length ?? 0) > 0 || /\/[a-z]+/.test(last?.text ?? '');
  expect(onward, `no way on in ${JSON.stringify(last?.text)}`).toBe(true);
}

async function entriesOf(user: ChatUser) {
  const rows = await h.db.db
    .select({ entry: waitlistEntries })
    .from(waitlistEntries)
    .innerJoin(clients, eq(clients.id, waitlistEntries.clientId))
    .where(and(eq(clients.name, user.displayName), eq(waitlistEntries.status, 'WAITING')));
  return rows.map((r) => r.entry);
}

describe('joining by words', () => {
  it('names provider and service: joins at once and confirms', async () => {
    const user = berliner('wl-2');
    const replies = await say(
      h,
      user,
      text('tell me if a facial with cleo opens on Friday morning'),
    );
    expectWayOn(replies);
    expect(textOf(replies)).toContain(
      "You're on the waitlist for Facial with Cleo Park on Fri 4 Dec, morning. I'll message you if a time opens; /waitlist shows or removes it.",
    );
    const [entry] = await entriesOf(user);
    expect(entry).toMatchObject({
      providerId: cleo,
      serviceId: facial,
      fromDate: '2026-12-04',
      toDate: '2026-12-04',
      partOfDay: 'MORNING',
      timezone: 'Europe/Berlin',
    });
  });

  it('names nobody: asks who, then which service, with buttons', async () => {
    const user = berliner('wl-3');
    const who = await say(h, user, text('let me know if anything frees up next week'));
    expectWayOn(who);
    expect(textOf(who)).toContain('Who should I watch Mon 7 Dec to Sun 13 Dec for?');
    const what = await say(h, user, action(buttonData(who, 'Anna Weber')));
    expect(textOf(what)).toContain('Which service');
    const done = await say(h, user, action(buttonData(what, 'Massage')));
    expect(textOf(done)).toContain(
      "You're on the waitlist for Massage with Anna Weber on Mon 7 Dec to Sun 13 Dec.",
    );
    // Anna has free times that week: the answer says so, with Book.
    expect(textOf(done)).toContain('There is a free time then right now: send /book to take it.');
    expect(allButtons(done).map((b) => b.label)).toEqual(['Book', 'My waitlist']);
    // The choice is over: its buttons are stale now.
    const again = await say(h, user, action(buttonData(what, 'Check-up')));
    expect(textOf(again)).toContain('That menu has expired');
    expect(await entriesOf(user)).toHaveLength(1);
  });

  it('without a day: shows the list and how to name days', async () => {
    const user = berliner('wl-4');
    const replies = await say(h, user, text('put me on the waitlist'));
    expectWayOn(replies);
    expect(textOf(replies)).toContain('Tell me the days to watch');
    expect(textOf(replies)).toContain("You're not waiting for anything. /book");
  });

  it('asks a new person their time zone first, then joins', async () => {
    const user = chatUser('wl-5', 'Client wl-5');
    const asked = await say(h, user, text('tell me if a facial with cleo opens on friday'));
    expect(textOf(asked)).toMatch(/time zone/i);
    const done = await say(h, user, action(buttonData(asked, /Berlin/)));
    expectWayOn(done);
    expect(textOf(done)).toContain(
      "You're on the waitlist for Facial with Cleo Park on Fri 4 Dec.",
    );
  });

  it('asking twice keeps one entry', async () => {
    const user = berliner('wl-6');
    await say(h, user, command('waitlist', 'facial with cleo friday'));
    await say(h, user, command('waitlist', 'facial with cleo friday'));
    expect(await entriesOf(user)).toHaveLength(1);
  });

  it('refuses past days plainly, with /book', async () => {
    const user = berliner('wl-7');
    const replies = await say(h, user, command('waitlist', 'facial with cleo 2026-11-20'));
    expectWayOn(replies);
    expect(await entriesOf(user)).toHaveLength(0);
  });
});

describe('the booking flow offers to wait', () => {
  it('a full day offers "Tell me if a time opens", which joins for that day', async () => {
    const user = berliner('wl-8');
    const days = await say(h, user, command('book', 'facial with cleo friday morning'));
    expectWayOn(days);
    expect(textOf(days)).toContain('There are no free times on Fri 4 Dec 2026.');
    const done = await say(h, user, action(buttonData(days, 'Tell me if a time opens')));
    expectWayOn(done);
    expect(textOf(done)).toBe(
      "You're on the waitlist for Facial with Cleo Park on Fri 4 Dec, morning. I'll message you if a time opens; /waitlist shows or removes it.",
    );
  });

  it('nothing free in the part of the day asked for: all times, and the button waits for that part', async () => {
    const user = berliner('wl-14');
    const times = await say(h, user, command('book', 'massage with anna tuesday evening'));
    expectWayOn(times);
    expect(textOf(times)).toContain('Nothing is free between 17:00 and 22:00 that day');
    const done = await say(h, user, action(buttonData(times, 'Tell me if a time opens')));
    expect(textOf(done)).toContain(
      "You're on the waitlist for Massage with Anna Weber on Tue 1 Dec, evening.",
    );
  });

  it('words in the middle of a booking wait for its provider and service', async () => {
    const user = berliner('wl-15');
    await say(h, user, command('book', 'massage with anna'));
    const done = await say(h, user, text('tell me if something opens on thursday afternoon'));
    expectWayOn(done);
    expect(textOf(done)).toContain(
      "You're on the waitlist for Massage with Anna Weber on Thu 3 Dec, afternoon.",
    );
  });

  it('a day that has times shows no wait button', async () => {
    const user = berliner('wl-9');
    const times = await say(h, user, command('book', 'massage with anna friday'));
    expect(allButtons(times).map((b) => b.label)).not.toContain('Tell me if a time opens');
  });

  it('a day the provider does not work shows no wait button', async () => {
    const user = berliner('wl-10');
    const days = await say(h, user, command('book', 'facial with cleo thursday'));
    expect(textOf(days)).toContain("doesn't work");
    expect(allButtons(days).map((b) => b.label)).not.toContain('Tell me if a time opens');
  });
});

describe('/waitlist', () => {
  it('lists entries with Remove; removing answers with the rest', async () => {
    const user = berliner('wl-11');
    await say(h, user, command('waitlist', 'facial with cleo friday morning'));
    await say(h, user, command('waitlist', 'massage with anna next week'), later(1));
    const listed = await say(h, user, command('waitlist'));
    expectWayOn(listed);
    expect(textOf(listed)).toBe(
      [
        "You're on the waitlist for:",
        '1. Facial with Cleo Park, Fri 4 Dec, morning',
        '2. Massage with Anna Weber, Mon 7 Dec to Sun 13 Dec',
        "I'll message you when a time opens.",
      ].join('\n'),
    );
    const rest = await say(h, user, action(buttonData(listed, 'Remove 1')));
    expect(textOf(rest)).toContain('Removed: Facial with Cleo Park, Fri 4 Dec, morning.');
    expect(textOf(rest)).toContain('1. Massage with Anna Weber, Mon 7 Dec to Sun 13 Dec');
    const last = await say(h, user, action(buttonData(rest, 'Remove 1')));
    expect(textOf(last)).toBe(
      "Removed: Massage with Anna Weber, Mon 7 Dec to Sun 13 Dec.\nYou're not waiting for anything. /book",
    );
    expectWayOn(last);
    // The first list's buttons belong to a list shown before: stale, a fresh menu.
    const stale = await say(h, user, action(buttonData(listed, 'Remove 2')));
    expect(textOf(stale)).toContain('That menu has expired');
    const rows = await h.db.db.select().from(waitlistEntries);
    expect(rows.filter((r) => r.status === 'REMOVED')).toHaveLength(2);
  });

  it('a double press on Remove says it was already off the list', async () => {
    const user = berliner('wl-12');
    await say(h, user, command('waitlist', 'facial with cleo friday'));
    await say(h, user, command('waitlist', 'massage with anna friday'), later(1));
    const listed = await say(h, user, command('waitlist'), later(2));
    const data = buttonData(listed, 'Remove 1');
    const first = (await entriesOf(user)).find((e) => e.serviceId === facial);
    if (!first) throw new Error('no entry');
    // Left elsewhere meanwhile (another chat): the press finds it gone.
    await h.db.db
      .update(waitlistEntries)
      .set({ status: 'REMOVED' })
      .where(eq(waitlistEntries.id, first.id));
    const replies = await say(h, user, action(data));
    expect(textOf(replies)).toContain('That one was already off the list.');
    expectWayOn(replies);
  });

  it('is listed in /help', async () => {
    const help = await say(h, berliner('wl-13'), command('help'));
    expect(textOf(help)).toContain('/waitlist');
  });
});

describe('choosing who to wait for, with many providers', () => {
  it('shows four providers and Cancel within the limits, and names the way to others', async () => {
    for (const name of ['Dora Lind', 'Eve Moss']) {
      const [p] = await h.db.db
        .insert(providers)
        .values({ name, type: 'TRAINER', timezone: 'Europe/Berlin' })
        .returning();
      if (!p) throw new Error('no provider');
      await h.db.db
        .insert(services)
        .values({ providerId: p.id, name: 'Yoga', durationMinutes: 60, price: 0, currency: 'EUR' });
    }
    const user = berliner('wl-16');
    const who = await say(h, user, text('let me know if anything opens on friday'));
    expectWayOn(who);
    expect(allButtons(who).map((b) => b.label)).toEqual([
      'Anna Weber',
      'Bob Stone',
      'Cleo Park',
      'Dora Lind',
      'Cancel',
    ]);
    expect(textOf(who)).toContain('Someone else? Name them');
    const cancelled = await say(h, user, action(buttonData(who, 'Cancel')));
    expectWayOn(cancelled);
    expect(textOf(cancelled)).toContain('OK, not waiting for anything new.');
    expect(await entriesOf(user)).toHaveLength(0);
  });
});
