// Providers find their work: /requests, /today with requests, /week, deciding from the lists, and
// buttons on a request that was decided meanwhile.
import { beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../../src/booking/book-appointment.ts';
import { createLinkCode } from '../../src/chat/create-link-code.ts';
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
  expectWithinLimits,
  NOW,
  say,
  seedCatalog,
  textOf,
} from './chat-harness.ts';

let h: ChatHarness;
let c: Catalog;
let clientId: string;
const anna = chatUser('7001', 'Anna', { timezone: 'Europe/Berlin' });
const bob = chatUser('7002', 'Bob Stone', { timezone: 'Europe/London' });

/** Books `serviceId` with Anna at `start` (UTC) for Carol, as the REST API would. */
async function bookAt(serviceId: string, start: string): Promise<string> {
  const result = await bookAppointment(
    h.db.db,
    {
      providerId: c.anna,
      serviceId,
      clientId,
      startTime: new Date(start),
      notes: null,
      idempotencyKey: `k-${serviceId}-${start}`,
      actor: `client:${clientId}`,
      paymentHoldMinutes: null,
    },
    NOW,
  );
  if (!result.ok) throw new Error(`not booked: ${result.code}`);
  return result.value.appointment.id;
}

async function link(user: typeof anna, providerId: string): Promise<void> {
  const code = await createLinkCode(h.db.db, providerId, NOW);
  if (!code.ok) throw new Error('no code');
  await say(h, user, command('link', code.value.code));
}

beforeAll(async () => {
  h = await createChatHarness();
  c = await seedCatalog(h);
  const [carol] = await h.db.db
    .insert(clients)
    .values({ name: 'Carol', timezone: 'Europe/London' })
    .returning();
  if (!carol) throw new Error('no client');
  clientId = carol.id;
  await link(anna, c.anna);
  await link(bob, c.bob);
  // NOW is Mon 30 Nov 2026, 09:00 in Berlin. Check-up needs approval; Massage does not.
  await bookAt(c.checkup, '2026-11-30T12:00:00Z'); // today 13:00 Berlin, pending
  await bookAt(c.massage, '2026-12-01T09:00:00Z'); // Tue 10:00, confirmed
  for (const day of ['02', '03', '04']) await bookAt(c.checkup, `2026-12-${day}T13:00:00Z`);
  await bookAt(c.checkup, '2026-12-07T08:00:00Z'); // next Monday: /requests, not /week
  await bookAt(c.checkup, '2026-12-08T08:00:00Z');
});

describe('/requests', () => {
  it('lists every waiting request, not only today’s, five to a page with Approve and Decline', async () => {
    const first = await say(h, anna, command('requests'));
    expectWithinLimits(first);
    const text = textOf(first);
    expect(text).toContain('6 booking requests wait for you (Berlin time):');
    expect(text).toContain('1. Mon 30 Nov, 13:00–13:30: Check-up for Carol.');
    expect(text).toContain('5. Mon 7 Dec, 09:00–09:30: Check-up for Carol.');
    expect(text).toContain('Page 1 of 2. Send /requests 2 for the next.');
    expect(allButtons(first).map((b) => b.label)).toEqual(
      [1, 2, 3, 4, 5].flatMap((n) => [`Approve ${n}`, `Decline ${n}`]),
    );
    const second = await say(h, anna, command('requests', '2'));
    expect(textOf(second)).toContain('6. Tue 8 Dec, 09:00–09:30: Check-up for Carol.');
    expect(textOf(second)).toContain('Page 2 of 2. /requests 1 goes back.');
    expect(allButtons(second).map((b) => b.label)).toEqual(['Approve 6', 'Decline 6']);
  });

  it('answers a provider with no requests, and words that are not a page', async () => {
    const none = await say(h, bob, command('requests'));
    expect(textOf(none)).toBe('No booking requests are waiting for you.');
    const week = await say(h, bob, action(buttonData(none, 'Your week')));
    expect(textOf(week)).toContain('Your week, Mon 30 Nov – Sun 6 Dec (London time):');
    expect(textOf(await say(h, anna, command('requests', 'all')))).toContain('/requests 2');
  });

  it('is for providers only', async () => {
    const stranger = chatUser('7099', 'Dan', { timezone: 'Europe/London' });
    expect(textOf(await say(h, stranger, command('requests')))).toMatch(/\/link/);
  });
});

describe('/today', () => {
  it('shows today’s requests with Approve and Decline', async () => {
    const today = await say(h, anna, command('today'));
    expectWithinLimits(today);
    expect(textOf(today)).toContain('13:00–13:30 Check-up, Carol (waiting for approval)');
    expect(allButtons(today).map((b) => b.label)).toEqual([
      'Approve 13:00 Carol',
      'Decline 13:00 Carol',
    ]);
  });
});

describe('/week', () => {
  it('lists the next 7 days by day, requests marked and actionable', async () => {
    const week = await say(h, anna, command('week'));
    expectWithinLimits(week);
    const text = textOf(week);
    expect(text).toContain('Your week, Mon 30 Nov – Sun 6 Dec (Berlin time):');
    expect(text).toContain('4 waiting for your approval, marked ⏳.');
    expect(text).toContain('Tue 1 Dec:\n10:00–11:00 Massage, Carol (confirmed)');
    expect(text).toContain('Wed 2 Dec:\n⏳ 14:00–14:30 Check-up, Carol (waiting for approval)');
    expect(text).not.toContain('7 Dec');
    expect(allButtons(week).map((b) => b.label)).toEqual([
      'Approve Mon 30 Nov 13:00',
      'Decline Mon 30 Nov 13:00',
      'Approve Wed 2 Dec 14:00',
      'Decline Wed 2 Dec 14:00',
      'Approve Thu 3 Dec 14:00',
      'Decline Thu 3 Dec 14:00',
      'Approve Fri 4 Dec 14:00',
      'Decline Fri 4 Dec 14:00',
    ]);
  });

  it('says so when nothing is booked', async () => {
    expect(textOf(await say(h, bob, command('week')))).toBe(
      'Your week, Mon 30 Nov – Sun 6 Dec (London time):\nNothing booked.',
    );
  });
});

describe('deciding from the lists', () => {
  it('approves and declines from /requests, and a second press says it was decided', async () => {
    const list = await say(h, anna, command('requests'));
    const approve = buttonData(list, 'Approve 2');
    const approved = await say(h, anna, action(approve));
    expect(approved[0]?.replace).toBe(true);
    expect(textOf(approved)).toContain('Approved by Anna.');
    expect(textOf(approved)).toMatch(/Approved by Anna\.$/);
    expect(approved[0]?.buttons).toEqual([]);
    const declined = await say(h, anna, action(buttonData(list, 'Decline 3')));
    expect(textOf(declined)).toContain('Declined by Anna.');

    const again = await say(h, anna, action(approve));
    expect(textOf(again)).toContain(
      'This request was already handled: the appointment is confirmed. Nothing changed.',
    );
    const listed = await say(h, anna, action(buttonData(again, 'Waiting requests (4)')));
    expect(textOf(listed)).toContain('4 booking requests wait for you');
    const late = await say(h, anna, action(buttonData(list, 'Approve 3')));
    expect(textOf(late)).toContain('the appointment is cancelled. Nothing changed.');
    expect(textOf(await say(h, anna, command('requests')))).toContain(
      '4 booking requests wait for you',
    );
  });
});
