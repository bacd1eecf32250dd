// First contact: the client is made, the time zone asked once (or taken from the platform), and
// what the user asked for carries on.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { chatIdentities } from '../../src/db/schema/chat.ts';
import { clients } from '../../src/db/schema/clients.ts';
import {
  action,
  buttonData,
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
beforeAll(async () => {
  h = await createChatHarness();
  await seedCatalog(h);
});

async function identityOf(platformUserId: string) {
  const [row] = await h.db.db
    .select()
    .from(chatIdentities)
    .where(eq(chatIdentities.platformUserId, platformUserId));
  return row;
}

async function clientOf(platformUserId: string) {
  const identity = await identityOf(platformUserId);
  if (!identity?.clientId) return undefined;
  const [row] = await h.db.db.select().from(clients).where(eq(clients.id, identity.clientId));
  return row;
}

describe('first contact', () => {
  it('greets, lists the commands and asks the time zone with common choices', async () => {
    const user = chatUser('100', 'Cleo');
    const replies = await say(h, user, command('start'));
    expect(replies).toHaveLength(1);
    const [reply] = replies;
    expect(reply?.text).toContain('Hi Cleo!');
    expect(reply?.text).toContain('/book');
    expect(reply?.text).toContain('/mybookings');
    expect(reply?.text).toContain('Which time zone are you in?');
    expect(reply?.replace).toBe(false);
    const labels = reply?.buttons.flat().map((b) => b.label);
    expect(labels).toEqual(['London', 'Berlin', 'New York', 'Los Angeles', 'Kolkata', 'Sydney']);
    expectWithinLimits(replies);
    expect(await identityOf('100')).toMatchObject({ platform: 'telegram', displayName: 'Cleo' });
  });

  it('takes a typed city, makes the client with that zone, and says what to do next', async () => {
    const user = chatUser('101', 'Dan');
    await say(h, user, text('hello'));
    expect(await clientOf('101')).toBeUndefined();
    const unknown = await say(h, user, text('Atlantis'));
    expect(textOf(unknown)).toContain('I don\'t know "Atlantis"');
    expect(textOf(unknown)).toContain('Which time zone');
    const replies = await say(h, user, text('new york'));
    expect(textOf(replies)).toContain('America/New_York');
    expect(textOf(replies)).toContain('/book');
    expect(await clientOf('101')).toMatchObject({ name: 'Dan', timezone: 'America/New_York' });
    // Asked once: the next message is not a time zone question.
    const later = await say(h, user, text('hi again'));
    expect(textOf(later)).not.toContain('Which time zone');
    expect(textOf(later)).toContain('/help');
  });

  it('carries on with /book once a time zone button is pressed', async () => {
    const user = chatUser('102', 'Eve');
    const asked = await say(h, user, command('book'));
    const replies = await say(h, user, action(buttonData(asked, 'Berlin')));
    expect(replies[0]?.replace).toBe(true);
    expect(replies[0]?.text).toContain('Europe/Berlin');
    expect(replies[1]?.text).toContain('Who would you like to book?');
    expect(replies[1]?.replace).toBe(false);
    expect(await clientOf('102')).toMatchObject({ timezone: 'Europe/Berlin' });
  });

  it('takes the zone the platform gives and asks nothing', async () => {
    const user = chatUser('U200', 'Fay', { platform: 'slack', timezone: 'america/los_angeles' });
    const replies = await say(h, user, command('book'));
    expect(textOf(replies)).toContain('Who would you like to book?');
    expect(textOf(replies)).not.toContain('time zone are you in');
    expect(await clientOf('U200')).toMatchObject({ name: 'Fay', timezone: 'America/Los_Angeles' });
  });

  it('follows a changed platform zone', async () => {
    const user = chatUser('U201', 'Gus', { platform: 'slack', timezone: 'Europe/London' });
    await say(h, user, command('help'));
    await say(h, { ...user, timezone: 'Asia/Tokyo' }, command('help'));
    expect(await clientOf('U201')).toMatchObject({ timezone: 'Asia/Tokyo' });
  });

  it('answers free text outside a flow, unknown commands and /help with a way on', async () => {
    const user = chatUser('103', 'Hal', { timezone: 'Europe/London' });
    expect(textOf(await say(h, user, text('what can you do?')))).toContain('/book');
    expect(textOf(await say(h, user, command('frobnicate')))).toContain("I don't know /frobnicate");
    const help = textOf(await say(h, user, command('help')));
    for (const c of ['/book', '/mybookings', '/help', '/link']) expect(help).toContain(c);
  });

  it('keeps NUL characters and overlong input from reaching the database', async () => {
    const user = chatUser('104\u0000', 'N\u0000ul', { timezone: 'Europe/London' });
    const replies = await say(h, user, text(`x\u0000${'y'.repeat(5000)}`));
    expect(textOf(replies)).toContain('/book');
    expect(await identityOf('104')).toMatchObject({ displayName: 'Nul' });
  });
});

describe('/timezone', () => {
  it('sets the zone from a typed city, shows it, and refuses unknown places', async () => {
    const user = chatUser('190', 'Tara');
    await say(h, user, command('timezone', 'new york'));
    expect((await clientOf('190'))?.timezone).toBe('America/New_York');
    const shown = await say(h, user, command('timezone'));
    expect(textOf(shown)).toContain('Your time zone is America/New_York.');
    const unknown = await say(h, user, command('timezone', 'Atlantis'));
    expect(textOf(unknown)).toContain('I don\'t know "Atlantis"');
    await say(h, user, command('timezone', 'Tokyo'));
    expect((await clientOf('190'))?.timezone).toBe('Asia/Tokyo');
  });
});
