// The command registry: every entry is complete (the compiler's part), fits every platform's
// limits, and /help lists it for its audience.
import { describe, expect, it } from 'vitest';
import { discordCommandBodies } from '../../bots/discord/discord-commands.ts';
import { telegramCommands } from '../../bots/telegram/telegram-commands.ts';
import type { CommandInfo } from '../../src/chat/chat-command-types.ts';
import { CHAT_COMMANDS, COMMAND_NAMES, commandInfo } from '../../src/chat/chat-commands.ts';
import { COMMAND_HANDLERS, type CommandHandlers } from '../../src/chat/command-handlers.ts';
import { menuCommands } from '../../src/chat/command-menus.ts';
import { EVERY_SETTING } from '../../src/chat/command-settings.ts';
import { clientHelp, providerHelp } from '../../src/chat/help-text.ts';

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

  it.each(COMMAND_NAMES)('/%s fits every platform: names, descriptions, options', (name) => {
    const info = commandInfo(name);
    expect(name).toMatch(/^[a-z0-9_]{1,32}$/);
    // 90 leaves room for the "Providers: " prefix within Discord's 100.
    expect(info.description.length).toBeGreaterThan(2);
    expect(info.description.length).toBeLessThanOrEqual(90);
    if (info.argument !== null) {
      expect(info.argument.name).toMatch(/^[a-z0-9_-]{1,32}$/);
      expect(info.argument.description.length).toBeGreaterThan(0);
      expect(info.argument.description.length).toBeLessThanOrEqual(100);
      expect(info.argument.hint.length).toBeGreaterThan(0);
    }
  });
});

describe('/help', () => {
  it.each(COMMAND_NAMES)('lists /%s for its audience', (name) => {
    const info = commandInfo(name);
    for (const line of info.help) {
      expect(line.startsWith(`/${name}`)).toBe(true);
      expect(providerHelp(EVERY_SETTING)).toContain(line);
      if (info.audience === 'providers') expect(clientHelp(EVERY_SETTING)).not.toContain(line);
      else expect(clientHelp(EVERY_SETTING)).toContain(line);
    }
    if (info.audience === 'providers') expect(clientHelp(EVERY_SETTING)).not.toContain(`/${name}`);
  });

  it('lists every command but /start, which opens the chat', () => {
    const listed = COMMAND_NAMES.filter((name) => commandInfo(name).help.length > 0);
    expect(listed).toEqual(COMMAND_NAMES.filter((name) => name !== 'start'));
  });

  it('names the calendars from the calendar kinds: OAuth ones by command, Apple via the admin', () => {
    expect(providerHelp(EVERY_SETTING)).toContain(
      '/connect google or /connect outlook: sync your calendar both ways; Apple calendars or CalDAV calendars are connected by your admin',
    );
    expect(providerHelp(EVERY_SETTING)).toContain('/disconnect');
    expect(clientHelp(EVERY_SETTING)).toContain('/link CODE');
  });
});

describe('a server without calendar sync', () => {
  const none = new Set<never>();
  it('leaves /connect and /disconnect out of /help', () => {
    expect(providerHelp(none)).not.toContain('/connect');
    expect(providerHelp(none)).not.toContain('/disconnect');
    expect(providerHelp(none)).toContain('/today');
  });

  it.each(['telegram', 'discord', 'slack'] as const)('leaves them out of the %s menu', (menu) => {
    const names = menuCommands(menu, none).map((c) => c.name);
    expect(names).not.toContain('connect');
    expect(names).not.toContain('disconnect');
    expect(names).toContain('book');
    expect(menuCommands(menu).map((c) => c.name)).toContain('connect');
  });

  it('gives Telegram and Discord menus without them', () => {
    expect(telegramCommands(none).map((c) => c.command)).not.toContain('connect');
    expect(discordCommandBodies(none).map((c) => c.name)).not.toContain('disconnect');
  });
});
