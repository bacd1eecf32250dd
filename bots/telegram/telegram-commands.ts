// The slash commands Telegram shows in its menu, registered with setMyCommands at startup.
import type { BotCommand } from 'grammy/types';
import { type MenuSettings, menuCommands } from '../../src/chat/command-menus.ts';

/**
 * The registry's Telegram menu for a server with `settings` (every command without them).
 * Telegram takes names of a-z, 0-9 and _ (at most 32) and descriptions of 1 to 256 characters;
 * the command tests hold the registry to that.
 */
export function telegramCommands(settings?: MenuSettings): BotCommand[] {
  return menuCommands('telegram', settings).map(({ name, description }) => ({
    command: name,
    description,
  }));
}
