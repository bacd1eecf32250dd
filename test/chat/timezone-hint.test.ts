// A platform's time zone hint fills a zone the user never set, says so once, and never replaces
// a zone the user chose (with /timezone or the time zone question).
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
  seedCatalog,
  text,
  textOf,
} from './chat-harness.ts';

let h: ChatHarness;
beforeAll(async () => {
  h = await createChatHarness();
  await seedCatalog(h);
});

async function stored(platformUserId: string) {
  const [row] = await h.db.db
    .select({ timezone: clients.timezone, source: clients.timezoneSource })
    .from(chatIdentities)
    .innerJoin(clients, eq(clients.id, chatIdentities.clientId))
    .where(eq(chatIdentities.platformUserId, platformUserId));
  return row;
}

const NOTE = /from your browser; \/timezone to change/;

describe('a platform time zone hint', () => {
  it('fills an unset zone and says so once', async () => {
    const user = chatUser('hint-1', 'Ines', { platform: 'web', timezone: 'Europe/Berlin' });
    const first = await say(h, user, command('start'));
    expect(textOf(first)).toContain(
      "I'm using Europe/Berlin from your browser; /timezone to change.",
    );
    expect(textOf(first)).not.toContain('Which time zone are you in?');
    expect(await stored('hint-1')).toEqual({ timezone: 'Europe/Berlin', source: 'hint' });
    for (const input of [command('help'), text('hello'), command('mybookings')]) {
      expect(textOf(await say(h, user, input))).not.toMatch(NOTE);
    }
  });

  it('names the Slack profile as the source on Slack', async () => {
    const user = chatUser('UHINT2', 'Jon', { platform: 'slack', timezone: 'Asia/Tokyo' });
    const replies = await say(h, user, command('help'));
    expect(textOf(replies)).toContain("I'm using Asia/Tokyo from your Slack profile");
  });

  it('keeps a zone chosen with /timezone when later events carry another hint', async () => {
    const user = chatUser('hint-3', 'Kai', { platform: 'web', timezone: 'Europe/Berlin' });
    await say(h, user, command('start'));
    const set = await say(h, user, command('timezone', 'Tokyo'));
    expect(textOf(set)).toContain('Asia/Tokyo');
    for (const input of [text('hi'), command('help'), command('book')]) {
      expect(textOf(await say(h, user, input))).not.toMatch(NOTE);
      expect(await stored('hint-3')).toEqual({ timezone: 'Asia/Tokyo', source: 'user' });
    }
    const shown = await say(h, user, command('timezone'));
    expect(textOf(shown)).toContain('Your time zone is Asia/Tokyo.');
  });

  it('keeps a zone answered to the time zone question when a hint arrives later', async () => {
    const user = chatUser('hint-4', 'Lea', { platform: 'web' });
    const asked = await say(h, user, command('book'));
    await say(h, user, action(buttonData(asked, 'London')));
    await say(h, { ...user, timezone: 'Europe/Berlin' }, command('help'));
    expect(await stored('hint-4')).toEqual({ timezone: 'Europe/London', source: 'user' });
  });

  it('follows a changed hint while the user has not chosen, noting the change', async () => {
    const user = chatUser('hint-5', 'Max', { platform: 'web', timezone: 'Europe/Berlin' });
    await say(h, user, command('help'));
    const moved = await say(h, { ...user, timezone: 'America/New_York' }, command('help'));
    expect(textOf(moved)).toContain("I'm using America/New_York from your browser");
    expect(await stored('hint-5')).toEqual({ timezone: 'America/New_York', source: 'hint' });
  });
});
