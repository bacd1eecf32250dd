// The slash commands Telegram shows in its menu, registered with setMyCommands at startup.
import type { BotCommand } from 'grammy/types';
import { menuCommands } from '../../src/chat/command-menus.ts';

/**
 * The registry's Telegram menu. Telegram takes names of a-z, 0-9 and _ (at most 32) and
 * descriptions of 1 to 256 characters; the command tests hold the registry to that.
 */
export const TELEGRAM_COMMANDS: readonly BotCommand[] = menuCommands('telegram').map(
  ({ name, description }) => ({ command: name, description }),
);
