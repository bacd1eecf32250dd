// /book by buttons and by words, idempotent delivery and confirmation, races, stale buttons and
// every booking failure's way on.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addOverride } from '../../src/catalog/add-override.ts';
import type { ChatMessage, ChatUser } from '../../src/chat/chat-types.ts';
import { createLinkCode } from '../../src/chat/create-link-code.ts';
import { appointments } from '../../src/db/schema/appointments.ts';
import { chatIdentities } from '../../src/db/schema/chat.ts';
import { clients } from '../../src/db/schema/clients.ts';
import { providers } from '../../src/db/schema/providers.ts';
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
  text,
  textOf,
} from './chat-harness.ts';

let h: ChatHarness;
let c: Catalog;
const annaChat = chatUser('U-ANNA', 'Anna Weber', { platform: 'slack', timezone: 'Europe/Berlin' });

beforeAll(async () => {
  h = await createChatHarness();
  c = await seedCatalog(h);
  const code = await createLinkCode(h.db.db, c.anna, NOW);
  if (!code.ok) throw new Error('no code');
  await say(h, annaChat, command('link', code.value.code));
});

/** A client in London (the platform says so), so Anna's Berlin clock shows beside theirs. */
function londoner(id: string, name = `Client ${id}`): ChatUser {
  return chatUser(id, name, { timezone: 'Europe/London' });
}

type Route = { provider?: string; service?: string; day: string; time: string };

/** /book, then the buttons with these labels, up to the confirmation. */
async function walkToConfirm(user: ChatUser, route: Route): Promise<ChatMessage[]> {
  let replies = await say(h, user, command('book'));
  for (const label of [route.provider, route.service, route.day, route.time]) {
    if (label === undefined) continue;
    replies = await say(h, user, action(buttonData(replies, label)));
    expectWithinLimits(replies);
  }
  expect(textOf(replies)).toContain('Please confirm');
  return replies;
}

async function appointmentsOf(user: ChatUser) {
  const [identity] = await h.db.db
    .select()
    .from(chatIdentities)
    .where(eq(chatIdentities.platformUserId, user.platformUserId));
  if (!identity?.clientId) return [];
  return h.db.db.select().from(appointments).where(eq(appointments.clientId, identity.clientId));
}

describe('/book by buttons', () => {
  it('walks provider, service, day, time and confirm, then books and tells the provider', async () => {
    const user = londoner('300', 'Cleo');
    const start = await say(h, user, command('book'));
    expect(start[0]?.text).toContain('Who would you like to book?');
    expect(start[0]?.text).toContain('1. Anna Weber (therapist)');
    expect(start[0]?.replace).toBe(false);

    const services = await say(h, user, action(buttonData(start, 'Anna Weber')));
    expect(services[0]?.replace).toBe(true);
    expect(services[0]?.text).toContain('Massage: 60 min, €50.00');
    expect(services[0]?.text).toContain('Check-up: 30 min, €80.00 (needs approval)');

    const days = await say(h, user, action(buttonData(services, 'Massage')));
    const dayLabels = allButtons(days).map((b) => b.label);
    expect(dayLabels.slice(0, 10)).toEqual([
      'Mon 30 Nov',
      'Tue 1 Dec',
      'Wed 2 Dec',
      'Thu 3 Dec',
      'Fri 4 Dec',
      'Mon 7 Dec',
      'Tue 8 Dec',
      'Wed 9 Dec',
      'Thu 10 Dec',
      'Fri 11 Dec',
    ]);
    expect(dayLabels).toContain('Next ›');

    const times = await say(h, user, action(buttonData(days, 'Tue 1 Dec')));
    expect(times[0]?.text).toContain('Massage with Anna Weber on Tue 1 Dec 2026');
    expect(times[0]?.text).toContain('your time, London');
    const timeLabels = allButtons(times).map((b) => b.label);
    expect(timeLabels).toContain('08:00 (09:00 Berlin time)');
    expect(timeLabels).toContain('15:00 (16:00 Berlin time)');

    const summary = await say(h, user, action(buttonData(times, '13:00 (14:00 Berlin time)')));
    expect(summary[0]?.text).toContain('Massage with Anna Weber');
    expect(summary[0]?.text).toContain('Tue 1 Dec 2026, 13:00–14:00 (your time, London)');
    expect(summary[0]?.text).toContain('Tue 1 Dec 2026, 14:00–15:00 (Berlin time)');
    expect(summary[0]?.text).toContain('€50.00');

    const booked = await say(h, user, action(buttonData(summary, 'Confirm')));
    expect(booked).toHaveLength(1);
    expect(booked[0]?.replace).toBe(true);
    expect(booked[0]?.text).toContain('Booked');
    expect(booked[0]?.text).toContain("It's confirmed");
    const rows = await appointmentsOf(user);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'CONFIRMED',
      startTime: new Date('2026-12-01T13:00:00Z'),
      providerId: c.anna,
      serviceId: c.massage,
    });
    const dm = h.messenger.take('U-ANNA');
    expect(dm).toHaveLength(1);
    expect(dm[0]?.text).toContain('New booking: Cleo booked Massage (€50.00)');
    expect(dm[0]?.text).toContain('Tue 1 Dec 2026, 14:00–15:00 (Berlin time)');
  });

  it('pages providers four at a time with Next and Previous', async () => {
    await h.db.db.insert(providers).values(
      ['Pia', 'Quinn', 'Rosa', 'Sven'].map((name) => ({
        name,
        type: 'CONSULTANT' as const,
        timezone: 'UTC',
      })),
    );
    const user = londoner('301');
    const first = await say(h, user, command('book'));
    expectWithinLimits(first);
    expect(allButtons(first).map((b) => b.label)).toEqual([
      'Anna Weber',
      'Bob Stone',
      'Pia',
      'Quinn',
      'Next ›',
      'Cancel',
    ]);
    const second = await say(h, user, action(buttonData(first, 'Next ›')));
    expect(second[0]?.text).toContain('5. Rosa');
    expect(allButtons(second).map((b) => b.label)).toEqual([
      'Rosa',
      'Sven',
      '‹ Previous',
      'Cancel',
    ]);
    const back = await say(h, user, action(buttonData(second, '‹ Previous')));
    expect(allButtons(back).map((b) => b.label)).toContain('Pia');
    const picked = await say(h, user, action(buttonData(back, 'Quinn')));
    expect(textOf(picked)).toContain('Quinn has nothing to book right now');
    await h.db.db.update(providers).set({ isActive: false }).where(eq(providers.timezone, 'UTC'));
  });

  it('Cancel ends the flow without booking', async () => {
    const user = londoner('302');
    const summary = await walkToConfirm(user, {
      provider: 'Anna Weber',
      service: 'Massage',
      day: 'Thu 3 Dec',
      time: '08:00 (09:00 Berlin time)',
    });
    const cancelled = await say(h, user, action(buttonData(summary, 'Cancel')));
    expect(textOf(cancelled)).toContain('nothing was booked');
    expect(await appointmentsOf(user)).toHaveLength(0);
  });
});

describe('/book with words', () => {
  it('books "massage with anna tomorrow after 3pm" from that day\'s later times', async () => {
    const user = londoner('310');
    const times = await say(h, user, command('book', 'massage with anna tomorrow after 3pm'));
    expect(times[0]?.text).toContain('Massage with Anna Weber on Tue 1 Dec 2026');
    const labels = allButtons(times).map((b) => b.label);
    expect(labels).toEqual(['15:00 (16:00 Berlin time)', 'Other day', 'Cancel']);
    const summary = await say(h, user, action(buttonData(times, '15:00 (16:00 Berlin time)')));
    const booked = await say(h, user, action(buttonData(summary, 'Confirm')));
    expect(textOf(booked)).toContain('Booked');
    expect((await appointmentsOf(user))[0]?.startTime).toEqual(new Date('2026-12-01T15:00:00Z'));
  });

  it('finds the provider through the service and stops at the day the words leave open', async () => {
    const user = londoner('311');
    const days = await say(h, user, command('book', 'check-up'));
    expect(days[0]?.text).toContain('Check-up with Anna Weber. Which day?');
  });

  it('settles a provider with one service, then shows the named day', async () => {
    const user = chatUser('312', 'Ola', { timezone: 'Europe/London' });
    const times = await say(h, user, command('book', 'Bob on friday'));
    expect(times[0]?.text).toContain('Training with Bob Stone on Fri 4 Dec 2026');
    expect(allButtons(times).map((b) => b.label)).toEqual([
      '10:00',
      '11:00',
      'Other day',
      'Cancel',
    ]);
    const summary = await say(h, user, action(buttonData(times, '10:00')));
    expect(summary[0]?.text).toContain('free');
    expect(summary[0]?.text).not.toContain('Berlin');
  });

  it('says when a named day has no times and shows the days that do', async () => {
    const user = londoner('313');
    const days = await say(h, user, command('book', 'massage with anna on saturday'));
    expect(days[0]?.text).toContain("The provider doesn't work on Sat 5 Dec 2026.");
    expect(allButtons(days).map((b) => b.label)).toContain('Mon 7 Dec');
  });

  it('says when nothing matches the words and offers everyone', async () => {
    const user = londoner('314');
    const replies = await say(h, user, command('book', 'xylophone lessons'));
    expect(replies[0]?.text).toContain(
      'I found no provider or service matching "xylophone lessons"',
    );
    expect(replies[0]?.text).toContain('Who would you like to book?');
  });
});

describe('idempotency', () => {
  it('acts once on a redelivered update and answers the retry with nothing', async () => {
    const user = londoner('320');
    const summary = await walkToConfirm(user, {
      provider: 'Anna Weber',
      service: 'Massage',
      day: 'Wed 2 Dec',
      time: '08:00 (09:00 Berlin time)',
    });
    const confirm = action(buttonData(summary, 'Confirm'));
    const first = await say(h, user, confirm, NOW, 'telegram-update-77');
    expect(textOf(first)).toContain('Booked');
    const retry = await say(h, user, confirm, NOW, 'telegram-update-77');
    expect(retry).toEqual([]);
    expect(await appointmentsOf(user)).toHaveLength(1);
  });

  it('books once when two different updates confirm the same summary at once', async () => {
    const user = londoner('321');
    const summary = await walkToConfirm(user, {
      provider: 'Anna Weber',
      service: 'Massage',
      day: 'Wed 2 Dec',
      time: '09:00 (10:00 Berlin time)',
    });
    h.messenger.take('U-ANNA');
    const confirm = action(buttonData(summary, 'Confirm'));
    const [a, b] = await Promise.all([say(h, user, confirm), say(h, user, confirm)]);
    expect(textOf(a)).toContain('Booked');
    expect(textOf(b)).toContain('Booked');
    expect(await appointmentsOf(user)).toHaveLength(1);
    expect(h.messenger.take('U-ANNA')).toHaveLength(1);
    // A third press later shows the booking again instead of a stale-menu reply.
    const again = await say(h, user, confirm);
    expect(textOf(again)).toContain('Booked');
  });
});

describe('races and failures', () => {
  it('SLOT_TAKEN: of two clients confirming one time, one wins and the other gets fresh times', async () => {
    const route = {
      provider: 'Anna Weber',
      service: 'Massage',
      day: 'Thu 3 Dec',
      time: '12:00 (13:00 Berlin time)',
    };
    const a = londoner('330');
    const b = londoner('331');
    const summaryA = await walkToConfirm(a, route);
    const summaryB = await walkToConfirm(b, route);
    const [ra, rb] = await Promise.all([
      say(h, a, action(buttonData(summaryA, 'Confirm'))),
      say(h, b, action(buttonData(summaryB, 'Confirm'))),
    ]);
    const winner = textOf(ra).includes('Booked') ? ra : rb;
    const loser = winner === ra ? rb : ra;
    expect(textOf(winner)).toContain('Booked');
    expect(loser[0]?.text).toContain('Someone was faster');
    expect(loser[0]?.text).toContain('Thu 3 Dec 2026');
    const fresh = allButtons(loser).map((b) => b.label);
    expect(fresh).toContain('11:00 (12:00 Berlin time)');
    expect(fresh).not.toContain('12:00 (13:00 Berlin time)');
    const taken = await h.db.db
      .select()
      .from(appointments)
      .where(eq(appointments.startTime, new Date('2026-12-03T12:00:00Z')));
    expect(taken).toHaveLength(1);
    // The loser picks another time in the same flow and books it.
    const loserUser = loser === ra ? a : b;
    const summary = await say(h, loserUser, action(buttonData(loser, '11:00 (12:00 Berlin time)')));
    const booked = await say(h, loserUser, action(buttonData(summary, 'Confirm')));
    expect(textOf(booked)).toContain('Booked');
  });

  it('SLOT_UNAVAILABLE: a time blocked meanwhile is explained and the flow goes on', async () => {
    const user = londoner('332');
    const summary = await walkToConfirm(user, {
      provider: 'Anna Weber',
      service: 'Massage',
      day: 'Fri 4 Dec',
      time: '08:00 (09:00 Berlin time)',
    });
    await addOverride(
      h.db.db,
      c.anna,
      { date: '2026-12-04', startTime: null, endTime: null, isBlocked: true },
      NOW,
    );
    const replies = await say(h, user, action(buttonData(summary, 'Confirm')));
    expect(replies[0]?.text).toContain('The provider has just blocked that time.');
    expect(replies[0]?.text).toContain('The provider is away on Fri 4 Dec 2026.');
    expect(allButtons(replies).map((b) => b.label)).toContain('Mon 7 Dec');
    expect(await appointmentsOf(user)).toHaveLength(0);
  });

  it('NO_SHOW_LOCKOUT: explains the rule and offers only other days', async () => {
    const user = londoner('333');
    const summary = await walkToConfirm(user, {
      provider: 'Anna Weber',
      service: 'Massage',
      day: 'Mon 30 Nov',
      time: '14:00 (15:00 Berlin time)',
    });
    const [identity] = await h.db.db
      .select()
      .from(chatIdentities)
      .where(eq(chatIdentities.platformUserId, '333'));
    await h.db.db
      .update(clients)
      .set({ noShowLockoutUntil: new Date('2026-12-20T00:00:00Z') })
      .where(eq(clients.id, identity?.clientId ?? ''));
    const replies = await say(h, user, action(buttonData(summary, 'Confirm')));
    expect(replies[0]?.text).toContain('After a missed appointment you cannot book');
    expect(replies[0]?.text).toContain('You can still book any other day');
    const days = allButtons(replies).map((b) => b.label);
    expect(days).not.toContain('Mon 30 Nov');
    expect(days).toContain('Tue 1 Dec');
  });
});

describe('stale and unknown buttons', () => {
  it.each([
    ['garbage', 'garbage'],
    ['an unknown nonce', 'zzzzzzzz:pv:0'],
    ['a too long string', 'a'.repeat(80)],
  ])('answers %s with a fresh menu', async (_, data) => {
    const user = londoner(`340-${data.length}`);
    const replies = await say(h, user, action(data));
    expect(replies[0]?.replace).toBe(true);
    expect(replies[0]?.text).toContain('That menu has expired — here is a fresh one.');
    expect(replies[0]?.text).toContain('Who would you like to book?');
  });

  it('treats a button of a lapsed flow, or one pointing past its options, as stale', async () => {
    const user = londoner('341');
    const start = await say(h, user, command('book'));
    const anna = buttonData(start, 'Anna Weber');
    const outOfRange = anna.replace(/:\d+$/, ':9');
    const out = await say(h, user, action(outOfRange));
    expect(textOf(out)).toContain('That menu has expired');
    const fresh = buttonData(out, 'Anna Weber');
    const later = new Date(NOW.getTime() + 31 * 60_000);
    const lapsed = await say(h, user, action(fresh), later);
    expect(textOf(lapsed)).toContain('That menu has expired');
    // An older flow's button after a new /book is stale too.
    const newer = await say(h, user, command('book'));
    const older = await say(h, user, action(anna));
    expect(textOf(older)).toContain('That menu has expired');
    expect(newer[0]?.text).toContain('Who would you like to book?');
    const ok = await say(h, user, action(buttonData(older, 'Anna Weber')));
    expect(textOf(ok)).toContain('Massage');
  });

  it('asks a stale button presser without a time zone for one first', async () => {
    const user = chatUser('342', 'Zed');
    const replies = await say(h, user, action('k3f9a2b7:pv:2'));
    expect(textOf(replies)).toContain('That menu has expired');
    expect(textOf(replies)).toContain('Which time zone');
    const booked = await say(h, user, text('London'));
    expect(textOf(booked)).toContain('Who would you like to book?');
  });

  it('asks for the buttons when text arrives in the middle of a flow', async () => {
    const user = londoner('343');
    await say(h, user, command('book'));
    expect(textOf(await say(h, user, text('anna please')))).toContain('pick one of the buttons');
  });
});

describe('identity rows', () => {
  it('keeps one identity and one client per chat user', async () => {
    const rows = await h.db.db
      .select()
      .from(chatIdentities)
      .where(
        and(eq(chatIdentities.platform, 'telegram'), eq(chatIdentities.platformUserId, '300')),
      );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.clientId).not.toBeNull();
  });
});
