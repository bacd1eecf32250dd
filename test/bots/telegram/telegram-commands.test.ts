// Telegram's menu is the registry's, within Telegram's limits for setMyCommands, in every language.
import { describe, expect, it } from 'vitest';
import { telegramMenus } from '../../../bots/telegram/telegram-commands.ts';
import { COMMAND_NAMES, commandInfo, commandText } from '../../../src/chat/chat-commands.ts';
import { LANGUAGE_CODES } from '../../../src/i18n/languages.ts';
import { translatorFor } from '../../../src/i18n/translator.ts';

/** The menu registered for `lang` (the default one for English). */
function menuOf(lang: string) {
  const menu = telegramMenus().find((m) => (m.language ?? 'en') === lang);
  if (!menu) throw new Error(`no Telegram menu for ${lang}`);
  return menu.commands;
}

describe.each(LANGUAGE_CODES)('the Telegram menu in %s with every setting', (lang) => {
  const t = translatorFor(lang);
  const commands = menuOf(lang);

  it.each(COMMAND_NAMES)('lists /%s as the registry says, within the limits', (name) => {
    const info = commandInfo(name);
    const entry = commands.find((c) => c.command === name);
    if (!info.menus.includes('telegram')) {
      expect(entry).toBeUndefined();
      return;
    }
    const description = commandText(t, info.description);
    const expected =
      info.audience === 'providers' ? t.t('commands.forProviders', { description }) : description;
    expect(entry).toEqual({ command: name, description: expected });
    expect(name).toMatch(/^[a-z0-9_]{1,32}$/);
    expect(entry?.description.length).toBeGreaterThanOrEqual(1);
    expect(entry?.description.length).toBeLessThanOrEqual(256);
  });

  it('lists nothing the registry lacks, /start first', () => {
    expect(commands.map((c) => c.command)).toEqual(
      COMMAND_NAMES.filter((name) => commandInfo(name).menus.includes('telegram')),
    );
    expect(commands[0]?.command).toBe('start');
  });
});

describe('telegramMenus', () => {
  it('gives the English menu as the default and one per other language by its code', () => {
    const menus = telegramMenus();
    expect(menus.map((m) => m.language)).toEqual([null, 'de']);
    expect(menus[0]?.commands.map((c) => c.description)).toContain(
      translatorFor('en').t('commands.book'),
    );
    expect(menus[1]?.commands.map((c) => c.description)).toContain(
      translatorFor('de').t('commands.book'),
    );
  });

  it('keeps the English descriptions as they were', () => {
    const book = telegramMenus()[0]?.commands.find((c) => c.command === 'book');
    expect(book?.description).toBe('Book an appointment');
    const today = telegramMenus()[0]?.commands.find((c) => c.command === 'today');
    expect(today?.description).toBe('Providers: today’s appointments');
  });
});
