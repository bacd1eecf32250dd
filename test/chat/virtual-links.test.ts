// A virtual service's join link reaches the client in chat: in the confirmation (or where it will
// show while it is being made), in /mybookings, and after a move.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ChatUser } from '../../src/chat/chat-types.ts';
import { appointments } from '../../src/db/schema/appointments.ts';
import { services } from '../../src/db/schema/providers.ts';
import {
  action,
  buttonData,
  type Catalog,
  type ChatHarness,
  chatUser,
  command,
  createChatHarness,
  say,
  seedCatalog,
  textOf,
} from './chat-harness.ts';

const LINK = 'https://meet.example.com/abc-defg-hij';

let h: ChatHarness;
let c: Catalog;
beforeAll(async () => {
  h = await createChatHarness();
  c = await seedCatalog(h);
  await h.db.db.insert(services).values({
    providerId: c.anna,
    name: 'Video call',
    durationMinutes: 30,
    price: 0,
    currency: 'EUR',
    isVirtual: true,
  });
});

/** Books Anna's `service` on Tue 1 Dec at `time` with buttons only; the Confirm reply. */
async function bookByButtons(user: ChatUser, service: string, time: string) {
  const who = await say(h, user, command('book'));
  const what = await say(h, user, action(buttonData(who, 'Anna Weber')));
  const day = await say(h, user, action(buttonData(what, new RegExp(`^${service}`))));
  const times = await say(h, user, action(buttonData(day, /^Tue 1 Dec/)));
  const summary = await say(h, user, action(buttonData(times, new RegExp(`^${time}`))));
  return say(h, user, action(buttonData(summary, 'Confirm')));
}

async function giveLink(): Promise<void> {
  // What the confirmation jobs do through ensureMeetingLink.
  await h.db.db.update(appointments).set({ meetingLink: LINK });
}

describe('a virtual appointment in chat', () => {
  let user: ChatUser;
  let booked: ChatMessage[];
  beforeAll(async () => {
    user = chatUser('v1', 'Vera', { timezone: 'Europe/Berlin' });
    booked = await bookByButtons(user, 'Video call', '10:00');
  });

  it('says in the confirmation where the link will show while it is being made', () => {
    expect(textOf(booked)).toContain('Booked: Video call with Anna Weber');
    expect(textOf(booked)).toContain('The video link is being made; /mybookings shows it');
  });

  it('shows the link in /mybookings once it is made, and after a move', async () => {
    await giveLink();
    const listed = await say(h, user, command('mybookings'));
    expect(textOf(listed)).toContain(`Join: ${LINK}`);
    const days = await say(h, user, action(buttonData(listed, 'Reschedule 1')));
    const times = await say(h, user, action(buttonData(days, /^Wed 2 Dec/)));
    const summary = await say(h, user, action(buttonData(times, /^11:00/)));
    const moved = textOf(await say(h, user, action(buttonData(summary, 'Confirm'))));
    expect(moved).toContain('Moved: Video call with Anna Weber');
    expect(moved).toContain('was Tue 1 Dec 2026, 10:00–10:30');
    expect(moved).toContain(`Join: ${LINK}`);
    expect(moved).not.toMatch(/\([^()]*\(/);
  });

  it('shows no join words for an appointment in person', async () => {
    const other = chatUser('v2', 'Otto', { timezone: 'Europe/Berlin' });
    const replies = await bookByButtons(other, 'Massage', '14:00');
    expect(textOf(replies)).toContain('Booked: Massage');
    expect(textOf(replies)).not.toMatch(/Join|video link/);
    const [row] = await h.db.db
      .select({ link: appointments.meetingLink })
      .from(appointments)
      .where(eq(appointments.serviceId, c.massage));
    expect(row?.link ?? null).toBeNull();
  });
});
