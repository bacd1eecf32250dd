// /email: a client sees, sets, changes and removes the address for confirmations and reminders;
// the address is never logged.
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
  say,
  text,
  textOf,
} from './chat-harness.ts';

let h: ChatHarness;
beforeAll(async () => {
  h = await createChatHarness();
});

async function clientOf(platformUserId: string) {
  const [identity] = await h.db.db
    .select()
    .from(chatIdentities)
    .where(eq(chatIdentities.platformUserId, platformUserId));
  if (!identity?.clientId) return undefined;
  const [row] = await h.db.db.select().from(clients).where(eq(clients.id, identity.clientId));
  return row;
}

/** A client in Berlin, known from the platform's time zone. */
function berliner(platformUserId: string) {
  return chatUser(platformUserId, 'Ada', { platform: 'slack', timezone: 'Europe/Berlin' });
}

describe('/email', () => {
  it('sets the address, confirms it in full and stores it', async () => {
    const user = berliner('e1');
    const replies = await say(h, user, command('email', 'ada@example.com'));
    expect(replies).toHaveLength(1);
    expect(textOf(replies)).toContain("I'll send confirmations and reminders to ada@example.com");
    expect((await clientOf('e1'))?.email).toBe('ada@example.com');
  });

  it('shows the current address and how to change it', async () => {
    const user = berliner('e2');
    const none = textOf(await say(h, user, command('email')));
    expect(none).toContain("haven't set an email address");
    expect(none).toContain('/email ada@example.com');
    await say(h, user, command('email', 'ada@example.com'));
    const shown = textOf(await say(h, user, command('email')));
    expect(shown).toContain('ada@example.com');
    expect(shown).toContain('/email off');
  });

  it('changes the address', async () => {
    const user = berliner('e3');
    await say(h, user, command('email', 'old@example.com'));
    const replies = await say(h, user, command('email', 'new.address@example.org'));
    expect(textOf(replies)).toContain('new.address@example.org');
    expect((await clientOf('e3'))?.email).toBe('new.address@example.org');
  });

  it('takes an address Slack sent as a mailto link', async () => {
    const user = berliner('e4');
    await say(h, user, command('email', '<mailto:ada@example.com|ada@example.com>'));
    expect((await clientOf('e4'))?.email).toBe('ada@example.com');
  });

  it('removes the address with off, and says so when there is none', async () => {
    const user = berliner('e5');
    await say(h, user, command('email', 'ada@example.com'));
    const removed = textOf(await say(h, user, command('email', 'OFF')));
    expect(removed).toContain("won't send you emails");
    expect((await clientOf('e5'))?.email).toBeNull();
    const again = textOf(await say(h, user, command('email', 'off')));
    expect(again).toContain('nothing to remove');
    expect((await clientOf('e5'))?.email).toBeNull();
  });

  it.each([
    ['no at sign', 'ada.example.com'],
    ['no domain', 'ada@'],
    ['two addresses', 'ada@example.com bob@example.com'],
    ['an overlong address', `${'a'.repeat(320)}@example.com`],
  ])('refuses %s with the way on, keeping the stored address', async (_, typed) => {
    const user = berliner(`e6-${typed.length}`);
    await say(h, user, command('email', 'kept@example.com'));
    const reply = textOf(await say(h, user, command('email', typed)));
    expect(reply).toContain("doesn't look like an email address");
    expect(reply).toContain('/email ada@example.com');
    expect((await clientOf(`e6-${typed.length}`))?.email).toBe('kept@example.com');
  });

  it('asks the time zone first, then sets the address', async () => {
    const user = chatUser('e7', 'Bea');
    const asked = await say(h, user, command('email', 'bea@example.com'));
    expect(textOf(asked)).toContain('Which time zone are you in?');
    expect(await clientOf('e7')).toBeUndefined();
    const replies = await say(h, user, action(buttonData(asked, 'London')));
    expect(textOf(replies)).toContain('Europe/London');
    expect(textOf(replies)).toContain("I'll send confirmations and reminders to bea@example.com");
    expect(await clientOf('e7')).toMatchObject({
      name: 'Bea',
      timezone: 'Europe/London',
      email: 'bea@example.com',
    });
  });

  it('asks the time zone first for a bare /email, then shows that none is set', async () => {
    const user = chatUser('e8', 'Cy');
    await say(h, user, command('email'));
    const replies = await say(h, user, text('Tokyo'));
    expect(textOf(replies)).toContain('Asia/Tokyo');
    expect(textOf(replies)).toContain("haven't set an email address");
    expect((await clientOf('e8'))?.email).toBeNull();
  });

  it('lists /email in the help', async () => {
    const help = textOf(await say(h, berliner('e9'), command('help')));
    expect(help).toContain('/email');
  });

  it('never logs an address', async () => {
    const logged = JSON.stringify(h.logs);
    for (const local of ['ada@', 'bea@', 'kept@', 'new.address@']) {
      expect(logged).not.toContain(local);
    }
  });
});
