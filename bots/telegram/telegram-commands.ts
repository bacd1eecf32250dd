// The slash commands Telegram shows in its menu, registered with setMyCommands at startup.
import type { BotCommand, LanguageCode } from 'grammy/types';
import { type MenuSettings, menuCommands } from '../../src/chat/command-menus.ts';
import { LANGUAGE_CODES, type Language } from '../../src/i18n/languages.ts';
import { type Translator, translatorFor } from '../../src/i18n/translator.ts';

/** The language of the menu Telegram shows users whose language_code has no menu of its own. */
const MENU_DEFAULT: Language = 'en';

/** One setMyCommands call: the menu in one language; language null: everyone else's. */
export type TelegramMenu = {
  readonly commands: BotCommand[];
  /** Telegram's language_code for it, or null for the default menu. */
  readonly language: LanguageCode | null;
};

/**
 * The registry's Telegram menu in `t`'s language for a server with `settings` (every command
 * without them). Telegram takes names of a-z, 0-9 and _ (at most 32) and descriptions of 1 to
 * 256 characters; the command tests hold the registry to that.
 */
function telegramCommands(t: Translator, settings?: MenuSettings): BotCommand[] {
  return menuCommands(t, 'telegram', settings).map(({ name, description }) => ({
    command: name,
    description,
  }));
}

/**
 * Every menu to register: the default one (English, no language_code) and one per other
 * registry language under its ISO 639-1 code, which is what Telegram's language_code holds.
 */
export function telegramMenus(settings?: MenuSettings): TelegramMenu[] {
  return LANGUAGE_CODES.map((lang) => {
    const commands = telegramCommands(translatorFor(lang), settings);
    return { commands, language: lang === MENU_DEFAULT ? null : lang };
  });
}
