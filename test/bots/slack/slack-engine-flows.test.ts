// End to end on Slack: booking from words, cancelling, rescheduling, a lost race and stale buttons.

import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { createRoutingMessenger } from '../../../src/chat/routing-messenger.ts';
import { appointments } from '../../../src/db/schema/appointments.ts';
import { availability } from '../../../src/db/schema/availability.ts';
import { chatIdentities } from '../../../src/db/schema/chat.ts';
import { providers } from '../../../src/db/schema/providers.ts';
import { slashCommandBody } from '../../fakes/slack-requests.ts';
import { testChatDeps } from '../../support/deliver-changes.ts';
import { addService, createFixture, type Fixture } from '../../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { click, lastShown, type ShownMessage, shownMessages } from './slack-conversation.ts';
import { createSlackHarness, FORM, NOW, type SlackHarness } from './slack-harness.ts';
import { expectSlackClean } from './slack-transcript-user.ts';

const USERS = ['UWORDS', 'UCANCEL', 'UMOVE', 'URACEA', 'URACEB', 'USTALE'] as const;
type User = (typeof USERS)[number];
const dm = (user: User) => `D${user}`;

let db: TestDatabase;
let fixture: Fixture;
let annaId: string;
let harness: SlackHarness;
let commands = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  fixture = await createFixture(db.db, { service: { name: 'Massage' } });
  // A second provider offering a service of the same name: only the words tell them apart.
  const [anna] = await db.db
    .insert(providers)
    .values({ name: 'Anna Weber', type: 'THERAPIST', timezone: 'Europe/Berlin' })
    .returning();
  if (!anna) throw new Error('no provider');
  annaId = anna.id;
  await addService(db.db, annaId, { name: 'Massage' });
  await db.db.insert(availability).values(
    [0, 1, 2, 3, 4].map((dayOfWeek) => ({
      providerId: annaId,
      dayOfWeek,
      startTime: '09:00',
      endTime: '17:00',
    })),
  );
  const messenger = createRoutingMessenger();
  const logger = { info() {}, warn() {}, error() {} };
  const deps = testChatDeps(db.db, messenger, logger);
  harness = await createSlackHarness((event) => handleChatEvent(deps, event, NOW));
  messenger.register('slack', harness.adapter.messenger);
  for (const id of USERS)
    harness.api.users.set(id, { name: id.toLowerCase(), realName: id, tz: 'Europe/Berlin' });
});
afterAll(() => harness.close());
afterEach(() => expectSlackClean(harness));

async function command(user: User, name: string, text = ''): Promise<void> {
  commands += 1;
  const body = slashCommandBody({
    command: `/${name}`,
    text,
    userId: user,
    triggerId: `flow-cmd-${commands}`,
  });
  expect((await harness.send(body, FORM)).status).toBe(200);
  await harness.adapter.idle();
}

const shown = (user: User) => lastShown(harness.api, dm(user));
const labels = (message: ShownMessage) => message.buttons.map((b) => b.label);
const labelled = (label: string) => (b: { label: string }) => b.label === label;

/** Clicks the button labelled `label` on the last message in the user's DM. */
async function press(user: User, label: string): Promise<void> {
  await click(harness, user, shown(user), labelled(label));
}

/** Every appointment (any status) of the client this Slack user books as, oldest start first. */
async function appointmentsOf(user: User) {
  const [identity] = await db.db
    .select()
    .from(chatIdentities)
    .where(and(eq(chatIdentities.platform, 'slack'), eq(chatIdentities.platformUserId, user)));
  if (!identity?.clientId) return [];
  const rows = await db.db
    .select()
    .from(appointments)
    .where(eq(appointments.clientId, identity.clientId));
  return rows.sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
}

const summary = async (user: User) =>
  (await appointmentsOf(user)).map((a) => [a.status, a.startTime.toISOString()]);

/** Starts /book with `words` naming a free exact `time`: the words go straight to Confirm. */
async function reachConfirm(user: User, words: string, time: string): Promise<ShownMessage> {
  await command(user, 'book', words);
  const confirm = shown(user);
  expect(confirm.text).toMatch(/^Please confirm:/);
  expect(confirm.text).toContain(`, ${time}–`);
  expect(labels(confirm)).toEqual(['Confirm', 'Repeat weekly', 'Cancel']);
  return confirm;
}

const HINT_NOTE = "\n\nI'm using Europe/Berlin from your Slack profile; /timezone to change.";

describe('Slack with the real engine: flows', () => {
  it('books from words: the service, provider, day and hour typed after /book', async () => {
    await command('UWORDS', 'book', 'massage with Anna tomorrow after 3pm');
    const times = shown('UWORDS');
    // The Slack profile's zone fills the unset zone; the first reply says so once.
    expect(times.text).toBe(
      `Massage with Anna Weber on Tue 1 Dec 2026.\nPick a time (your time, Berlin):${HINT_NOTE}`,
    );
    // Only the times from 15:00 on; nothing booked until Confirm.
    expect(labels(times)).toEqual(['15:00', '16:00', 'Other day', 'Cancel']);
    expect(await summary('UWORDS')).toEqual([]);

    await press('UWORDS', '15:00');
    expect(shown('UWORDS').text).toContain('Massage with Anna Weber\nTue 1 Dec 2026, 15:00–16:00');
    expect(shown('UWORDS').text).not.toContain("I'm using");
    expect(await summary('UWORDS')).toEqual([]);
    await press('UWORDS', 'Confirm');

    expect(shown('UWORDS').text).toMatch(/^Booked: Massage with Anna Weber\nTue 1 Dec 2026, 15:00/);
    const booked = await appointmentsOf('UWORDS');
    expect(booked.map((a) => [a.providerId, a.status, a.startTime.toISOString()])).toEqual([
      [annaId, 'CONFIRMED', '2026-12-01T14:00:00.000Z'],
    ]);
    // The flow was one message, updated in place from the times to Booked.
    expect(shownMessages(harness.api, dm('UWORDS'))).toHaveLength(1);
  });

  it('cancels from /mybookings after asking, saying nothing of refunds when cancelled in time', async () => {
    await reachConfirm('UCANCEL', 'massage with test provider tomorrow at 11am', '11:00');
    await press('UCANCEL', 'Confirm');
    const [booking] = await appointmentsOf('UCANCEL');
    expect(booking?.status).toBe('CONFIRMED');

    await command('UCANCEL', 'mybookings');
    expect(shown('UCANCEL').text).toMatch(
      /^Your upcoming appointments:\n1\. Tue 1 Dec, 11:00: Massage with Test Provider/,
    );
    expect(labels(shown('UCANCEL'))).toEqual(['Reschedule 1', 'Cancel 1']);
    await press('UCANCEL', 'Cancel 1');
    const ask = shown('UCANCEL');
    // No payments are taken, so a cancellation in time costs nothing and says nothing of money.
    expect(ask.text).toBe(
      'Cancel Massage with Test Provider?\nTue 1 Dec 2026, 11:00–12:00 (your time, Berlin)',
    );
    expect(labels(ask)).toEqual(['Yes, cancel it', 'Keep it']);
    expect(await summary('UCANCEL')).toEqual([['CONFIRMED', '2026-12-01T10:00:00.000Z']]);

    await press('UCANCEL', 'Yes, cancel it');
    expect(shown('UCANCEL').text).toBe(
      'Cancelled: Massage with Test Provider\nTue 1 Dec 2026, 11:00–12:00 (your time, Berlin)',
    );
    const [after] = await appointmentsOf('UCANCEL');
    expect([after?.id, after?.status, after?.refundStatus]).toEqual([
      booking?.id,
      'CANCELLED',
      'REFUND_DUE',
    ]);
  });

  it('reschedules from /mybookings to another day and time', async () => {
    await reachConfirm('UMOVE', 'massage with test provider tomorrow at 2pm', '14:00');
    await press('UMOVE', 'Confirm');
    const [before] = await appointmentsOf('UMOVE');
    expect(before?.startTime.toISOString()).toBe('2026-12-01T13:00:00.000Z');

    await command('UMOVE', 'mybookings');
    await press('UMOVE', 'Reschedule 1');
    expect(shown('UMOVE').text).toBe(
      'Currently Tue 1 Dec 2026, 14:00–15:00 (your time, Berlin).\n' +
        'Pick a new day for Massage with Test Provider:',
    );
    await press('UMOVE', 'Wed 2 Dec');
    await press('UMOVE', '16:00');
    expect(shown('UMOVE').text).toMatch(
      /^Move Massage with Test Provider\nfrom Tue 1 Dec 2026, 14:00.*\nto Wed 2 Dec 2026, 16:00/,
    );
    expect(await summary('UMOVE')).toEqual([['CONFIRMED', '2026-12-01T13:00:00.000Z']]);
    await press('UMOVE', 'Confirm');

    expect(shown('UMOVE').text).toMatch(
      /^Moved: Massage with Test Provider\nnow Wed 2 Dec 2026, 16:00/,
    );
    const after = await appointmentsOf('UMOVE');
    expect(after.map((a) => [a.id, a.status, a.startTime.toISOString()])).toEqual([
      [before?.id, 'CONFIRMED', '2026-12-02T15:00:00.000Z'],
    ]);
  });

  it('two users confirming the same slot: one booking, the other told someone was faster', async () => {
    const words = 'massage with test provider wednesday at 10am';
    const confirmA = await reachConfirm('URACEA', words, '10:00');
    const confirmB = await reachConfirm('URACEB', words, '10:00');
    expect(confirmA.text).toContain('Wed 2 Dec 2026, 10:00–11:00');
    expect(confirmB.text).toContain('Wed 2 Dec 2026, 10:00–11:00');

    await Promise.all([
      click(harness, 'URACEA', confirmA, labelled('Confirm')),
      click(harness, 'URACEB', confirmB, labelled('Confirm')),
    ]);

    const slot = new Date('2026-12-02T09:00:00.000Z');
    const taken = await db.db
      .select()
      .from(appointments)
      .where(
        and(eq(appointments.providerId, fixture.providerId), eq(appointments.startTime, slot)),
      );
    expect(taken.map((a) => a.status)).toEqual(['CONFIRMED']);
    const a = await summary('URACEA');
    const b = await summary('URACEB');
    expect([...a, ...b]).toEqual([['CONFIRMED', '2026-12-02T09:00:00.000Z']]);
    const [winner, loser]: [User, User] =
      a.length === 1 ? ['URACEA', 'URACEB'] : ['URACEB', 'URACEA'];

    expect(shown(winner).text).toMatch(
      /^Booked: Massage with Test Provider\nWed 2 Dec 2026, 10:00/,
    );
    const lost = shown(loser);
    expect(lost.text).toMatch(/^Someone was faster and has just taken that time\./);
    const times = labels(lost).filter((l) => /^\d\d:\d\d$/.test(l));
    expect(times.length).toBeGreaterThan(0);
    expect(times).not.toContain('10:00');

    // The fresh times work: the loser books the next one.
    await press(loser, times[0] ?? '');
    await press(loser, 'Confirm');
    const rebooked = await summary(loser);
    expect(rebooked).toHaveLength(1);
    expect(rebooked[0]?.[0]).toBe('CONFIRMED');
    expect(rebooked[0]?.[1]).toMatch(/^2026-12-02T/);
    expect(rebooked[0]?.[1]).not.toBe(slot.toISOString());
  });

  it('answers garbage and stale button data with a fresh menu and books nothing', async () => {
    const oldConfirm = await reachConfirm('USTALE', 'massage with anna tomorrow at 11am', '11:00');
    // A new /book starts a new flow: the old flow's buttons are stale from now on.
    await command('USTALE', 'book');
    const fresh = shown('USTALE');
    expect(fresh.ts).not.toBe(oldConfirm.ts);

    const posts = () => harness.api.callsTo('chat.postMessage').length;
    const updates = () => harness.api.callsTo('chat.update').length;
    for (const value of ['garbage', 'zzzzzzzz:ok', oldConfirm.buttons[0]?.value ?? '']) {
      const before = posts() + updates();
      await click(
        harness,
        'USTALE',
        { ...oldConfirm, buttons: [{ label: 'x', value }] },
        () => true,
      );
      expect(posts() + updates()).toBe(before + 1);
      const reply = shown('USTALE');
      expect(reply.text).toMatch(/^That menu has expired — here is a fresh one\./);
      expect(labels(reply)).toEqual(expect.arrayContaining(['Anna Weber', 'Test Provider']));
    }
    expect(await summary('USTALE')).toEqual([]);
  });
});
