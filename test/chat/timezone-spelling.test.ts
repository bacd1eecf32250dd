// Chat keeps a time zone spelled as the user wrote it (only the case corrected), in the reply and
// in what it stores; a platform naming the same zone otherwise does not respell it.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { personaUser } from '../../bots/web/web-personas.ts';
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

async function storedZone(platformUserId: string): Promise<string | undefined> {
  const [row] = await h.db.db
    .select({ timezone: clients.timezone })
    .from(chatIdentities)
    .innerJoin(clients, eq(clients.id, chatIdentities.clientId))
    .where(eq(chatIdentities.platformUserId, platformUserId));
  return row?.timezone;
}

let users = 0;
const freshUser = (options: Parameters<typeof chatUser>[2] = {}) =>
  chatUser(`tz-${++users}`, 'Tess', options);

describe('/timezone', () => {
  it.each([
    ['asia/kolkata', 'Asia/Kolkata'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Asia/Calcutta', 'Asia/Calcutta'],
    ['Europe/Kyiv', 'Europe/Kyiv'],
    ['europe/kyiv', 'Europe/Kyiv'],
    ['europe/kiev', 'Europe/Kiev'],
    ['Kyiv', 'Europe/Kyiv'],
    ['kolkata', 'Asia/Kolkata'],
    ['nuuk', 'America/Nuuk'],
    ['america/port-au-prince', 'America/Port-au-Prince'],
    ['port au prince', 'America/Port-au-Prince'],
    ['utc', 'UTC'],
  ])('%j is answered and stored as %j', async (typed, zone) => {
    const user = freshUser();
    const replies = await say(h, user, command('timezone', typed));
    expect(textOf(replies)).toContain(`your time zone, ${zone}.`);
    expect(await storedZone(user.platformUserId)).toBe(zone);
    const shown = await say(h, user, command('timezone'));
    expect(textOf(shown)).toContain(`Your time zone is ${zone}.`);
  });
});

describe('the time zone question', () => {
  it('stores a typed answer as written', async () => {
    const user = freshUser();
    await say(h, user, command('book'));
    const replies = await say(h, user, text('asia/kolkata'));
    expect(textOf(replies)).toContain('your time zone, Asia/Kolkata.');
    expect(await storedZone(user.platformUserId)).toBe('Asia/Kolkata');
  });

  it('stores the Kolkata button as Asia/Kolkata', async () => {
    const user = freshUser();
    const asked = await say(h, user, command('book'));
    const replies = await say(h, user, action(buttonData(asked, 'Kolkata')));
    expect(textOf(replies)).toContain('your time zone, Asia/Kolkata.');
    expect(await storedZone(user.platformUserId)).toBe('Asia/Kolkata');
  });
});

describe('a zone the platform gives', () => {
  it.each([
    ['asia/kolkata', 'Asia/Kolkata'],
    ['Europe/Kyiv', 'Europe/Kyiv'],
    ['Asia/Calcutta', 'Asia/Calcutta'],
  ])('%j is stored as %j', async (given, zone) => {
    const user = freshUser({ platform: 'slack', timezone: given });
    await say(h, user, command('help'));
    expect(await storedZone(user.platformUserId)).toBe(zone);
  });

  it('does not respell the zone the user chose when the platform names it otherwise', async () => {
    const user = freshUser({ platform: 'web', timezone: 'Asia/Calcutta' });
    await say(h, user, command('timezone', 'asia/kolkata'));
    expect(await storedZone(user.platformUserId)).toBe('Asia/Kolkata');
    const shown = await say(h, user, command('timezone'));
    expect(textOf(shown)).toContain('Your time zone is Asia/Kolkata.');
    await say(h, { ...user, timezone: 'Europe/Kiev' }, command('help'));
    expect(await storedZone(user.platformUserId)).toBe('Asia/Kolkata');
  });

  it.each([
    ['asia/kolkata', 'Asia/Kolkata'],
    ['Europe/Kyiv', 'Europe/Kyiv'],
    ['Mars/Olympus', null],
  ])('the web chat passes the browser zone %j on as %j', (given, zone) => {
    const guest = { kind: 'client', id: 'guest-0123abcd', displayName: 'Guest' } as const;
    expect(personaUser(guest, given).timezone).toBe(zone);
  });
});
