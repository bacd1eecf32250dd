// Plain words in a conversation: booking to the confirm step, typos, exact times free and taken,
// cancel, list, greetings, gibberish, a new user's request kept across the time zone question,
// and typed text in the middle of a flow.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ChatUser } from '../../src/chat/chat-types.ts';
import { services } from '../../src/db/schema/providers.ts';
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
  await h.db.db.insert(services).values({
    providerId: c.anna,
    name: 'Consultation',
    durationMinutes: 30,
    price: 0,
    currency: 'EUR',
  });
});

/** A client in Berlin (the platform says so), so every clock shown is Anna's too. */
function berliner(id: string): ChatUser {
  return chatUser(id, `Client ${id}`, { timezone: 'Europe/Berlin' });
}

async function typed(user: ChatUser, words: string): Promise<ChatMessage[]> {
  const replies = await say(h, user, text(words));
  expectWithinLimits(replies);
  return replies;
}

/** Books a massage with Anna on Tuesday 1 Dec at `clock` by words and Confirm. */
async function bookMassage(user: ChatUser, clock: string): Promise<void> {
  const summary = await typed(user, `book a massage with anna tomorrow at ${clock}`);
  expect(textOf(summary)).toContain('Please confirm');
  const booked = await say(h, user, action(buttonData(summary, 'Confirm')));
  expect(textOf(booked)).toContain('Booked');
}

describe('plain words start the right flow', () => {
  it('books a consultation tomorrow at 10 straight to the confirm step', async () => {
    const replies = await typed(berliner('p1'), 'book a consultation tomorrow at 10');
    expect(replies[0]?.text).toContain('Please confirm');
    expect(replies[0]?.text).toContain('Consultation');
    expect(replies[0]?.text).toContain('Tue 1 Dec 2026, 10:00');
  });

  it('finds a misspelt service and keeps a misspelt day', async () => {
    const replies = await say(h, berliner('p2'), command('book', 'consultaton tomorow'));
    expect(replies[0]?.text).toContain('Consultation with Anna Weber on Tue 1 Dec 2026');
    expect(replies[0]?.text).toContain('Pick a time');
  });

  it('keeps the day when the name fits nobody', async () => {
    const user = berliner('p3');
    const who = await typed(user, 'book xylophone lessons tomorrow');
    expect(who[0]?.text).toContain('I found no provider or service matching "xylophone lessons"');
    expect(who[0]?.text).toContain('I kept Tue 1 Dec 2026');
    const what = await say(h, user, action(buttonData(who, 'Anna Weber')));
    const times = await say(h, user, action(buttonData(what, 'Massage')));
    expect(times[0]?.text).toContain('Massage with Anna Weber on Tue 1 Dec 2026');
  });

  it('offers the nearest free times before and after an exact time that is taken', async () => {
    await bookMassage(berliner('p4'), '10');
    const replies = await typed(berliner('p5'), 'massage with anna tomorrow at 10');
    expect(replies[0]?.text).toContain('10:00 is not free that day');
    expect(replies[0]?.text).toContain('The nearest free times are 09:00 and 11:00.');
    const labels = allButtons(replies).map((b) => b.label);
    expect(labels).toContain('09:00');
    expect(labels).toContain('11:00');
    expect(labels).not.toContain('10:00');
    const summary = await say(h, berliner('p5'), action(buttonData(replies, '11:00')));
    expect(summary[0]?.text).toContain('Tue 1 Dec 2026, 11:00');
  });

  it('shows a part of the day as a range', async () => {
    const replies = await typed(berliner('p6'), 'massage with anna tomorrow afternoon');
    const labels = allButtons(replies).map((b) => b.label);
    expect(labels).toContain('12:00');
    expect(labels).toContain('16:00');
    expect(labels).not.toContain('11:00');
  });

  it('cancels the one upcoming appointment after asking', async () => {
    const user = berliner('p7');
    await bookMassage(user, '14:00');
    const ask = await typed(user, 'please cancel my appointment');
    expect(ask[0]?.text).toContain('Cancel Massage with Anna Weber?');
    const done = await say(h, user, action(buttonData(ask, 'Yes, cancel it')));
    expect(textOf(done)).toContain('Cancelled');
  });

  it('asks which one to cancel when there are several', async () => {
    const user = berliner('p12');
    await bookMassage(user, '12');
    await bookMassage(user, '13:00');
    const replies = await typed(user, 'cancel my booking');
    expect(replies[0]?.text).toContain('Which one would you like to cancel?');
    expect(allButtons(replies).map((b) => b.label)).toEqual(
      expect.arrayContaining(['Cancel 1', 'Cancel 2']),
    );
  });

  it('moves the one upcoming appointment to the day named', async () => {
    const user = berliner('p8');
    await bookMassage(user, '15:00');
    const replies = await typed(user, 'move my booking to Friday');
    expect(replies[0]?.text).toContain('Currently Tue 1 Dec 2026, 15:00');
    expect(replies[0]?.text).toContain('Massage with Anna Weber on Fri 4 Dec 2026');
    expect(replies[0]?.text).toContain('Pick a time');
  });

  it('lists what was booked', async () => {
    const user = berliner('p9');
    await bookMassage(user, '16:00');
    const replies = await typed(user, 'what have I booked?');
    expect(replies[0]?.text).toContain('Your upcoming appointments');
    expect(replies[0]?.text).toContain('Massage with Anna Weber');
    expect(allButtons(replies).map((b) => b.label)).toContain('Cancel 1');
  });

  it('greets and helps', async () => {
    const replies = await typed(berliner('p10'), 'hi');
    expect(textOf(replies)).toContain('Hi Client p10!');
    expect(textOf(replies)).toContain('/book');
    expect(textOf(await typed(berliner('p10'), 'help'))).toContain('/mybookings');
  });

  it('answers gibberish with what it can do, as buttons that work', async () => {
    const user = berliner('p11');
    const replies = await typed(user, 'asdf qwer');
    expect(replies[0]?.text).toContain("I didn't understand");
    expect(allButtons(replies).map((b) => b.label)).toEqual(['Book', 'My bookings', 'Help']);
    const book = await say(h, user, action(buttonData(replies, 'Book')));
    expect(book[0]?.text).toContain('Who would you like to book?');
  });
});

describe('plain words around a flow', () => {
  it('asks a new user for the time zone, then carries on with the words kept', async () => {
    const user = chatUser('p20', 'Nora');
    const asked = await typed(user, 'book a chekup with dr weber wednesay at 12:30');
    expect(asked[0]?.text).toContain('Which time zone');
    const resumed = await typed(user, 'Berlin');
    expect(textOf(resumed)).toContain('Europe/Berlin');
    expect(textOf(resumed)).toContain('Please confirm');
    expect(textOf(resumed)).toContain('Check-up');
    expect(textOf(resumed)).toContain('Wed 2 Dec 2026, 12:30');
  });

  it('keeps a request typed while the time zone is asked', async () => {
    const user = chatUser('p21', 'Otto');
    await say(h, user, command('start'));
    const again = await typed(user, 'book a consultation tomorrow at 11');
    expect(again[0]?.text).toContain('Which time zone');
    const resumed = await typed(user, 'Europe/Berlin');
    expect(textOf(resumed)).toContain('Tue 1 Dec 2026, 11:00');
  });

  it('starts a new request typed mid-flow, and offers a way on for other text', async () => {
    const user = berliner('p22');
    await bookMassage(user, '09:00');
    const who = await say(h, user, command('book'));
    expect(who[0]?.text).toContain('Who would you like to book?');
    const onward = await typed(user, 'hmm not sure');
    expect(onward[0]?.text).toContain('Please pick one of the buttons above');
    expect(allButtons(onward).length).toBeGreaterThan(0);
    // The flow is still there: its buttons work.
    const what = await say(h, user, action(buttonData(who, 'Anna Weber')));
    expect(what[0]?.text).toContain('What would you like to book with Anna Weber?');
    const ask = await typed(user, 'actually, cancel my appointment');
    expect(ask[0]?.text).toContain('Cancel Massage with Anna Weber?');
  });

  it('takes a typed time at the time step', async () => {
    const user = berliner('p23');
    const times = await say(h, user, command('book', 'massage with anna on thursday'));
    expect(times[0]?.text).toContain('Pick a time');
    const summary = await typed(user, 'at 13:00');
    expect(summary[0]?.text).toContain('Please confirm');
    expect(summary[0]?.text).toContain('Thu 3 Dec 2026, 13:00');
  });
});
