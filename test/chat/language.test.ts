// Which language each person is answered in (choice, platform hint, stored, DEFAULT_LANGUAGE),
// /language by button and typed, and the language kept on their client and provider rows.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatUser } from '../../src/chat/chat-types.ts';
import { chatIdentities } from '../../src/db/schema/chat.ts';
import { clients } from '../../src/db/schema/clients.ts';
import { providers } from '../../src/db/schema/providers.ts';
import type { Platform } from '../../src/domain/platforms.ts';
import {
  action,
  allButtons,
  buttonData,
  type ChatHarness,
  chatUser,
  command,
  createChatHarness,
  say,
  seedCatalog,
  textOf,
} from './chat-harness.ts';

let h: ChatHarness;
let annaId: string;
beforeAll(async () => {
  h = await createChatHarness();
  annaId = (await seedCatalog(h)).anna;
});

const SPEAKS_ENGLISH = 'I speak English with you. Pick a language:';
const SPEAKS_GERMAN = 'Ich spreche Deutsch mit Ihnen. Wählen Sie eine Sprache:';

let users = 0;
/** A fresh user on `platform` with the platform's language hint `locale` (undefined: none). */
function person(platform: Platform, locale?: string, timezone: string | null = null): ChatUser {
  users += 1;
  const user = chatUser(`lang-${users}`, `Person ${users}`, { platform, timezone });
  return locale === undefined ? user : { ...user, locale };
}

/** What /language says the user is spoken to in now. */
async function spoken(user: ChatUser): Promise<string> {
  return textOf(await say(h, user, command('language')));
}

async function identityRow(user: ChatUser) {
  const [row] = await h.db.db
    .select()
    .from(chatIdentities)
    .where(eq(chatIdentities.platformUserId, user.platformUserId));
  if (!row) throw new Error('no identity');
  return row;
}

async function clientLanguage(user: ChatUser): Promise<string | null | undefined> {
  const { clientId } = await identityRow(user);
  if (clientId === null) return undefined;
  const [row] = await h.db.db.select().from(clients).where(eq(clients.id, clientId));
  return row?.language;
}

async function providerLanguage(): Promise<string | null | undefined> {
  const [row] = await h.db.db.select().from(providers).where(eq(providers.id, annaId));
  return row?.language;
}

describe("the platform's language hint", () => {
  it.each([
    ['telegram', 'de', SPEAKS_GERMAN],
    ['discord', 'de', SPEAKS_GERMAN],
    ['slack', 'de-DE', SPEAKS_GERMAN],
    ['web', 'de-AT', SPEAKS_GERMAN],
    ['telegram', 'en', SPEAKS_ENGLISH],
    ['discord', 'en-US', SPEAKS_ENGLISH],
    ['web', 'fr-FR', SPEAKS_ENGLISH],
    ['slack', undefined, SPEAKS_ENGLISH],
  ] as const)('on %s, %s gives: %s', async (platform, locale, expected) => {
    expect(await spoken(person(platform, locale))).toBe(expected);
  });

  it('offers a button per language, the spoken one marked', async () => {
    const replies = await say(h, person('telegram', 'de'), command('language'));
    expect(allButtons(replies).map((b) => [b.label, b.style])).toEqual([
      ['English', 'default'],
      ['Deutsch', 'primary'],
    ]);
  });
});

describe('/language', () => {
  it('beats the hint, by button, and answers in the new language', async () => {
    const user = person('telegram', 'de');
    const replies = await say(h, user, command('language'));
    const chosen = await say(h, user, action(buttonData(replies, 'English')));
    expect(textOf(chosen)).toBe("I'll speak English with you now.");
    expect(await spoken(user)).toBe(SPEAKS_ENGLISH);
    expect((await identityRow(user)).language).toBe('en');
  });

  it.each([['de'], ['deutsch'], ['DEUTSCH'], ['de-CH']])('accepts %s typed', async (typed) => {
    const user = person('discord', 'en-US');
    const chosen = await say(h, user, command('language', typed));
    expect(textOf(chosen)).toBe('Ich spreche jetzt Deutsch mit Ihnen.');
    expect(await spoken(user)).toBe(SPEAKS_GERMAN);
  });

  it.each([
    ['a stale button', action('do:language:xx'), "I don't speak “xx”. Pick a language:"],
    [
      'an unknown name',
      command('language', 'klingon'),
      "I don't speak “klingon”. Pick a language:",
    ],
  ])('answers %s plainly with the buttons again', async (_, input, expected) => {
    const user = person('telegram');
    const replies = await say(h, user, input);
    expect(textOf(replies)).toBe(expected);
    expect(allButtons(replies).map((b) => b.label)).toEqual(['English', 'Deutsch']);
    expect((await identityRow(user)).language).toBeNull();
  });

  it('answers an unknown name in the language spoken so far', async () => {
    const replies = await say(h, person('web', 'de'), command('language', 'fr'));
    expect(textOf(replies)).toBe('„fr“ spreche ich nicht. Wählen Sie eine Sprache:');
  });

  it('stores the choice on the client and the provider too', async () => {
    const user = person('web', undefined, 'Europe/Berlin');
    await say(h, user, command('help'));
    await h.db.db
      .update(chatIdentities)
      .set({ providerId: annaId })
      .where(eq(chatIdentities.platformUserId, user.platformUserId));
    await say(h, user, command('language', 'de'));
    expect(await clientLanguage(user)).toBe('de');
    expect(await providerLanguage()).toBe('de');
    await say(h, user, command('language', 'en'));
    expect(await clientLanguage(user)).toBe('en');
    expect(await providerLanguage()).toBe('en');
  });
});

describe('the stored language', () => {
  it('outlives the hint: a message without one keeps the language an earlier one gave', async () => {
    const withHint = person('web', 'de', 'Europe/Berlin');
    await say(h, withHint, command('help'));
    expect(await clientLanguage(withHint)).toBe('de');
    // A Discord DM, say: the same person, no hint.
    const { locale: _, ...withoutHint } = withHint;
    expect(await spoken(withoutHint)).toBe(SPEAKS_GERMAN);
    expect(await clientLanguage(withoutHint)).toBe('de');
  });

  it('follows a new hint when there is no choice', async () => {
    const user = person('web', 'de', 'Europe/Berlin');
    await say(h, user, command('help'));
    await say(h, { ...user, locale: 'en-GB' }, command('help'));
    expect(await clientLanguage(user)).toBe('en');
  });

  it('is written to the provider of a linked identity', async () => {
    const user = person('slack', 'de-DE');
    await say(h, user, command('help'));
    await h.db.db
      .update(chatIdentities)
      .set({ providerId: annaId })
      .where(eq(chatIdentities.platformUserId, user.platformUserId));
    await h.db.db.update(providers).set({ language: null }).where(eq(providers.id, annaId));
    await say(h, user, command('help'));
    expect(await providerLanguage()).toBe('de');
  });

  it('is given to a client made by answering the time zone question', async () => {
    const user = person('telegram', 'de');
    const asked = await say(h, user, command('book'));
    expect(await clientLanguage(user)).toBeUndefined();
    await say(h, user, action(buttonData(asked, /London/)));
    expect(await clientLanguage(user)).toBe('de');
  });
});

describe('DEFAULT_LANGUAGE', () => {
  it('speaks to someone with no choice, hint or stored language', async () => {
    const german = { ...h, deps: { ...h.deps, defaultLanguage: 'de' as const } };
    const replies = await say(german, person('telegram'), command('language'));
    expect(textOf(replies)).toBe(SPEAKS_GERMAN);
    const hinted = await say(german, person('telegram', 'en'), command('language'));
    expect(textOf(hinted)).toBe(SPEAKS_ENGLISH);
  });
});
