// Telegram's menu is the registry's, within Telegram's limits for setMyCommands.
import { describe, expect, it } from 'vitest';
import { telegramCommands } from '../../../bots/telegram/telegram-commands.ts';
import { COMMAND_NAMES, commandInfo } from '../../../src/chat/chat-commands.ts';

const TELEGRAM_COMMANDS = telegramCommands();

describe('telegramCommands with every setting', () => {
  it.each(COMMAND_NAMES)('lists /%s as the registry says, within the limits', (name) => {
    const info = commandInfo(name);
    const entry = TELEGRAM_COMMANDS.find((c) => c.command === name);
    if (!info.menus.includes('telegram')) {
      expect(entry).toBeUndefined();
      return;
    }
    const prefix = info.audience === 'providers' ? 'Providers: ' : '';
    expect(entry).toEqual({ command: name, description: `${prefix}${info.description}` });
    expect(name).toMatch(/^[a-z0-9_]{1,32}$/);
    expect(entry?.description.length).toBeGreaterThanOrEqual(1);
    expect(entry?.description.length).toBeLessThanOrEqual(256);
  });

  it('lists nothing the registry lacks, /start first', () => {
    expect(TELEGRAM_COMMANDS.map((c) => c.command)).toEqual(
      COMMAND_NAMES.filter((name) => commandInfo(name).menus.includes('telegram')),
    );
    expect(TELEGRAM_COMMANDS[0]?.command).toBe('start');
  });
});
