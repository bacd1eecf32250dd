// The command registry: every entry is complete (the compiler's part), fits every platform's
// limits, and /help lists it for its audience.
import { describe, expect, it } from 'vitest';
import { discordCommandBodies } from '../../bots/discord/discord-commands.ts';
import { telegramMenus } from '../../bots/telegram/telegram-commands.ts';
import type { CommandInfo } from '../../src/chat/chat-command-types.ts';
import {
  CHAT_COMMANDS,
  COMMAND_NAMES,
  commandInfo,
  commandText,
} from '../../src/chat/chat-commands.ts';
import { COMMAND_HANDLERS, type CommandHandlers } from '../../src/chat/command-handlers.ts';
import { menuCommands } from '../../src/chat/command-menus.ts';
import { EVERY_SETTING } from '../../src/chat/command-settings.ts';
import { clientHelp, providerHelp } from '../../src/chat/help-text.ts';
import { LANGUAGE_CODES } from '../../src/i18n/languages.ts';
import { translatorFor } from '../../src/i18n/translator.ts';

const en = translatorFor('en');
const de = translatorFor('de');

describe('the registry', () => {
  it('has a handler for exactly its commands', () => {
    expect(Object.keys(COMMAND_HANDLERS).sort()).toEqual([...COMMAND_NAMES].sort());
    expect(COMMAND_NAMES).toEqual(Object.keys(CHAT_COMMANDS));
  });

  it('makes an incomplete command or a missing handler a compile error', () => {
    // tsc checks these lines (test/ is in tsconfig.json); vitest only runs them.
    // @ts-expect-error a command needs a description
    const noDescription: CommandInfo = {
      audience: 'everyone',
      help: [],
      needs: [],
      argument: null,
      menus: [],
    };
    const { book: _book, ...withoutBook } = COMMAND_HANDLERS;
    // @ts-expect-error every registered command needs a handler
    const missingHandler: CommandHandlers = withoutBook;
    const extraHandler: CommandHandlers = {
      ...COMMAND_HANDLERS,
      // @ts-expect-error a handler for a command the registry lacks
      frobnicate: COMMAND_HANDLERS.help,
    };
    expect([noDescription, missingHandler, extraHandler]).toHaveLength(3);
  });

  const everyCommandInEveryLanguage = LANGUAGE_CODES.flatMap((lang) =>
    COMMAND_NAMES.map((name) => [name, lang] as const),
  );
  it.each(everyCommandInEveryLanguage)('/%s fits every platform in %s', (name, lang) => {
    const t = translatorFor(lang);
    const info = commandInfo(name);
    expect(name).toMatch(/^[a-z0-9_]{1,32}$/);
    const description = commandText(t, info.description);
    // The "Providers: " prefix must still fit Discord's 100.
    expect(description.length).toBeGreaterThan(2);
    expect(t.t('commands.forProviders', { description }).length).toBeLessThanOrEqual(100);
    if (info.argument !== null) {
      expect(info.argument.name).toMatch(/^[a-z0-9_-]{1,32}$/);
      expect(commandText(t, info.argument.description).length).toBeGreaterThan(0);
      expect(commandText(t, info.argument.description).length).toBeLessThanOrEqual(100);
      expect(commandText(t, info.argument.hint).length).toBeGreaterThan(0);
    }
  });
});

describe('/help', () => {
  const helpCases = LANGUAGE_CODES.flatMap((lang) =>
    COMMAND_NAMES.map((name) => [name, lang] as const),
  );
  it.each(helpCases)('lists /%s for its audience in %s', (name, lang) => {
    const t = translatorFor(lang);
    const info = commandInfo(name);
    for (const line of info.help.map((text) => commandText(t, text))) {
      expect(line.startsWith(`/${name}`)).toBe(true);
      expect(providerHelp(t, EVERY_SETTING)).toContain(line);
      if (info.audience === 'providers') expect(clientHelp(t, EVERY_SETTING)).not.toContain(line);
      else expect(clientHelp(t, EVERY_SETTING)).toContain(line);
    }
    if (info.audience === 'providers') {
      expect(clientHelp(t, EVERY_SETTING)).not.toContain(`/${name}`);
    }
  });

  it('speaks German to a German reader: intro, provider heading, lines', () => {
    const help = providerHelp(de, EVERY_SETTING);
    expect(help.split('\n')[0]).toBe(de.t('help.intro'));
    expect(help).toContain(de.t('help.forProviders'));
    expect(help).toContain('/connect google oder /connect outlook');
    expect(help).toContain('Apple-Kalender oder CalDAV-Kalender');
    expect(help).not.toContain(en.t('help.intro'));
  });

  it('greets a stranger by name on the first line', () => {
    const help = clientHelp(de, EVERY_SETTING, 'Cleo');
    expect(help.split('\n')[0]).toBe(de.t('help.helloIntro', { name: 'Cleo' }));
    expect(help.split('\n')[0]).toContain('Cleo');
  });

  it('lists every command but /start, which opens the chat', () => {
    const listed = COMMAND_NAMES.filter((name) => commandInfo(name).help.length > 0);
    expect(listed).toEqual(COMMAND_NAMES.filter((name) => name !== 'start'));
  });

  it('names the calendars from the calendar kinds: OAuth ones by command, Apple via the admin', () => {
    expect(providerHelp(en, EVERY_SETTING)).toContain(
      '/connect google or /connect outlook: sync your calendar both ways; Apple calendars or CalDAV calendars are connected by your admin',
    );
    expect(providerHelp(en, EVERY_SETTING)).toContain('/disconnect');
    expect(clientHelp(en, EVERY_SETTING)).toContain('/link CODE');
  });
});

describe('a server without calendar sync', () => {
  const none = new Set<never>();
  it('leaves /connect and /disconnect out of /help', () => {
    expect(providerHelp(en, none)).not.toContain('/connect');
    expect(providerHelp(en, none)).not.toContain('/disconnect');
    expect(providerHelp(en, none)).toContain('/today');
  });

  it.each(['telegram', 'discord', 'slack'] as const)('leaves them out of the %s menu', (menu) => {
    const names = menuCommands(en, menu, none).map((c) => c.name);
    expect(names).not.toContain('connect');
    expect(names).not.toContain('disconnect');
    expect(names).toContain('book');
    expect(menuCommands(en, menu).map((c) => c.name)).toContain('connect');
  });

  it('gives Telegram and Discord menus without them', () => {
    for (const menu of telegramMenus(none)) {
      expect(menu.commands.map((c) => c.command)).not.toContain('connect');
    }
    expect(discordCommandBodies(none).map((c) => c.name)).not.toContain('disconnect');
  });
});
