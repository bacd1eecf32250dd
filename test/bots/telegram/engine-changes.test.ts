// End to end with the real engine and database: cancelling and rescheduling from /mybookings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture } from '../../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import {
  appointmentsOf,
  expectAllCallsAccepted,
  person,
  startEngineHarness,
} from './engine-harness.ts';
import { type Conversation, converse } from './telegram-conversation.ts';
import type { WebhookHarness } from './telegram-harness.ts';

let t: TestDatabase;
let h: WebhookHarness;

beforeAll(async () => {
  t = await createTestDatabase();
  await createFixture(t.db);
  h = await startEngineHarness(t.db);
});
afterAll(() => h.close());

/** A new Berlin client books Tue 1 Dec at `time` by words (straight to confirm) and confirms. */
async function bookTuesday(chat: Conversation, time: string): Promise<void> {
  await chat.say(`/book session tomorrow at ${time}`);
  await chat.say('Berlin');
  // A free exact time goes straight to the confirm step.
  expect(chat.lastText()).toMatch(
    new RegExp(`^Please confirm:\nSession with Test Provider\nTue 1 Dec 2026, ${time}`),
  );
  await chat.press(/^Confirm$/);
  expect(chat.lastText()).toMatch(/^Booked:/);
}

describe('telegram with the conversation engine: changes', () => {
  it('cancels a booking from /mybookings after asking to be sure', async () => {
    const erin = person(601, 'Erin');
    const chat = converse(h, erin);
    await bookTuesday(chat, '11:00');
    expect((await appointmentsOf(t.db, erin)).length).toBe(1);
    await chat.say('/mybookings');
    expect(chat.lastButtons()).toEqual(expect.arrayContaining(['Reschedule 1', 'Cancel 1']));
    await chat.press(/^Cancel 1$/);
    expect(await appointmentsOf(t.db, erin)).toHaveLength(1);
    await chat.press(/^Yes, cancel it$/);
    expect(chat.lastText()).toMatch(
      /^Cancelled: Session with Test Provider\nTue 1 Dec 2026, 11:00/,
    );
    expect(await appointmentsOf(t.db, erin)).toEqual([]);
    expectAllCallsAccepted(h);
  });

  it('reschedules a booking to another day and time', async () => {
    const frank = person(602, 'Frank');
    const chat = converse(h, frank);
    await bookTuesday(chat, '15:00');
    const [before] = await appointmentsOf(t.db, frank);
    await chat.say('/mybookings');
    await chat.press(/^Reschedule 1$/);
    await chat.press(/^Wed 2 Dec$/);
    await chat.press(/^16:00$/);
    await chat.press(/^Confirm$/);
    expect(chat.lastText()).toMatch(/^Moved: .*\nnow Wed 2 Dec 2026, 16:00/);
    const after = await appointmentsOf(t.db, frank);
    expect(after.map((a) => [a.status, a.startTime.toISOString()])).toEqual([
      ['CONFIRMED', '2026-12-02T15:00:00.000Z'],
    ]);
    expect(before?.startTime.toISOString()).toBe('2026-12-01T14:00:00.000Z');
    expectAllCallsAccepted(h);
  });
});
