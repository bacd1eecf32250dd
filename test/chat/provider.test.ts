// Provider side: /link, approval requests and answers, /today with Complete and No-show, /block
// and /unblock, and notifications that fail without breaking anything.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ChatUser } from '../../src/chat/chat-types.ts';
import { createLinkCode } from '../../src/chat/create-link-code.ts';
import { appointments } from '../../src/db/schema/appointments.ts';
import { availabilityOverrides } from '../../src/db/schema/availability.ts';
import { chatIdentities, providerLinkCodes } from '../../src/db/schema/chat.ts';
import { clients } from '../../src/db/schema/clients.ts';
import {
  action,
  allButtons,
  buttonData,
  type Catalog,
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
let c: Catalog;
// Anna uses both Slack and Telegram; approval requests go to Slack first.
const annaSlack = chatUser('U-ANNA', 'Anna Weber', {
  platform: 'slack',
  timezone: 'Europe/Berlin',
});
const annaTelegram = chatUser('9001', 'Anna', { timezone: 'Europe/Berlin' });
const bobChat = chatUser('9002', 'Bob Stone', { timezone: 'Europe/London' });

async function code(providerId: string, at = NOW): Promise<string> {
  const created = await createLinkCode(h.db.db, providerId, at);
  if (!created.ok) throw new Error('no code');
  return created.value.code;
}

beforeAll(async () => {
  h = await createChatHarness();
  c = await seedCatalog(h);
  await say(h, annaTelegram, command('link', await code(c.anna)));
  await say(h, annaSlack, command('link', await code(c.anna)));
  await say(h, bobChat, command('link', await code(c.bob)));
});

function client(id: string, name: string): ChatUser {
  return chatUser(id, name, { timezone: 'Europe/London' });
}

/** Books by words and returns the client's replies to Confirm. */
async function book(
  user: ChatUser,
  words: string,
  time: string,
  now = NOW,
): Promise<ChatMessage[]> {
  const times = await say(h, user, command('book', words), now);
  const summary = await say(h, user, action(buttonData(times, time)), now);
  return say(h, user, action(buttonData(summary, 'Confirm')), now);
}

async function appointmentAt(start: string) {
  const [row] = await h.db.db
    .select()
    .from(appointments)
    .where(and(eq(appointments.startTime, new Date(start)), eq(appointments.providerId, c.anna)));
  return row;
}

describe('/link', () => {
  it('links with a valid code, once', async () => {
    const user = chatUser('9100', 'Anna on the web', { platform: 'web', timezone: 'UTC' });
    const value = await code(c.anna);
    expect(value).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}$/);
    const linked = await say(h, user, command('link', value.toLowerCase()));
    expect(textOf(linked)).toContain('Linked: this chat now acts as Anna Weber');
    // The commands come from the registry; this harness runs no calendars, so no /connect.
    expect(textOf(linked)).toContain(
      'Provider commands: /today, /requests, /week, /block, /unblock;',
    );
    expect(textOf(linked)).not.toContain('/connect');
    const [identity] = await h.db.db
      .select()
      .from(chatIdentities)
      .where(eq(chatIdentities.platformUserId, '9100'));
    expect(identity?.providerId).toBe(c.anna);
    const other = chatUser('9101', 'Mallory', { platform: 'web' });
    expect(textOf(await say(h, other, command('link', value)))).toContain('already used');
  });

  it('refuses a wrong code, an expired code and no code with a plain reply', async () => {
    const user = chatUser('9102', 'Nobody');
    expect(textOf(await say(h, user, command('link', 'WRONGCDE')))).toContain(
      "That code doesn't exist",
    );
    const old = await code(c.anna, new Date(NOW.getTime() - 16 * 60_000));
    expect(textOf(await say(h, user, command('link', old)))).toContain('That code has expired');
    expect(textOf(await say(h, user, command('link')))).toContain(
      'Send /link followed by the code',
    );
    const [identity] = await h.db.db
      .select()
      .from(chatIdentities)
      .where(eq(chatIdentities.platformUserId, '9102'));
    expect(identity?.providerId).toBeNull();
    const [row] = await h.db.db
      .select()
      .from(providerLinkCodes)
      .where(eq(providerLinkCodes.code, old));
    expect(row?.usedAt).toBeNull();
  });

  it('shows the provider commands in /help once linked, and refuses them to others', async () => {
    expect(textOf(await say(h, annaTelegram, command('help')))).toContain('/today');
    const stranger = client('9103', 'Stranger');
    for (const name of ['today', 'block', 'unblock']) {
      expect(textOf(await say(h, stranger, command(name, '2026-12-01')))).toContain(
        `/${name} is for providers`,
      );
    }
  });
});

describe('approval requests', () => {
  it('asks the provider, approves from a button, and tells the client', async () => {
    const cleo = client('500', 'Cleo');
    const booked = await book(cleo, 'check-up with anna tomorrow', '10:00 (11:00 Berlin time)');
    expect(textOf(booked)).toContain('Requested');
    expect(textOf(booked)).toContain("waiting for the provider's approval");
    const appointment = await appointmentAt('2026-12-01T10:00:00Z');
    expect(appointment?.status).toBe('PENDING');
    const id = appointment?.id ?? '';

    const order = h.messenger.sent.map((s) => s.to.platformUserId);
    expect(order.indexOf('U-ANNA')).toBeLessThan(order.indexOf('9001'));
    const [request] = h.messenger.take('U-ANNA');
    h.messenger.take('9001');
    h.messenger.take('9100');
    expect(request?.text).toContain('Booking request from Cleo');
    expect(request?.text).toContain('Check-up (30 min, €80.00)');
    expect(request?.text).toContain('Tue 1 Dec 2026, 11:00–11:30 (Berlin time)');
    expect(request?.buttons).toEqual([
      [
        { label: 'Approve', data: `ap:${id}`, style: 'primary' },
        { label: 'Decline', data: `dc:${id}`, style: 'danger' },
      ],
    ]);

    const approved = await say(h, annaSlack, action(`ap:${id}`));
    expect(approved).toHaveLength(1);
    expect(approved[0]?.replace).toBe(true);
    expect(approved[0]?.text).toContain('Booking request from Cleo');
    expect(approved[0]?.text).toContain('Approved by Anna Weber.');
    expect(approved[0]?.buttons).toEqual([]);
    expect((await appointmentAt('2026-12-01T10:00:00Z'))?.status).toBe('CONFIRMED');
    const told = h.messenger.take('500');
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toContain('Anna Weber approved your booking');
    expect(told[0]?.text).toContain('Tue 1 Dec 2026, 10:00–10:30 (your time, London)');

    // The same request answered again from Telegram: already handled.
    const again = await say(h, annaTelegram, action(`ap:${id}`));
    expect(again[0]?.replace).toBe(true);
    expect(again[0]?.text).toContain(
      'This request was already handled: the appointment is confirmed.',
    );
    const decline = await say(h, annaTelegram, action(`dc:${id}`));
    expect(decline[0]?.text).toContain('already handled');
    expect(h.messenger.take('500')).toEqual([]);
  });

  it('declines with the reason typed in a form and tells the client, with no refund words', async () => {
    const dora = client('501', 'Dora');
    await book(dora, 'check-up with anna tomorrow', '11:00 (12:00 Berlin time)');
    const id = (await appointmentAt('2026-12-01T11:00:00Z'))?.id ?? '';
    h.messenger.sent.length = 0;
    const declined = await say(h, annaSlack, action(`dc:${id}`, '  Fully booked that morning  '));
    expect(declined[0]?.text).toContain(
      'Declined by Anna Weber. Reason: Fully booked that morning',
    );
    const row = await appointmentAt('2026-12-01T11:00:00Z');
    expect(row).toMatchObject({
      status: 'CANCELLED',
      cancelledBy: 'PROVIDER',
      cancellationReason: 'Fully booked that morning',
      refundStatus: 'REFUND_DUE',
    });
    const told = h.messenger.take('501');
    expect(told[0]?.text).toContain('Anna Weber declined your request for Check-up');
    expect(told[0]?.text).toContain('Reason: Fully booked that morning');
    expect(told[0]?.text).not.toMatch(/refund/i);
  });

  it("lets only the appointment's own provider answer", async () => {
    const eli = client('502', 'Eli');
    await book(eli, 'check-up with anna tomorrow', '12:00 (13:00 Berlin time)');
    const id = (await appointmentAt('2026-12-01T12:00:00Z'))?.id ?? '';
    expect(textOf(await say(h, eli, action(`ap:${id}`)))).toContain('Only the provider');
    expect(textOf(await say(h, bobChat, action(`ap:${id}`)))).toContain(
      'belongs to another provider',
    );
    expect(
      textOf(await say(h, annaSlack, action('ap:00000000-0000-4000-8000-000000000000'))),
    ).toContain('no longer available');
    expect((await appointmentAt('2026-12-01T12:00:00Z'))?.status).toBe('PENDING');
  });

  it('records an undeliverable DM on the event log and still books', async () => {
    h.messenger.sent.length = 0;
    h.messenger.failFor.add('U-ANNA');
    try {
      const fin = client('503', 'Fin');
      const booked = await book(fin, 'check-up with anna tomorrow', '13:00 (14:00 Berlin time)');
      expect(textOf(booked)).toContain('Requested');
      expect(h.messenger.take('9001')[0]?.text).toContain('Booking request from Fin');
      const { rows } = await h.db.pool.query<{ payload: Record<string, unknown> }>(
        `select e.payload from appointment_events e join appointments a on a.id = e.appointment_id
         join clients c on c.id = a.client_id where c.name = 'Fin' and e.type = 'DELIVERY_FAILED'`,
      );
      expect(rows.map((r) => r.payload)).toEqual([
        expect.objectContaining({ channel: 'chat', kind: 'booked', party: 'provider' }),
      ]);
      expect(JSON.stringify(rows)).not.toContain('Fin');
    } finally {
      h.messenger.failFor.clear();
    }
  });
});

describe('/today', () => {
  it("lists the day in the provider's zone with Complete and No-show once started", async () => {
    const gil = client('510', 'Gil');
    const hana = client('511', 'Hana');
    const early = new Date('2026-11-30T06:00:00Z');
    await book(gil, 'massage with anna today', '08:00 (09:00 Berlin time)', early);
    await book(hana, 'massage with anna today', '09:00 (10:00 Berlin time)', early);
    const at = new Date('2026-11-30T09:30:00Z');
    const today = await say(h, annaTelegram, command('today'), at);
    expect(today[0]?.text).toContain('Today, Mon 30 Nov 2026 (Berlin time):');
    expect(today[0]?.text).toContain('09:00–10:00 Massage, Gil (confirmed)');
    expect(today[0]?.text).toContain('10:00–11:00 Massage, Hana (confirmed)');
    const labels = allButtons(today).map((b) => b.label);
    expect(labels).toEqual([
      'Complete 09:00 Gil',
      'No-show 09:00 Gil',
      'Complete 10:00 Hana',
      'No-show 10:00 Hana',
    ]);

    const completed = await say(
      h,
      annaTelegram,
      action(buttonData(today, 'Complete 09:00 Gil')),
      at,
    );
    expect(completed[0]?.replace).toBe(true);
    expect(completed[0]?.text).toContain("Marked Gil's 09:00 Massage as completed");
    expect(completed[0]?.text).toContain('09:00–10:00 Massage, Gil (completed)');
    const sentBefore = h.messenger.sent.length;
    const noShow = await say(
      h,
      annaTelegram,
      action(buttonData(completed, 'No-show 10:00 Hana')),
      at,
    );
    expect(noShow[0]?.text).toContain("Marked Hana's 10:00 Massage as a no-show");
    const toHana = h.messenger.sent.slice(sentBefore).filter((m) => m.to.platformUserId === '511');
    expect(toHana.map((m) => m.message.text).join('\n')).toContain('marked as not attending');
    expect(allButtons(noShow)).toEqual([]);
    const [hanaIdentity] = await h.db.db
      .select()
      .from(chatIdentities)
      .where(eq(chatIdentities.platformUserId, '511'));
    const [hanaClient] = await h.db.db
      .select()
      .from(clients)
      .where(eq(clients.id, hanaIdentity?.clientId ?? ''));
    expect(hanaClient?.noShowCount).toBe(1);
    expect(hanaClient?.noShowLockoutUntil).toEqual(new Date(at.getTime() + 30 * 86_400_000));
    // The old Complete button again: already handled.
    const twice = await say(h, annaTelegram, action(buttonData(today, 'Complete 09:00 Gil')), at);
    expect(twice[0]?.text).toContain('Nothing changed: the appointment is already completed.');
  });

  it('says when nothing is booked', async () => {
    const today = await say(h, bobChat, command('today'));
    expect(textOf(today)).toContain('Nothing booked.');
  });
});

describe('/block and /unblock', () => {
  async function overridesOn(date: string) {
    return h.db.db
      .select()
      .from(availabilityOverrides)
      .where(
        and(eq(availabilityOverrides.providerId, c.bob), eq(availabilityOverrides.date, date)),
      );
  }

  it('blocks a whole day and a time range, and the client no longer sees them', async () => {
    const whole = await say(h, bobChat, command('block', '2026-12-02'));
    expect(textOf(whole)).toContain('Blocked the whole day on Wed 2 Dec 2026 (London time).');
    const part = await say(h, bobChat, command('block', 'thursday 10:00-11:00'));
    expect(textOf(part)).toContain('Blocked 10:00–11:00 on Thu 3 Dec 2026');
    expect(await overridesOn('2026-12-02')).toMatchObject([
      { isBlocked: true, startTime: null, endTime: null, source: 'MANUAL' },
    ]);
    expect(await overridesOn('2026-12-03')).toMatchObject([
      { isBlocked: true, startTime: '10:00:00', endTime: '11:00:00' },
    ]);
    const ivy = client('520', 'Ivy');
    const days = await say(h, ivy, command('book', 'training'));
    const labels = allButtons(days).map((b) => b.label);
    expect(labels).not.toContain('Wed 2 Dec');
    const thursday = await say(h, ivy, action(buttonData(days, 'Thu 3 Dec')));
    expect(allButtons(thursday).map((b) => b.label)).toEqual(['11:00', 'Other day', 'Cancel']);
  });

  it('unblocks a day', async () => {
    await say(h, bobChat, command('block', '2026-12-09 10:00-10:30'));
    await say(h, bobChat, command('block', '2026-12-09 11:00-11:30'));
    const unblocked = await say(h, bobChat, command('unblock', '2026-12-09'));
    expect(textOf(unblocked)).toContain('Unblocked Wed 9 Dec 2026: removed 2 blocks');
    expect(await overridesOn('2026-12-09')).toEqual([]);
    expect(textOf(await say(h, bobChat, command('unblock', '2026-12-09')))).toContain(
      'Nothing was blocked on Wed 9 Dec 2026.',
    );
  });

  it('explains the usage for bad input', async () => {
    expect(textOf(await say(h, bobChat, command('block')))).toContain('Usage: /block DATE');
    expect(textOf(await say(h, bobChat, command('block', 'someday')))).toContain(
      'Usage: /block DATE',
    );
    expect(textOf(await say(h, bobChat, command('block', '2026-02-30')))).toContain(
      'Usage: /block',
    );
    const backwards = await say(h, bobChat, command('block', '2026-12-10 14:00-13:00'));
    expect(textOf(backwards)).toContain("I couldn't block that: end_time must be after start_time");
    expect(textOf(await say(h, bobChat, command('unblock', 'nope')))).toContain(
      'Usage: /unblock DATE',
    );
  });
});
